"""The rolling programme and the agenda: topics, items, and publishing with notice."""

import functools
import uuid

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    AgendaItem,
    Meeting,
    Membership,
    Topic,
)
from livingwell.collaborative.selectors import (
    notice_days,
)
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.meetings import _members_tell, reminder_schedule
from livingwell.core.submissions import created_once


def topic_suggest(*, membership: Membership, title: str, why: str, submission_id: uuid.UUID) -> Topic:
    def create() -> Topic:
        topic = Topic.objects.create(
            body_id=membership.body_id, title=title, why=why, suggested_by=membership, submission_id=submission_id
        )
        member_record_audit(membership.member.user, topic, "topic suggested", AuditEvent.Action.CREATE)
        return topic

    return created_once(Topic, create, submission_id=submission_id)


def topic_not_taken(*, actor: User, topic: Topic, reason: str) -> Topic:
    with transaction.atomic():
        locked = Topic.objects.select_for_update().get(pk=topic.pk)
        if locked.status != Topic.Status.SUGGESTED:
            raise Refused(_("This topic is already on an agenda or set aside."))
        locked.status = Topic.Status.NOT_TAKEN
        locked.not_taken_reason = reason
        locked.save(update_fields=["status", "not_taken_reason"])
        member_record_audit(actor, locked, "not taken forward")
    return locked


def _next_position(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0) + 1


def _agenda_open(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.CANCELLED:
        raise Refused(_("This meeting is cancelled."))
    if meeting.ends_at < timezone.now():
        raise Refused(_("This meeting has already happened."))


def agenda_topic_schedule(*, actor: User, meeting: Meeting, topic: Topic, lead: Membership | None) -> AgendaItem:
    """Put a suggested topic on a meeting's agenda, with the member who will lead it."""
    _agenda_open(meeting)
    if lead is not None and lead.body_id != meeting.body_id:
        raise Refused(_("Choose a lead from the members"))
    with transaction.atomic():
        locked = Topic.objects.select_for_update().get(pk=topic.pk)
        if locked.body_id != meeting.body_id or locked.status != Topic.Status.SUGGESTED:
            raise Refused(_("This topic is already on an agenda or set aside."))
        item = AgendaItem.objects.create(
            meeting=meeting, topic=locked, title=locked.title, lead=lead, position=_next_position(meeting)
        )
        locked.status = Topic.Status.SCHEDULED
        locked.save(update_fields=["status"])
        member_record_audit(actor, item, "topic scheduled", AuditEvent.Action.CREATE)
    return item


def agenda_item_add(*, actor: User, meeting: Meeting, kind: str, title: str, lead: Membership | None) -> AgendaItem:
    """A standing item before the meeting, or any other business raised on the day."""
    _agenda_open(meeting)
    on_the_day = kind == AgendaItem.Kind.AOB
    if on_the_day and notice_days(meeting) != 0:
        raise Refused(_("Any other business is raised on the day of the meeting"))
    if lead is not None and lead.body_id != meeting.body_id:
        raise Refused(_("Choose a lead from the members"))
    with transaction.atomic():
        item = AgendaItem.objects.create(
            meeting=meeting,
            kind=kind,
            title=title,
            lead=lead,
            position=_next_position(meeting),
            raised_on_the_day=on_the_day,
        )
        member_record_audit(actor, item, "agenda item added", AuditEvent.Action.CREATE)
    return item


def agenda_item_remove(*, actor: User, item: AgendaItem) -> None:
    _agenda_open(item.meeting)
    with transaction.atomic():
        if item.topic_id:
            Topic.objects.filter(pk=item.topic_id).update(status=Topic.Status.SUGGESTED)
        member_record_audit(actor, item, "agenda item removed", AuditEvent.Action.DELETE)
        item.delete()


def agenda_publish(*, actor: User, meeting: Meeting) -> Meeting:
    """Publish the forward agenda on the public site, send it to members and queue their reminder.
    Publishing with short notice is allowed (the page warned first) and the public agenda says so."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
        _agenda_open(locked)
        if locked.agenda_published_at:
            return locked
        locked.agenda_published_at = timezone.now()
        locked.agenda_published_by = actor
        locked.save(update_fields=["agenda_published_at", "agenda_published_by"])
        member_record_audit(actor, locked, "agenda published")
        transaction.on_commit(functools.partial(_members_tell, locked, "agenda"))
        transaction.on_commit(functools.partial(reminder_schedule, locked))
    return locked
