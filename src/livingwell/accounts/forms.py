from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm

USERNAME_MAX_LENGTH = 150


class SignInForm(GovukForm, AuthenticationForm):
    error_messages = {
        "invalid_login": _("Enter a correct username and password. Both are case-sensitive."),
        "inactive": _("This account has been closed."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs.update({"spellcheck": "false", "autocapitalize": "none"})
        self.fields["username"].error_messages["required"] = _("Enter your username")
        # AuthenticationForm sets max_length too late for Django to add its validator.
        self.fields["username"].validators.append(
            MaxLengthValidator(USERNAME_MAX_LENGTH, _("Enter a username of 150 characters or fewer"))
        )
        self.fields["password"].label = _("Password")
        self.fields["password"].error_messages["required"] = _("Enter your password")


class TwoFactorCodeForm(GovukForm):
    code = forms.CharField(
        label=_("Security code"),
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        max_length=16,
        error_messages={"required": _("Enter your security code")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "class": "govuk-input--width-10"}
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class ChoosePasswordForm(GovukForm, SetPasswordForm):  # type: ignore[misc]
    """Choosing a password from an invitation, with Django's password rules."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("Type it again")


class ForgotPasswordForm(GovukForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The one your account uses. We send a link there to choose a new password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the right form, like name@example.org"),
        },
    )
