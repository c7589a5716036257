"""Members' records, kept by the chair and secretary: roles, details, training, leaving."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Member,
    Membership,
    TrainingRecord,
)
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.guests import chair_independent_required


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


def training_record(*, actor: User, member: Member, course: str, completed_on: datetime.date) -> TrainingRecord:
    """Record a course an Expert by Experience has completed (again: the date is updated)."""
    with transaction.atomic():
        record, _created = TrainingRecord.objects.update_or_create(
            member=member, course=course, defaults={"completed_on": completed_on, "recorded_by": actor}
        )
        member_record_audit(actor, record, f"training {course}")
    return record


def membership_end(*, actor: User, membership: Membership) -> Membership:
    """They leave the body: their record and what they took part in stay."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.left_on is None:
            locked.left_on = timezone.localdate()
            locked.save(update_fields=["left_on"])
            member_record_audit(actor, locked, "left")
    return locked
