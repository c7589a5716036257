"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

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
}

KWARGS: dict[str, Kwargs] = {}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = set()
