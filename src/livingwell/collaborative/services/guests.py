"""Guests at a meeting, and an independent chair.

A guest is invited to present or contribute to one item: a name, an organisation and an email address for
the meeting's details, no account. Their attendance is kept apart from members', so it never counts towards
quorum. A body that has an independent chair is chaired only by a member of its independent chair
constituency, who represents no constituency."""

import functools
import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import AgendaItem, Body, Constituency, ConstituencyKind, Guest, Meeting
from livingwell.collaborative.selectors import meeting_url
from livingwell.collaborative.services.common import Refused
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.submissions import created_once


def chair_independent_required(body: Body, constituency: Constituency) -> None:
    """Refuse a chair who represents a constituency, for a body that has an independent chair."""
    if body.requires_independent_chair and constituency.kind != ConstituencyKind.INDEPENDENT_CHAIR:
        raise Refused(_("This group has an independent chair: choose a member of its independent chair group"))


def guest_invite(
    *,
    actor: User,
    meeting: Meeting,
    agenda_item: AgendaItem | None,
    name: str,
    organisation: str,
    email: str,
    part: str,
    submission_id: uuid.UUID,
) -> Guest:
    """Invite a guest to an item of the meeting; they are sent the meeting's details by email."""
    if meeting.status == Meeting.Status.CANCELLED or meeting.is_past:
        raise Refused(_("Guests are invited to a meeting still to come"))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise Refused(_("Choose an item of this meeting"))

    def create() -> Guest:
        guest = Guest.objects.create(
            meeting=meeting,
            agenda_item=agenda_item,
            name=name,
            organisation=organisation,
            email=email,
            part=part,
            invited_by=actor,
            submission_id=submission_id,
        )
        member_record_audit(actor, guest, "guest invited", AuditEvent.Action.CREATE)
        transaction.on_commit(functools.partial(message_enqueue, guest_message, guest_id=guest.pk))
        return guest

    return created_once(Guest, create, submission_id=submission_id)


def guest_there(*, actor: User, guest: Guest, there: bool) -> None:
    """Whether the guest came: recorded apart from members' attendance, never counted towards quorum."""
    with transaction.atomic():
        Guest.objects.filter(pk=guest.pk).update(there=there)
        member_record_audit(actor, guest, "there" if there else "not there")


@message_builder
def guest_message(guest_id: int) -> Message | None:
    guest = Guest.objects.select_related("meeting__body", "agenda_item").filter(pk=guest_id).first()
    if guest is None or guest.meeting.status == Meeting.Status.CANCELLED:
        return None
    return Message(
        to=guest.email,
        subject=_("You are invited to %(body)s") % {"body": guest.meeting.body.name},
        template_name="collaborative/email/guest.txt",
        context={"guest": guest, "meeting": guest.meeting, "url": meeting_url(guest.meeting)},
    )
