"""What accounts hold about a person who signs in: their account (``core.personal_data``). Erasing closes it:
no name, no address, no password and no second factor, so nobody can sign in as them again."""

import datetime
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingwell.accounts.models import User
from livingwell.core.personal_data import Held, held_as, of_account

MODELS = (User,)
NEVER = ("password", "is_superuser", "is_staff")


def held(person: Any) -> list[Held]:
    return [held_as(_("Your account for signing in"), of_account(User.objects.all(), person, "pk"), leave_out=NEVER)]


def erase(person: Any) -> list[tuple[str, int]]:
    if person.user_id is None:
        return []
    TOTPDevice.objects.filter(user_id=person.user_id).delete()
    StaticDevice.objects.filter(user_id=person.user_id).delete()
    closed = User.objects.filter(pk=person.user_id).update(
        username=f"erased-{person.user_id}",
        email="",
        first_name="",
        last_name="",
        is_active=False,
        password=make_password(None),
    )
    return [("accounts.user", closed)]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [User.objects.filter(last_login__gte=moment, person__isnull=False).values("person")]
