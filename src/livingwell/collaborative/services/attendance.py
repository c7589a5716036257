"""A meeting on its day: attendance, decisions with the quorum they were taken at, actions."""

import datetime
import uuid
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative import payments
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Action,
    Attendance,
    Decision,
    Meeting,
    Membership,
)
from livingwell.collaborative.selectors import (
    its_day_has_come,
    quorum_for,
)
from livingwell.collaborative.services.common import Refused
from livingwell.core.submissions import created_once


def _on_the_day_or_after(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.CANCELLED:
        raise Refused(_("This meeting is cancelled."))
    if not its_day_has_come(meeting):
        raise Refused(_("Attendance is taken on the day of the meeting"))


def attendance_mark(*, actor: User, meeting: Meeting, membership: Membership, present: bool) -> None:
    """Mark a member there or not there. Marking twice changes nothing."""
    _on_the_day_or_after(meeting)
    if membership.body_id != meeting.body_id:
        raise Refused(_("They are not a member of this group."))
    with transaction.atomic():
        if not present:
            for attendance in Attendance.objects.filter(meeting=meeting, membership=membership):
                try:
                    payments.claim_undo(meeting, membership.member_id)
                except payments.PaymentRefused as refused:
                    raise Refused(str(refused)) from refused
                member_record_audit(actor, attendance, "marked not there", AuditEvent.Action.DELETE)
                attendance.delete()
            return
        constituency = membership.constituency
        attendance, created = Attendance.objects.get_or_create(
            meeting=meeting,
            membership=membership,
            defaults={"kind": constituency.kind, "constituency_name": constituency.name, "recorded_by": actor},
        )
        if created:
            member_record_audit(actor, attendance, "marked there", AuditEvent.Action.CREATE)
            payments.claim_make(attendance)


def _constituencies_present(meeting: Meeting) -> list[dict[str, object]]:
    counts = Counter((a.constituency_name, a.kind) for a in meeting.attendance.all())
    return [{"name": name, "kind": kind, "count": count} for (name, kind), count in sorted(counts.items())]


def decision_record(
    *,
    actor: User,
    meeting: Meeting,
    what: str,
    scope: str,
    out_reason: str,
    out_explanation: str,
    participation: str,
    submission_id: uuid.UUID,
) -> Decision:
    """Record a decision with its co-production scope and level of participation. Whether the meeting
    was quorate, and which constituencies were there, are kept as they were at that moment."""
    _on_the_day_or_after(meeting)
    if scope == Decision.Scope.OUT and not out_reason:
        raise Refused(_("Say why it is out of scope"))

    def create() -> Decision:
        decision = Decision.objects.create(
            meeting=meeting,
            body_id=meeting.body_id,
            what=what,
            scope=scope,
            out_reason=out_reason if scope == Decision.Scope.OUT else "",
            out_explanation=out_explanation if scope == Decision.Scope.OUT else "",
            participation=participation,
            quorate=quorum_for(meeting).quorate,
            constituencies_present=_constituencies_present(meeting),
            submission_id=submission_id,
            recorded_by=actor,
        )
        member_record_audit(actor, decision, "decision recorded", AuditEvent.Action.CREATE)
        return decision

    return created_once(Decision, create, submission_id=submission_id)


def action_add(
    *,
    actor: User,
    meeting: Meeting,
    decision: Decision | None,
    what: str,
    owner: Membership,
    due_on: datetime.date,
    submission_id: uuid.UUID,
) -> Action:
    _on_the_day_or_after(meeting)
    if owner.body_id != meeting.body_id:
        raise Refused(_("Choose an owner from the members"))

    def create() -> Action:
        action = Action.objects.create(
            body_id=meeting.body_id,
            meeting=meeting,
            decision=decision,
            what=what,
            owner=owner,
            due_on=due_on,
            submission_id=submission_id,
        )
        member_record_audit(actor, action, "action agreed", AuditEvent.Action.CREATE)
        return action

    return created_once(Action, create, submission_id=submission_id)


def action_status_change(*, actor: User, action: Action, status: str) -> Action:
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        if locked.status == status:
            return locked
        locked.status = status
        locked.status_changed_at = timezone.now()
        locked.save(update_fields=["status", "status_changed_at"])
        member_record_audit(actor, locked, f"action {status}")
    return locked
