"""Signing in and out, the second factor, and the signed-in landing page."""

from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LoginView, LogoutView, PasswordResetConfirmView, redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from livingwell.accounts.forms import ChoosePasswordForm, ForgotPasswordForm, SignInForm, TwoFactorCodeForm
from livingwell.accounts.models import User
from livingwell.accounts.permissions import role_required, two_factor_then, user_is_verified
from livingwell.accounts.services import (
    password_reset_send,
    totp_device_confirm,
    totp_device_pending_get_or_create,
    two_factor_enrolled_message,
)
from livingwell.accounts.sso import ID_TOKEN, provider_logout_url, sso_on
from livingwell.core.forms import posted
from livingwell.core.languages import english_only
from livingwell.core.outbox import message_enqueue
from livingwell.core.rate_limits import limited_response, over_limit


class SignInView(LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "sso_on": sso_on(), "sso_name": settings.LW_SSO_NAME}

    def get_success_url(self) -> str:
        url = super().get_success_url()
        if getattr(self.request.user, "is_staff_role", False):
            return two_factor_then(url)
        return url


class WelcomeView(PasswordResetConfirmView):
    """A person invited online (to read their plan, or as a new member of a co-production body) chooses a
    password, and is signed in: to their plan when they have one, else to their account's page."""

    template_name = "accounts/welcome.html"
    form_class = ChoosePasswordForm
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    reset_url_token = "choose-password"  # noqa: S105 - the path that stands in for the token, not a secret

    def get_user(self, uidb64: str) -> User | None:
        """Only people using the network are invited this way; a staff account never signs in by a link."""
        user = super().get_user(uidb64)
        if user is None or user.is_staff_role:
            return None
        return user

    def _has_plan(self) -> bool:
        # "person" is the person record linked to the account (people.Person.user), if there is one.
        return self.user is not None and hasattr(self.user, "person")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # A member of the Collaborative or the time bank has no plan: the page promises only what is there.
        return {**super().get_context_data(**kwargs), "has_plan": self._has_plan()}

    def get_success_url(self) -> str:
        if self._has_plan():
            messages.success(self.request, _("Your password is set. This is your plan."))
            return reverse("support:my_plan")
        messages.success(self.request, _("Your password is set."))
        return reverse("accounts:dashboard")


@require_http_methods(["GET", "POST"])
def forgot_password(request: HttpRequest) -> HttpResponse:
    """Ask for a link to choose a new password. The answer is the same whether or not an account matched."""
    form = ForgotPasswordForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "password_reset"):
            return limited_response(request)
        password_reset_send(email=form.cleaned_data["email"])
        return render(request, "accounts/forgot_password_sent.html")
    return render(request, "accounts/forgot_password.html", {"form": form})


class PasswordResetView(PasswordResetConfirmView):
    """Choose a new password from the emailed link. Nobody is signed in by it: they sign in as usual, and
    staff still give their second factor."""

    template_name = "accounts/password_reset.html"
    form_class = ChoosePasswordForm
    post_reset_login = False
    reset_url_token = "choose-new-password"  # noqa: S105 - the path that stands in for the token, not a secret

    def get_success_url(self) -> str:
        messages.success(self.request, _("Your password is changed. Sign in with it now."))
        return reverse("accounts:sign_in")


class SignOutView(LogoutView):
    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        id_token = request.session.get(ID_TOKEN, "")
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out."))
        if provider := provider_logout_url(request, id_token):
            return redirect(provider)  # the organisation's sign-in ends too
        return response


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, require_https=request.is_secure()):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


@english_only  # only staff have a second factor
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the second factor, or set one up if the user has none yet."""
    user = request.user
    if not isinstance(user, User):
        return redirect_to_login(request.get_full_path())
    next_url = _next_url(request)
    if user_is_verified(user):
        return HttpResponseRedirect(next_url)
    form = TwoFactorCodeForm(request.POST if request.method == "POST" else None)
    if user_has_device(user):
        if form.is_bound and form.is_valid():
            device = match_token(user, form.cleaned_data["code"])
            if device is not None:
                otp_login(request, device)
                return HttpResponseRedirect(next_url)
            form.add_error("code", _("The security code is not right. Check it and try again."))
        return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})

    device = totp_device_pending_get_or_create(user=user)
    if form.is_bound and form.is_valid():
        backup_codes = totp_device_confirm(device=device, code=form.cleaned_data["code"])
        if backup_codes is not None:
            otp_login(request, device)
            if user.email:
                message_enqueue(two_factor_enrolled_message, user_id=user.pk)
            return render(request, "accounts/two_factor_backup_codes.html", {"codes": backup_codes, "next": next_url})
        form.add_error("code", _("The security code is not right. Check the time on your phone and try again."))
    context = {
        "form": form,
        "next": next_url,
        "qr_code": segno.make(device.config_url, error="m").svg_inline(
            scale=5, title=_("QR code to add this account to your authenticator app")
        ),
        "secret": b32encode(device.bin_key).decode(),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@role_required()
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/dashboard.html")
