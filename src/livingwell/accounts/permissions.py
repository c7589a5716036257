"""Who may open which view. Every non-public view is wrapped in ``role_required``.

The tests in ``core/tests/test_permission_matrix.py`` walk every URL and hold this to DESIGN.md §3.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from livingwell.accounts.models import STAFF_ROLES, Role
from livingwell.core.languages import english_only

View = Callable[..., HttpResponse]
EVERY_ROLE = frozenset(Role)


def user_is_verified(user: object) -> bool:
    """True when django-otp's middleware has seen a verified second factor in this session."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def two_factor_then(next_url: str) -> str:
    """The second-factor step's address, going on to ``next_url`` after it."""
    return f"{reverse('accounts:two_factor')}?{urlencode({'next': next_url})}"


def two_factor_url(request: HttpRequest) -> str:
    """Where a signed-in staff member goes to prove their second factor, then come back."""
    return two_factor_then(request.get_full_path())


def role_required(*roles: Role) -> Callable[[View], View]:
    """Let a view through only for a signed-in user with one of ``roles`` (any role when none given).

    Staff must have verified their second factor in this session before any role check.
    """
    allowed = frozenset(roles) or EVERY_ROLE

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user.is_staff_role and not user_is_verified(user):
                return HttpResponseRedirect(two_factor_url(request))
            if user.role not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = allowed  # type: ignore[attr-defined]
        # Staff's own pages are in English whatever language someone chose (decision 0062).
        return english_only(wrapper) if allowed <= STAFF_ROLES else wrapper

    return decorator
