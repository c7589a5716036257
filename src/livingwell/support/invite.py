"""Inviting a person to read their plan online: an account of their own, and an email to set its password.

The email's link is Django's password-reset token for that account: it works until the password is set
(or for ``PASSWORD_RESET_TIMEOUT``), and the page it opens moves the token into the session at once.
A person signs in with their email address.
"""

import functools

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.accounts.services import invited_account_create, welcome_url
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused
from livingwell.people.matching import email_key
from livingwell.people.models import Person


class InviteRefused(Refused):
    """Why the person cannot be invited, in words for the guide."""


def person_account_invite(*, actor: User, person: Person) -> User:
    """Make (or, if they never set a password, reuse) the person's account and email them the way in."""
    if not person.email:
        raise InviteRefused(
            _("They have not given an email address, so they cannot be invited. Print the plan instead.")
        )
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        user = locked.user
        if user is not None and user.has_usable_password():
            raise InviteRefused(_("They already have an account. They can sign in with their email address."))
        if user is None:
            username = email_key(locked.email)
            if User.objects.filter(username=username).exists():
                raise InviteRefused(_("Someone else has an account with that email address."))
            user = invited_account_create(username=username, email=locked.email, first_name=locked.preferred_name)
            locked.user = user
            locked.save(update_fields=["user", "updated_at"])
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CHANGE, record=locked, person_id=locked.pk, detail="invited online"
        )
        transaction.on_commit(functools.partial(message_enqueue, invitation_message, person_id=locked.pk))
    return user


@message_builder
def invitation_message(person_id: str) -> Message | None:
    """The way in, its token made now, as it is sent; nothing once they have chosen a password."""
    person = Person.objects.select_related("user").filter(pk=person_id).first()
    if person is None or person.user is None or person.user.has_usable_password():
        return None
    with in_language(person.written_in):  # the language they read (decision 0062)
        return Message(
            to=person.email,
            subject=_("Your plan with %(service)s, online") % {"service": settings.LW_SERVICE_NAME},
            template_name="support/email/invitation.txt",
            context={
                "name": person.preferred_name,
                "url": welcome_url(person.user),
                "service_name": settings.LW_SERVICE_NAME,
                "email": person.email,
            },
        )
