"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.core.health import worker_heartbeat_leave
from livingwell.core.tests.matrix import (
    PUBLIC,
    Kwargs,
    Who,
)

MATRIX: dict[str, Who] = {
    "core:home": PUBLIC,
    "core:get_help_now": PUBLIC,
    "core:accessibility": PUBLIC,
    "core:privacy": PUBLIC,
    "core:cookies": PUBLIC,
    "core:contact": PUBLIC,
    # Whether this instance and the platform are well: for the proxy and monitoring, with nothing personal.
    "core:health": PUBLIC,
    "core:health_live": PUBLIC,
    "core:health_ready": PUBLIC,
    # GOV.UK Notify's delivery receipts: for Notify alone, with our token; no person reaches it.
    "core:notify_receipt": frozenset(),
    # The language switcher: anyone may choose the language they read in.
    "language": PUBLIC,
}


def _worker_seen() -> dict[str, object]:
    """A worker has done its housekeeping just now, so the platform's health is well."""
    worker_heartbeat_leave()
    return {}


KWARGS: dict[str, Kwargs] = {"core:health": _worker_seen, "language": lambda: {"code": "pl"}}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = {"core:notify_receipt"}
