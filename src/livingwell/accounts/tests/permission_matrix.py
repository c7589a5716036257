"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.core.tests.matrix import (
    ADMIN_ONLY,
    PUBLIC,
    SIGNED_IN,
    Kwargs,
    Who,
)

MATRIX: dict[str, Who] = {
    "accounts:sign_in": PUBLIC,
    # Signing out when not signed in does nothing, harmlessly.
    "accounts:sign_out": PUBLIC,
    "accounts:two_factor": SIGNED_IN,
    "accounts:dashboard": SIGNED_IN,
    "admin": ADMIN_ONLY,
    # An invitation's link to choose a password: anyone holding it.
    "accounts:welcome": PUBLIC,
    "accounts:forgot_password": PUBLIC,
    "accounts:password_reset": PUBLIC,
    # Single sign-on is off here (no provider), so nobody finds it; with it on, anyone may start it and the
    # provider decides (tests/browser/test_sso.py).
    "accounts:sso_start": frozenset(),
    "accounts:sso_callback": frozenset(),
}

KWARGS: dict[str, Kwargs] = {
    "accounts:welcome": lambda: {"uidb64": "MQ", "token": "not-a-token"},
    "accounts:password_reset": lambda: {"uidb64": "MQ", "token": "not-a-token"},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = {"accounts:sign_out"}
