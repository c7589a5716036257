"""Django's admin, reached only through our own sign-in and a verified second factor."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from livingwell.accounts.models import Role, User
from livingwell.accounts.permissions import two_factor_then, user_is_verified


class LivingWellAdminSite(OTPAdminSite):
    site_header = "Living Well administration"
    site_title = "Living Well administration"

    def has_permission(self, request: HttpRequest) -> bool:
        # OTPAdminSite already asks for a verified second factor; the admin is for administrators only.
        return super().has_permission(request) and getattr(request.user, "role", None) == Role.ADMINISTRATOR

    def login(self, request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponse:
        """Send people to our own sign-in and second factor; refuse anyone already through them."""
        next_url = request.GET.get("next") or reverse("admin:index")
        user = request.user
        if not isinstance(user, User):
            return redirect_to_login(next_url)
        if user.is_staff_role and not user_is_verified(user):
            return HttpResponseRedirect(two_factor_then(next_url))
        raise PermissionDenied
