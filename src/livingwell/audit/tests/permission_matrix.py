"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.core.tests.matrix import (
    ADMIN_ONLY,
    Kwargs,
    Who,
)

MATRIX: dict[str, Who] = {
    "audit:event_list": ADMIN_ONLY,
}

KWARGS: dict[str, Kwargs] = {}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = set()
