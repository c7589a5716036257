"""Changes to co-production bodies: joining, meetings and their series, the programme and agendas,
replies, attendance, decisions and actions. Each is atomic; each change of personal data is audited."""

import datetime
import functools
import uuid
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from livingwell.accounts.models import Role, User
from livingwell.accounts.services import invited_account_create, welcome_url
from livingwell.audit.models import AuditEvent
from livingwell.collaborative import payments, rules, selectors
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    ChairTurn,
    Constituency,
    ConstituencyKind,
    Decision,
    JoinRequest,
    Meeting,
    MeetingSeries,
    Member,
    Membership,
    Minutes,
    Rsvp,
    Topic,
    TrainingRecord,
)
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.submissions import created_once
from livingwell.people.matching import email_key


class Refused(Exception):
    """Why a change cannot be made, in words for the person making it."""


# ---------------------------------------------------------------------------------------------------------
# Joining


def join_request_submit(
    *,
    body: Body,
    constituency: Constituency,
    name: str,
    email: str,
    phone: str,
    why: str,
    named_in_public: bool,
    submission_id: uuid.UUID,
) -> JoinRequest:
    """Ask to join an open body, agreeing to its code of conduct. Sending the same form twice asks once."""
    if not body.open_membership:
        raise Refused(_("This group does not take requests to join."))
    if constituency.body_id != body.pk:
        raise Refused(_("Choose which group you would join as"))

    def create() -> JoinRequest:
        request = JoinRequest.objects.create(
            body=body,
            constituency=constituency,
            name=name,
            email=email,
            phone=phone,
            why=why,
            named_in_public=named_in_public,
            agreed_code_at=timezone.now(),
            submission_id=submission_id,
        )
        member_record_audit(None, request, "asked to join", AuditEvent.Action.CREATE)
        return request

    return created_once(JoinRequest, create, submission_id=submission_id)


def join_request_approve(*, actor: User, join_request: JoinRequest) -> Membership:
    """Make them a member (the same member record if they already take part elsewhere, by email address),
    and invite them to an account of their own if they have none."""
    with transaction.atomic():
        locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if locked.status != JoinRequest.Status.WAITING:
            raise Refused(_("This request has already been decided."))
        membership = _membership_make(
            body=locked.body,
            constituency=locked.constituency,
            name=locked.name,
            email=locked.email,
            phone=locked.phone,
            named_in_public=locked.named_in_public,
            agreed_code_at=locked.agreed_code_at,
            role=Membership.Role.MEMBER,
        )
        locked.status = JoinRequest.Status.APPROVED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.member = membership.member
        locked.save(update_fields=["status", "decided_by", "decided_at", "member"])
        member_record_audit(actor, locked, "approved")
        member_record_audit(actor, membership, "joined", AuditEvent.Action.CREATE)
    return membership


def member_add(
    *,
    actor: User,
    body: Body,
    constituency: Constituency,
    name: str,
    email: str,
    phone: str,
    named_in_public: bool,
    role: str,
) -> Membership:
    """Appoint someone to a body (a closed one's only way in), once the secretary has their agreement to
    the code of conduct."""
    if constituency.body_id != body.pk:
        raise Refused(_("Choose which group they join as"))
    with transaction.atomic():
        membership = _membership_make(
            body=body,
            constituency=constituency,
            name=name,
            email=email,
            phone=phone,
            named_in_public=named_in_public,
            agreed_code_at=timezone.now(),
            role=role,
        )
        member_record_audit(actor, membership, "appointed", AuditEvent.Action.CREATE)
    return membership


def _membership_make(
    *,
    body: Body,
    constituency: Constituency,
    name: str,
    email: str,
    phone: str,
    named_in_public: bool,
    agreed_code_at: datetime.datetime,
    role: str,
) -> Membership:
    """The membership, for the same member record if they already take part elsewhere (by email address);
    an account of their own if they have none, and a welcome that invites them to it."""
    member = Member.objects.filter(email__iexact=email).order_by("created_at").first()
    if member is None:
        member = Member.objects.create(name=name, email=email, phone=phone, named_in_public=named_in_public)
    if Membership.objects.filter(member=member, body=body, left_on__isnull=True).exists():
        raise Refused(_("They are already a member."))
    _account_link_or_create(member)
    membership = Membership.objects.create(
        member=member,
        body=body,
        constituency=constituency,
        role=role,
        agreed_code_at=agreed_code_at,
        joined_on=timezone.localdate(),
    )
    transaction.on_commit(functools.partial(message_enqueue, welcome_message, member_id=member.pk, body_id=body.pk))
    return membership


def _account_link_or_create(member: Member) -> None:
    """Link the member to the account with their email address, or make one (the welcome then invites them
    to choose its password)."""
    if member.user_id is not None or not member.email:
        return
    user = User.objects.filter(username=email_key(member.email)).first()
    if user is None:
        # Staff sign in with other usernames: their account is the one (only one) with this address.
        same_address = list(User.objects.filter(email__iexact=member.email)[:2])
        user = same_address[0] if len(same_address) == 1 else None
    if user is None:
        user = invited_account_create(username=email_key(member.email), email=member.email, first_name=member.name)
    elif Member.objects.filter(user=user).exists():
        return
    member.user = user
    member.save(update_fields=["user"])


@message_builder
def welcome_message(member_id: str, body_id: int) -> Message | None:
    """A new member's welcome: the way to choose a password while their account has none (its token made
    now, as it is sent), else the way to sign in."""
    member = Member.objects.select_related("user").filter(pk=member_id).first()
    body = Body.objects.filter(pk=body_id).first()
    if member is None or body is None:
        return None
    # Invited while the account made for them (a person's, never staff's) still has no password.
    user = member.user
    invited = user is not None and user.role == Role.PERSON and not user.has_usable_password()
    return Message(
        to=member.email,
        subject=_("Welcome to %(body)s") % {"body": body.name},
        template_name="collaborative/email/welcome.txt",
        context={
            "name": member.name,
            "body": body.name,
            "url": welcome_url(user) if invited and user else f"{settings.LW_SITE_URL}{reverse('accounts:sign_in')}",
            "invited": invited,
        },
    )


def join_request_decline(*, actor: User, join_request: JoinRequest, reason: str) -> JoinRequest:
    with transaction.atomic():
        locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if locked.status != JoinRequest.Status.WAITING:
            raise Refused(_("This request has already been decided."))
        locked.status = JoinRequest.Status.DECLINED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decline_reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
        member_record_audit(actor, locked, "declined")
        transaction.on_commit(functools.partial(message_enqueue, declined_message, join_request_id=locked.pk))
    return locked


@message_builder
def declined_message(join_request_id: str) -> Message | None:
    request = JoinRequest.objects.select_related("body").filter(pk=join_request_id).first()
    if request is None:
        return None
    return Message(
        to=request.email,
        subject=_("Your request to join %(body)s") % {"body": request.body.name},
        template_name="collaborative/email/declined.txt",
        context={"name": request.name, "body": request.body.name, "reason": request.decline_reason},
    )


# ---------------------------------------------------------------------------------------------------------
# Meetings


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


def meeting_url(meeting: Meeting) -> str:
    """The meeting's public page, in full, for emails."""
    return f"{settings.LW_SITE_URL}{reverse('collaborative:meeting', args=[meeting.pk])}"


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
    "changed": (_lazy("%(body)s: a meeting has changed"), "", "collaborative/email/meeting_changed.txt"),
    "reminder": (_lazy("Reminder: %(body)s meets on %(date)s"), "%A %-d %B", "collaborative/email/reminder.txt"),
    "agenda": (_lazy("%(body)s: the agenda for %(date)s"), "%-d %B", "collaborative/email/agenda.txt"),
    "minutes": (_lazy("%(body)s: draft minutes of %(date)s"), "%-d %B", "collaborative/email/minutes.txt"),
}


@message_builder
def meeting_message(member_id: str, meeting_id: int, what: str) -> Message | None:
    """A member's email about a meeting of their body, as the meeting stands when it is sent."""
    member = Member.objects.filter(pk=member_id).first()
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if member is None or meeting is None or what not in MEETING_MESSAGES:
        return None
    subject, date_format, template_name = MEETING_MESSAGES[what]
    date = timezone.localtime(meeting.starts_at).strftime(date_format) if date_format else ""
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


# ---------------------------------------------------------------------------------------------------------
# The rolling programme and the agenda


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


def notice_days(meeting: Meeting, at: datetime.datetime | None = None) -> int:
    """Whole days between ``at`` (now) and the meeting's day."""
    today = timezone.localtime(at or timezone.now()).date()
    return (timezone.localtime(meeting.starts_at).date() - today).days


def notice_is_short(meeting: Meeting, at: datetime.datetime | None = None) -> bool:
    return notice_days(meeting, at) < meeting.body.notice_days


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


# ---------------------------------------------------------------------------------------------------------
# Attendance, decisions and actions


def its_day_has_come(meeting: Meeting) -> bool:
    """The meeting's day is today or past: attendance, decisions and actions are taken from then."""
    return notice_days(meeting) <= 0


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


def quorum_for(meeting: Meeting, attendance: list[Attendance] | None = None) -> rules.Quorum:
    """The meeting's quorum by its body's rules, from its attendance (read here unless given)."""
    quorum_rules = [rule.as_rule() for rule in meeting.body.quorum_rules.all()]
    there = meeting.attendance.all() if attendance is None else attendance
    return rules.quorum_of(quorum_rules, [each.kind for each in there])


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


# ---------------------------------------------------------------------------------------------------------
# Members' records, kept by the chair and secretary


def membership_role_set(*, actor: User, membership: Membership, role: str) -> Membership:
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.left_on is not None:
            raise Refused(_("They have left this group."))
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


# ---------------------------------------------------------------------------------------------------------
# Minutes: draft, circulated to members, approved at a later meeting, published with members named only
# where they agreed.


def minutes_save(*, actor: User, meeting: Meeting, text: str) -> Minutes:
    """Write or change the draft. Changing minutes already circulated makes them a draft again, to be
    circulated anew; approved minutes are not changed."""
    with transaction.atomic():
        minutes, created = Minutes.objects.select_for_update().get_or_create(meeting=meeting, defaults={"text": text})
        if not created:
            if minutes.status in (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED):
                raise Refused(_("These minutes are approved, so they cannot be changed."))
            if text != minutes.text:
                minutes.public_corrected = ""  # a correction of other words: made afresh from the new ones
            minutes.text = text
            minutes.status = Minutes.Status.DRAFT
            minutes.circulated_at = None
            minutes.save(update_fields=["text", "public_corrected", "status", "circulated_at", "updated_at"])
        member_record_audit(actor, minutes, "minutes written" if created else "minutes changed")
    return minutes


def minutes_circulate(*, actor: User, minutes: Minutes) -> Minutes:
    with transaction.atomic():
        locked = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__body").get(pk=minutes.pk)
        if locked.status != Minutes.Status.DRAFT:
            raise Refused(_("Only draft minutes are circulated."))
        locked.status = Minutes.Status.CIRCULATED
        locked.circulated_at = timezone.now()
        locked.save(update_fields=["status", "circulated_at", "updated_at"])
        member_record_audit(actor, locked, "minutes circulated")
        transaction.on_commit(functools.partial(_members_tell, locked.meeting, "minutes"))
    return locked


def minutes_public_correct(*, actor: User, minutes: Minutes, text: str) -> Minutes:
    """The secretary's correction of the public version (words that would still tell who someone is); an
    empty ``text`` goes back to the version made from the minutes. Names of members who have not agreed to
    be named are still taken out as it is read."""
    with transaction.atomic():
        locked = Minutes.objects.select_for_update().get(pk=minutes.pk)
        made = selectors.minutes_public_version(Minutes(meeting=locked.meeting, text=locked.text))[0]
        text = text.replace("\r\n", "\n")
        corrected = "" if text.strip() in ("", made.strip()) else text
        if corrected == locked.public_corrected:
            return locked
        locked.public_corrected = corrected
        locked.save(update_fields=["public_corrected", "updated_at"])
        member_record_audit(actor, locked, "public version corrected" if corrected else "public version made afresh")
    return locked


def minutes_waiting_approval(meeting: Meeting) -> list[Minutes]:
    """Circulated minutes of this body's earlier meetings: this meeting may approve them."""
    return list(
        Minutes.objects.filter(
            meeting__body_id=meeting.body_id,
            meeting__starts_at__lt=meeting.starts_at,
            status=Minutes.Status.CIRCULATED,
        ).select_related("meeting")
    )


def minutes_approve(*, actor: User, minutes: Minutes, at: Meeting) -> Minutes:
    """Approved at a later meeting of the same body, on its day."""
    _on_the_day_or_after(at)
    with transaction.atomic():
        locked = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
        if locked.status != Minutes.Status.CIRCULATED:
            raise Refused(_("Minutes are approved after they have been circulated to members."))
        if locked.meeting.body_id != at.body_id or locked.meeting.starts_at >= at.starts_at:
            raise Refused(_("Minutes are approved at a later meeting of the same group."))
        locked.status = Minutes.Status.APPROVED
        locked.approved_at = at
        locked.save(update_fields=["status", "approved_at", "updated_at"])
        member_record_audit(actor, locked, "minutes approved")
    return locked


def minutes_publish(*, actor: User, minutes: Minutes) -> Minutes:
    with transaction.atomic():
        locked = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
        if locked.status == Minutes.Status.PUBLISHED:
            return locked
        if locked.status != Minutes.Status.APPROVED:
            raise Refused(_("Minutes are published once a meeting has approved them."))
        # Kept as published, for the record; public pages render names from consent as it is now.
        locked.public_text, locked.public_attendance = selectors.minutes_public_version(locked)
        locked.status = Minutes.Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.save(update_fields=["public_text", "public_attendance", "status", "published_at", "updated_at"])
        member_record_audit(actor, locked, "minutes published")
    return locked


# ---------------------------------------------------------------------------------------------------------
# A rotating chair


def chair_sectors(body: Body) -> list[str]:
    """The sectors that take turns to chair: those of the body's current members, but not an independent
    chair's, in the order of the body's constituencies."""
    sectors = (
        Membership.objects.filter(body=body, left_on__isnull=True)
        .exclude(constituency__kind=ConstituencyKind.INDEPENDENT_CHAIR)
        .order_by("constituency__name", "constituency_id")
        .values_list("constituency__sector", flat=True)
    )
    return list(dict.fromkeys(sectors))


def chair_proposal(meeting: Meeting) -> str | None:
    """The sector whose turn it is to chair this meeting, from who chaired the body's earlier meetings."""
    history = list(
        ChairTurn.objects.filter(meeting__body_id=meeting.body_id, meeting__starts_at__lt=meeting.starts_at)
        .order_by("meeting__starts_at")
        .values_list("sector", flat=True)
    )
    return rules.next_chair_sector(chair_sectors(meeting.body), history)


def chair_choose(*, actor: User, meeting: Meeting, membership: Membership, reason: str) -> ChairTurn:
    """Record who chairs the meeting. A member of another sector than the one proposed needs a reason."""
    if not meeting.body.rotates_chair:
        raise Refused(_("This group's chair does not rotate."))
    if membership.body_id != meeting.body_id or membership.left_on is not None:
        raise Refused(_("Choose a member of this group"))
    proposed = chair_proposal(meeting) or ""
    sector = membership.constituency.sector
    if proposed and sector != proposed and not reason.strip():
        raise Refused(_("Say why someone from another sector chairs this time"))
    with transaction.atomic():
        turn, _created = ChairTurn.objects.update_or_create(
            meeting=meeting,
            defaults={
                "membership": membership,
                "sector": sector,
                "proposed_sector": proposed,
                "override_reason": reason.strip() if sector != proposed else "",
                "decided_by": actor,
            },
        )
        member_record_audit(actor, turn, "chair chosen" + (" (overridden)" if turn.overridden else ""))
    return turn
