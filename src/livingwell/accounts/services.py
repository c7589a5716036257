"""Second-factor enrolment and sign-in, and accounts made by invitation."""

import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingwell.accounts.models import Role, User

BACKUP_CODE_COUNT = 10


def totp_device_pending_get_or_create(*, user: User) -> TOTPDevice:
    """Return the user's unconfirmed authenticator, making one if there is none yet."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    return device


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm an authenticator with a code from it, and return fresh backup codes; None if wrong."""
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return backup_codes_replace(user=device.user)


@transaction.atomic
def backup_codes_replace(*, user: User, codes: list[str] | None = None) -> list[str]:
    """Replace the user's backup codes: each works once."""
    static_device, _created = StaticDevice.objects.get_or_create(user=user, name="Backup codes")
    static_device.token_set.all().delete()
    new_codes = codes or [secrets.token_hex(4) for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static_device, token=code) for code in new_codes)
    return new_codes


def user_has_confirmed_totp(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def invited_account_create(*, username: str, email: str, first_name: str) -> User:
    """A person's account with no password yet: they choose one through ``welcome_url``."""
    user = User(username=username, email=email, role=Role.PERSON, first_name=first_name[:150])
    user.set_unusable_password()
    user.save()
    return user


def welcome_url(user: User) -> str:
    """The full address where an invited user chooses their password. The link is Django's password-reset
    token for that account: it works until the password is set (or for ``PASSWORD_RESET_TIMEOUT``)."""
    path = reverse(
        "accounts:welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.LW_SITE_URL}{path}"
