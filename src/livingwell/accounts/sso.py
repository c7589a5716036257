"""Staff sign-in with the organisation's accounts: OpenID Connect through mozilla-django-oidc (MPL-2.0), when
``LW_SSO_CLIENT_ID`` is set (decision 0054).

- Only staff: an account an administrator made first, with a staff role, matched by the email address the
  provider says it has verified. Roles stay in Living Well. People who use the network keep their own
  simple accounts.
- The second factor: with ``LW_SSO_REQUIRE_MFA`` (the default), the provider must say a second factor was
  used (``mfa`` in the ID token's ``amr``, as Microsoft Entra ID does), and the platform asks for no other;
  without it, staff give their authenticator app's code after signing in, as with a password.
- Signing out ends the provider's session too, when it names an end-session endpoint.
"""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from livingwell.accounts.models import STAFF_ROLES, User
from livingwell.accounts.permissions import two_factor_then

# In the session: the provider proved a second factor at this sign-in.
SSO_MFA = "lw_sso_mfa"
ID_TOKEN = "oidc_id_token"  # noqa: S105 - mozilla-django-oidc's session key (OIDC_STORE_ID_TOKEN), not a secret


def sso_on() -> bool:
    return bool(settings.LW_SSO_CLIENT_ID)


class StaffOIDCBackend(OIDCAuthenticationBackend):
    """Signs in a staff member whose verified email the provider gives, and only with its second factor when
    that is required. Says why it refused on the request, for the sign-in page."""

    def _refuse(self, why: str) -> None:
        self.request.lw_sso_refused = why  # type: ignore[attr-defined]
        raise SuspiciousOperation(why)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not claims.get("email") or claims.get("email_verified") is not True:
            self._refuse(_("Your organisation's account did not give a verified email address."))
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        return User.objects.filter(email__iexact=claims["email"], role__in=STAFF_ROLES, is_active=True)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> AbstractBaseUser | None:
        if settings.LW_SSO_REQUIRE_MFA and "mfa" not in (payload.get("amr") or []):
            self._refuse(_("Your organisation's sign-in did not use a second factor, which Living Well needs."))
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            self._refuse(_("There is no staff account here with your email address. Ask an administrator."))
        return user


class _OnlyWhenOn(View):
    """Off, it is not found."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not sso_on():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SsoStartView(_OnlyWhenOn, OIDCAuthenticationRequestView):
    """Sends the browser to the organisation's sign-in."""


class SsoCallbackView(_OnlyWhenOn, OIDCAuthenticationCallbackView):
    """Where the organisation's sign-in sends the browser back."""

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        if settings.LW_SSO_REQUIRE_MFA:
            self.request.session[SSO_MFA] = self.user.pk
            return response
        return redirect(two_factor_then(self.success_url))

    def login_failure(self) -> HttpResponse:
        why = getattr(self.request, "lw_sso_refused", "") or _("Your organisation's sign-in did not finish.")
        messages.error(self.request, why)
        return redirect("accounts:sign_in")


def sso_second_factor_middleware(get_response: Any) -> Any:
    """After django-otp's middleware: a staff member whose provider proved a second factor at this sign-in is
    verified, as if they had given a code."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and request.session.get(SSO_MFA) == user.pk:
            user.is_verified = lambda: True  # type: ignore[union-attr,attr-defined]
        return get_response(request)

    return middleware


def provider_logout_url(request: HttpRequest, id_token: str) -> str:
    """The provider's end-session address, to end its session too ('' when it names none)."""
    if not settings.LW_SSO_LOGOUT_ENDPOINT or not id_token:
        return ""
    query = {"id_token_hint": id_token, "post_logout_redirect_uri": request.build_absolute_uri(reverse("core:home"))}
    return f"{settings.LW_SSO_LOGOUT_ENDPOINT}?{urlencode(query)}"
