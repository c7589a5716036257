"""Members' records, kept by the chair and secretary: roles, details, training, leaving."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    JoinRequest,
    Member,
    Membership,
    Supervision,
    TrainingRecord,
)
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.guests import chair_independent_required
from livingwell.core.submissions import created_once


def membership_role_set(*, actor: User, membership: Membership, role: str) -> Membership:
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.left_on is not None:
            raise Refused(_("They have left this group."))
        if role == Membership.Role.CHAIR:
            chair_independent_required(locked.body, locked.constituency)
        locked.role = role
        locked.save(update_fields=["role"])
        member_record_audit(actor, locked, f"role {role}")
    return locked


def member_details_update(*, actor: User, member: Member, changes: dict[str, object]) -> Member:
    with transaction.atomic():
        for name, value in changes.items():
            setattr(member, name, value)
        member.save(update_fields=list(changes))
        member_record_audit(actor, member, "details changed: " + ", ".join(sorted(changes)))
    return member


def training_record(
    *,
    actor: User,
    member: Member,
    course: str,
    course_on: datetime.date | None,
    attended: bool,
    completed_on: datetime.date | None,
) -> TrainingRecord:
    """Record one of the four courses for a member: its date, whether they attended, and when they completed
    it (again: the record is updated)."""
    if completed_on is not None and course_on is not None and completed_on < course_on:
        raise Refused(_("A course is completed on or after its date"))
    with transaction.atomic():
        record, _created = TrainingRecord.objects.update_or_create(
            member=member,
            course=course,
            defaults={
                "course_on": course_on,
                "attended": attended or completed_on is not None,
                "completed_on": completed_on,
                "recorded_by": actor,
            },
        )
        member_record_audit(actor, record, f"training: {course}")
    return record


def membership_induct(*, actor: User, membership: Membership, inducted_on: datetime.date) -> None:
    with transaction.atomic():
        Membership.objects.filter(pk=membership.pk).update(inducted_on=inducted_on)
        member_record_audit(actor, membership, "inducted")


def membership_buddy_set(*, actor: User, membership: Membership, buddy: Membership | None) -> None:
    """Pair a new member with an experienced one of the same body (or no one)."""
    if buddy is not None and (
        buddy.pk == membership.pk or buddy.body_id != membership.body_id or buddy.left_on is not None
    ):
        raise Refused(_("Choose someone else who is a member of this group"))
    with transaction.atomic():
        Membership.objects.filter(pk=membership.pk).update(buddy=buddy)
        member_record_audit(actor, membership, "buddy chosen" if buddy else "buddy removed")


def supervision_record(
    *,
    actor: User,
    member: Member,
    held_on: datetime.date,
    notes: str,
    follow_ups: str,
    submission_id: uuid.UUID,
) -> Supervision:
    """A supervision session, its notes visible to the member on their own page. Sent twice: kept once."""

    def create() -> Supervision:
        session = Supervision.objects.create(
            member=member,
            supervisor=actor,
            held_on=held_on,
            notes=notes,
            follow_ups=follow_ups,
            submission_id=submission_id,
        )
        member_record_audit(actor, session, "supervision", AuditEvent.Action.CREATE)
        return session

    return created_once(Supervision, create, submission_id=submission_id)


def membership_end(*, actor: User, membership: Membership) -> Membership:
    """They leave the body: their record and what they took part in stay."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.left_on is None:
            locked.left_on = timezone.localdate()
            locked.save(update_fields=["left_on"])
            member_record_audit(actor, locked, "left")
    return locked


def join_conversation_record(
    *, actor: User, join_request: JoinRequest, conversation_on: datetime.date, notes: str
) -> None:
    """The short conversation with someone who asked to join, before they are approved."""
    with transaction.atomic():
        JoinRequest.objects.filter(pk=join_request.pk).update(conversation_on=conversation_on, conversation_notes=notes)
        member_record_audit(actor, join_request, "conversation recorded")
