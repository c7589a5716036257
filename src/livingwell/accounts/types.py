"""Types shared across apps."""

from django.http import HttpRequest

from livingwell.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request that ``role_required`` has let through: the user is signed in."""

    user: User  # type: ignore[assignment]
