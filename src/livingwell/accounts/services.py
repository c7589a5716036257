"""Second-factor enrolment and sign-in, and accounts made by invitation."""

import secrets

from django.apps import apps
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingwell.accounts.models import Role, User
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue

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


def invited_account_create(*, username: str, email: str, first_name: str) -> User:
    """A person's account with no password yet: they choose one through ``welcome_url``."""
    user = User(username=username, email=email, role=Role.PERSON, first_name=first_name[:150])
    user.set_unusable_password()
    user.save()
    return user


def account_for_email(*, email: str, name: str) -> tuple[User, bool]:
    """The account whose username is this email address, else the only account with this address (staff sign
    in with other usernames), else a new one with no password yet; True when it was made now."""
    username = email.strip().lower()
    user = User.objects.filter(username=username).first()
    if user is None:
        same_address = list(User.objects.filter(email__iexact=email)[:2])
        user = same_address[0] if len(same_address) == 1 else None
    if user is not None:
        return user, False
    return invited_account_create(username=username, email=email, first_name=name), True


def _password_link(user: User, url_name: str) -> str:
    """The full address of a page where ``user`` chooses a password, with Django's password-reset token for
    that account: it works until the password changes (or for ``PASSWORD_RESET_TIMEOUT``)."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse(url_name, kwargs={"uidb64": uidb64, "token": default_token_generator.make_token(user)})
    return f"{settings.LW_SITE_URL}{path}"


def welcome_url(user: User) -> str:
    """The full address where an invited user chooses their first password."""
    return _password_link(user, "accounts:welcome")


def first_sign_in_url(user: User | None) -> tuple[str, bool]:
    """Where a welcome sends someone: to choose a password while the account made for them (a person's,
    never staff's) has none, its token made now; else to sign in. True for the first."""
    if user is not None and user.role == Role.PERSON and not user.has_usable_password():
        return welcome_url(user), True
    return f"{settings.LW_SITE_URL}{reverse('accounts:sign_in')}", False


def password_reset_send(*, email: str) -> int:
    """Send a link to choose a new password to each active account with this email address that has a
    password (an invited account chooses its first through its invitation). The same whether or not any
    account matched, so the page cannot tell anyone who has an account. Returns how many were sent."""
    users = User.objects.filter(email__iexact=email.strip(), is_active=True)
    sent = 0
    for user in users:
        if not user.has_usable_password():
            continue
        message_enqueue(password_reset_message, user_id=user.pk)
        sent += 1
    return sent


def their_language(user: User) -> str:
    """The language an account's owner reads (decision 0062): the one they chose where an app above this one
    keeps it, else the site's own (staff chose none). An app that keeps one names in its ``AppConfig``, as
    ``account_language``, the dotted path of a function giving it for an account, or "" for one not theirs."""
    for config in apps.get_app_configs():
        if (path := getattr(config, "account_language", "")) and (code := import_string(path)(user)):
            return str(code)
    return settings.LANGUAGE_CODE


@message_builder
def password_reset_message(user_id: int) -> Message | None:
    """The link to choose a new password, its token made now, as it is sent."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return None
    with in_language(their_language(user)):
        return Message(
            to=user.email,
            subject=_("Choose a new password for %(service)s") % {"service": settings.LW_SERVICE_NAME},
            template_name="accounts/email/password_reset.txt",
            context={"url": _password_link(user, "accounts:password_reset"), "service_name": settings.LW_SERVICE_NAME},
        )


@message_builder
def two_factor_enrolled_message(user_id: int) -> Message | None:
    """Tell the account's owner that a security code app was set up, in case it was not them."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return None
    with in_language(their_language(user)):
        return Message(
            to=user.email,
            subject=_("A security code app was set up for your account"),
            template_name="accounts/email/two_factor_enrolled.txt",
            context={
                "username": user.username,
                "service_name": settings.LW_SERVICE_NAME,
                "contact_email": settings.LW_CONTACT_EMAIL,
            },
        )
