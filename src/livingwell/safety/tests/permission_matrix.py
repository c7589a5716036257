"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.core.tests.matrix import (
    DUTY_QUEUE,
    SAFETY_FLAGS,
    Kwargs,
    Who,
)
from livingwell.safety.models import RiskFlag

MATRIX: dict[str, Who] = {
    # Safety flags: the duty team and the Hub manager read every one; guides and peers those raised to them.
    "safety:flag_list": SAFETY_FLAGS,
    "safety:flag": DUTY_QUEUE,  # a flag raised to no guide; a guide's own are in safety/tests
}

KWARGS: dict[str, Kwargs] = {
    "safety:flag": lambda: {"flag_id": RiskFlag.objects.create(where="topic", written="x", categories=["suicide"]).pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = set()
