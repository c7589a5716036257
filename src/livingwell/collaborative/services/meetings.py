"""Meetings: series and single meetings, moved or cancelled, members told, reminders, replies."""

import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative import rules
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Body,
    Meeting,
    MeetingSeries,
    Member,
    Membership,
    Rsvp,
)
from livingwell.collaborative.selectors import (
    meeting_url,
)
from livingwell.collaborative.services.common import Refused
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue


def series_create(
    *,
    actor: User,
    body: Body,
    rule: str,
    first_start: datetime.datetime,
    minutes_long: int,
    venue: str,
    online_link: str,
    accessibility: str,
) -> MeetingSeries:
    """Start a series of meetings by an RFC 5545 rule, and make its meetings for the year ahead."""
    with transaction.atomic():
        series = MeetingSeries.objects.create(
            body=body,
            rule=rule,
            first_start=first_start,
            minutes_long=minutes_long,
            venue=venue,
            online_link=online_link,
            accessibility=accessibility,
            scheduled_until=first_start - datetime.timedelta(seconds=1),
        )
        meetings_make(series=series, until=timezone.now() + datetime.timedelta(days=settings.LW_MEETINGS_AHEAD_DAYS))
        member_record_audit(actor, series, "meetings planned", AuditEvent.Action.CREATE)
    return series


def meetings_make(*, series: MeetingSeries, until: datetime.datetime) -> int:
    """Make the series' meetings up to ``until`` that are not made yet; how many were made."""
    with transaction.atomic():
        locked = MeetingSeries.objects.select_for_update().get(pk=series.pk)
        if until <= locked.scheduled_until:
            return 0
        length = datetime.timedelta(minutes=locked.minutes_long)
        starts = list(rules.occurrences(locked.rule, locked.first_start, locked.scheduled_until, until))
        Meeting.objects.bulk_create(
            [
                Meeting(
                    body_id=locked.body_id,
                    series=locked,
                    original_start=start,
                    starts_at=start,
                    ends_at=start + length,
                    venue=locked.venue,
                    online_link=locked.online_link,
                    accessibility=locked.accessibility,
                )
                for start in starts
            ],
            ignore_conflicts=True,
        )
        locked.scheduled_until = until
        locked.save(update_fields=["scheduled_until"])
    return len(starts)


def meeting_add(
    *,
    actor: User,
    body: Body,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    venue: str,
    online_link: str,
    accessibility: str,
) -> Meeting:
    """A meeting outside any series, such as an extra one."""
    meeting = Meeting.objects.create(
        body=body,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        online_link=online_link,
        accessibility=accessibility,
    )
    member_record_audit(actor, meeting, "meeting added", AuditEvent.Action.CREATE)
    return meeting


def meeting_move(
    *, actor: User, meeting: Meeting, starts_at: datetime.datetime, ends_at: datetime.datetime, reason: str
) -> Meeting:
    """Move one meeting (an exception to its series): members are told, and reminders follow the new time."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status == Meeting.Status.CANCELLED:
            raise Refused(_("This meeting is cancelled."))
        if locked.ends_at < timezone.now():
            raise Refused(_("This meeting has already happened."))
        locked.starts_at = starts_at
        locked.ends_at = ends_at
        locked.status = Meeting.Status.MOVED
        locked.change_reason = reason
        locked.sequence += 1
        locked.save(update_fields=["starts_at", "ends_at", "status", "change_reason", "sequence"])
        member_record_audit(actor, locked, "moved")
        transaction.on_commit(functools.partial(_members_tell, locked, "changed"))
        if locked.agenda_published_at:
            transaction.on_commit(functools.partial(reminder_schedule, locked))
    return locked


def meeting_cancel(*, actor: User, meeting: Meeting, reason: str) -> Meeting:
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.status == Meeting.Status.CANCELLED:
            return locked
        if locked.ends_at < timezone.now():
            raise Refused(_("This meeting has already happened."))
        locked.status = Meeting.Status.CANCELLED
        locked.change_reason = reason
        locked.sequence += 1
        locked.save(update_fields=["status", "change_reason", "sequence"])
        member_record_audit(actor, locked, "cancelled")
        transaction.on_commit(functools.partial(_members_tell, locked, "changed"))
    return locked


def _members_to_tell(meeting: Meeting, *, skip_no: bool = False) -> list[Member]:
    members = Member.objects.filter(memberships__body_id=meeting.body_id, memberships__left_on__isnull=True).exclude(
        email=""
    )
    if skip_no:
        members = members.exclude(memberships__rsvps__meeting=meeting, memberships__rsvps__answer=Rsvp.Answer.NO)
    return list(members.distinct().order_by("name", "pk"))


def _meeting_context(meeting: Meeting) -> dict[str, object]:
    return {
        "meeting": meeting,
        "body": meeting.body.name,
        "url": meeting_url(meeting),
    }


def _members_tell(meeting: Meeting, what: str, *, skip_no: bool = False) -> int:
    """Queue ``what`` (a kind of ``MEETING_MESSAGES``) about the meeting for each member to tell."""
    members = _members_to_tell(meeting, skip_no=skip_no)
    for member in members:
        message_enqueue(meeting_message, member_id=member.pk, meeting_id=meeting.pk, what=what)
    return len(members)


# What each message about a meeting says: its subject (given the body's name and the meeting's date, in the
# date's format) and template.
MEETING_MESSAGES = {
    "changed": (gettext_lazy("%(body)s: a meeting has changed"), "", "collaborative/email/meeting_changed.txt"),
    "reminder": (gettext_lazy("Reminder: %(body)s meets on %(date)s"), "l j F", "collaborative/email/reminder.txt"),
    "agenda": (gettext_lazy("%(body)s: the agenda for %(date)s"), "j F", "collaborative/email/agenda.txt"),
    "minutes": (gettext_lazy("%(body)s: draft minutes of %(date)s"), "j F", "collaborative/email/minutes.txt"),
}


@message_builder
def meeting_message(member_id: str, meeting_id: int, what: str) -> Message | None:
    """A member's email about a meeting of their body, as the meeting stands when it is sent, in the language
    they asked to join in (its date's day and month too)."""
    member = Member.objects.filter(pk=member_id).first()
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if member is None or meeting is None or what not in MEETING_MESSAGES:
        return None
    subject, date_format, template_name = MEETING_MESSAGES[what]
    with in_language(member.written_in):
        date = date_format and formats.date_format(timezone.localtime(meeting.starts_at), date_format)
        context = {"name": member.name, **_meeting_context(meeting)}
        if what == "minutes":
            context["url"] = f"{settings.LW_SITE_URL}{reverse('collaborative:minutes_draft', args=[meeting.pk])}"
        return Message(
            to=member.email,
            subject=str(subject) % {"body": meeting.body.name, "date": date},
            template_name=template_name,
            context=context,
        )


def reminder_schedule(meeting: Meeting) -> None:
    """Queue the reminder for the worker to send ``LW_MEETING_REMINDER_DAYS`` before the meeting."""
    run_after = meeting.starts_at - datetime.timedelta(days=settings.LW_MEETING_REMINDER_DAYS)
    task = meeting_reminder_send.using(run_after=max(run_after, timezone.now()))
    task.enqueue(meeting_id=meeting.pk, sequence=meeting.sequence)


def meeting_reminders_send(meeting: Meeting, sequence: int) -> int:
    """Remind every member who has not said no; nothing if the meeting changed since (a newer reminder is
    queued for the new time) or is cancelled. How many were reminded."""
    if meeting.sequence != sequence or meeting.status == Meeting.Status.CANCELLED:
        return 0
    return _members_tell(meeting, "reminder", skip_no=True)


@task()
def meeting_reminder_send(*, meeting_id: int, sequence: int) -> int:
    """The worker's task: remind members of a meeting, unless it has changed since this reminder was queued."""
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    return meeting_reminders_send(meeting, sequence)


def rsvp_record(*, membership: Membership, meeting: Meeting, answer: str, access_needs: str) -> Rsvp:
    """A member's reply, changed as often as they like until the meeting."""
    if meeting.body_id != membership.body_id:
        raise Refused(_("You are not a member of this group."))
    if meeting.status == Meeting.Status.CANCELLED:
        raise Refused(_("This meeting is cancelled."))
    if meeting.ends_at < timezone.now():
        raise Refused(_("This meeting has already happened."))
    with transaction.atomic():
        rsvp, _created = Rsvp.objects.update_or_create(
            meeting=meeting, membership=membership, defaults={"answer": answer, "access_needs": access_needs}
        )
        member_record_audit(membership.member.user, rsvp, "replied")
    return rsvp
