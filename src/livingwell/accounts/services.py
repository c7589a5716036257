"""Second-factor enrolment and sign-in."""

import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingwell.accounts.models import User

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
