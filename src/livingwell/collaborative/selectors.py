"""Public reads: bodies, their meetings, published agendas and minutes, and the decisions register.

Members appear in public only by name when they consented, otherwise by their constituency
(``collaborative/_public_name.html``).
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.collaborative import rules
from livingwell.collaborative.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    ChairTurn,
    Constituency,
    ConstituencyKind,
    Decision,
    Guest,
    Meeting,
    Member,
    Membership,
    Minutes,
    Rsvp,
    Topic,
)
from livingwell.collaborative.rules import Quorum

REGISTER_PER_PAGE = 25
# Up to this many members, the meeting's register lists everyone; a bigger body's lists who replied or is there.
ATTENDANCE_LIST_UP_TO = 60


class PublicNames:
    """Members of these bodies who have not agreed to be named, each replaced by "a member" of their
    constituency wherever a public page shows text. Applied when the page is read, never stored, so that a
    change of consent reaches everything already published: minutes, decisions, actions, agenda items."""

    def __init__(self, body_ids: Iterable[int]) -> None:
        unnamed = Membership.objects.filter(body_id__in=set(body_ids), member__named_in_public=False)
        names: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for membership in unnamed.select_related("member", "constituency"):
            instead = _("a member (%(constituency)s)") % {"constituency": membership.constituency.name}
            names[membership.body_id].append((membership.member.name, instead))
        self._by_body = {body_id: rules.redactor(pairs) for body_id, pairs in names.items()}

    def text(self, body_id: int, text: str) -> str:
        """The text with unnamed members taken out; in each paragraph where one was, "he", "her" and their
        kin become "they" and "their", which would otherwise say who it was."""
        redact = self._by_body.get(body_id)
        if redact is None:
            return text
        paragraphs = []
        for paragraph in text.split("\n"):
            redacted = redact(paragraph)
            paragraphs.append(rules.pronouns_neutral(redacted) if redacted != paragraph else redacted)
        return "\n".join(paragraphs)


def minutes_public_version(minutes: Minutes, names: PublicNames | None = None) -> tuple[str, list[str]]:
    """The minutes' text (as the secretary corrected it for the public, if they did) and attendance as the
    public site shows them: each member who has not agreed to be named is called "a member" of their
    constituency instead, in the text and in the attendance."""
    body_id = minutes.meeting.body_id
    text = (names or PublicNames([body_id])).text(body_id, minutes.public_corrected or minutes.text)
    named: list[str] = []
    others: Counter[str] = Counter()
    attended = Membership.objects.filter(body_id=body_id, attendance__meeting_id=minutes.meeting_id)
    for membership in attended.select_related("member", "constituency"):
        if membership.member.named_in_public:
            named.append(f"{membership.member.name} ({membership.constituency.name})")
        else:
            others[membership.constituency.name] += 1
    attendance = sorted(named) + [
        _("%(count)s member of %(constituency)s") % {"count": count, "constituency": name}
        if count == 1
        else _("%(count)s members of %(constituency)s") % {"count": count, "constituency": name}
        for name, count in sorted(others.items())
    ]
    return text, attendance


def body_or_404(slug: str) -> Body:
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        raise Http404
    return body


def carried_forward(meeting: Meeting) -> Q:
    """The body's actions still open from earlier meetings: they carry forward to this meeting's agenda."""
    return Q(body_id=meeting.body_id, status=Action.Status.OPEN, meeting__starts_at__lt=meeting.starts_at)


def actions_carried_forward(meeting: Meeting) -> list[Action]:
    return list(
        Action.objects.filter(carried_forward(meeting)).select_related(
            "owner__member", "owner__constituency", "meeting"
        )
    )


def bodies_public() -> list[Body]:
    now = timezone.now()
    return list(
        Body.objects.prefetch_related(
            Prefetch(
                "meetings",
                queryset=Meeting.objects.filter(ends_at__gte=now)
                .exclude(status=Meeting.Status.CANCELLED)
                .order_by("starts_at"),
                to_attr="ahead",
            )
        )
    )


@dataclass(frozen=True)
class BodyPublic:
    body: Body
    constituencies: list[Constituency]
    officers: list[Membership]
    meetings: list[Meeting]
    minutes: list[Meeting]


def body_public(slug: str) -> BodyPublic:
    body = body_or_404(slug)
    prefetch_related_objects([body], "quorum_rules")
    constituencies: list[Constituency] = list(
        body.constituencies.annotate(members=Count("memberships", filter=Q(memberships__left_on__isnull=True)))
    )
    officers = list(
        Membership.objects.filter(
            body=body, left_on__isnull=True, role__in=[Membership.Role.CHAIR, Membership.Role.SECRETARY]
        ).select_related("member", "constituency")
    )
    meetings = list(body.meetings.filter(ends_at__gte=timezone.now()).order_by("starts_at")[:6])
    minutes = list(
        body.meetings.filter(minutes__status="published").order_by("-starts_at").select_related("minutes")[:12]
    )
    return BodyPublic(body, constituencies, officers, meetings, minutes)


@dataclass(frozen=True)
class MeetingPublic:
    meeting: Meeting
    agenda: list[AgendaItem]
    carried_forward: list[Action]
    decisions: list[Decision]
    minutes: Minutes | None
    minutes_text: str
    minutes_attendance: list[str]


def meeting_public(meeting_id: int | str) -> MeetingPublic:
    meeting = (
        Meeting.objects.select_related("body", "minutes__approved_at").filter(pk=meeting_id).first()
        if str(meeting_id).isdigit()
        else None
    )
    if meeting is None:
        raise Http404
    published = meeting.agenda_published_at is not None
    agenda = list(meeting.agenda_items.select_related("lead__member", "lead__constituency")) if published else []
    carried = actions_carried_forward(meeting) if published else []
    decisions = list(meeting.decisions.order_by("pk"))
    minutes = getattr(meeting, "minutes", None)
    if minutes is not None and minutes.status != Minutes.Status.PUBLISHED:
        minutes = None
    # Names as consent stands today. The records are only shown here, never saved from this page.
    names = PublicNames([meeting.body_id])
    for item in agenda:
        item.title = names.text(meeting.body_id, item.title)
    for action in carried:
        action.what = names.text(meeting.body_id, action.what)
    for decision in decisions:
        decision.what = names.text(meeting.body_id, decision.what)
    text, attendance = minutes_public_version(minutes, names) if minutes is not None else ("", [])
    return MeetingPublic(meeting, agenda, carried, decisions, minutes, text, attendance)


def decisions_register(*, body_slug: str, scope: str, page_number: str | None) -> tuple[Page[Decision], QuerySet[Body]]:
    decisions = Decision.objects.select_related("body", "meeting").order_by("-meeting__starts_at", "-pk")
    if body_slug:
        decisions = decisions.filter(body__slug=body_slug)
    if scope in Decision.Scope.values:
        decisions = decisions.filter(scope=scope)
    page = Paginator(decisions, REGISTER_PER_PAGE).get_page(page_number)
    names = PublicNames({decision.body_id for decision in page.object_list})
    for decision in page.object_list:  # shown, never saved from here
        decision.what = names.text(decision.body_id, decision.what)
    return page, Body.objects.order_by("name")


def meeting_url(meeting: Meeting) -> str:
    """The meeting's public page, in full, for emails."""
    return f"{settings.LW_SITE_URL}{reverse('collaborative:meeting', args=[meeting.pk])}"


def notice_days(meeting: Meeting, at: datetime.datetime | None = None) -> int:
    """Whole days between ``at`` (now) and the meeting's day."""
    today = timezone.localtime(at or timezone.now()).date()
    return (timezone.localtime(meeting.starts_at).date() - today).days


def notice_is_short(meeting: Meeting, at: datetime.datetime | None = None) -> bool:
    return notice_days(meeting, at) < meeting.body.notice_days


def its_day_has_come(meeting: Meeting) -> bool:
    """The meeting's day is today or past: attendance, decisions and actions are taken from then."""
    return notice_days(meeting) <= 0


def quorum_for(meeting: Meeting, attendance: list[Attendance] | None = None) -> rules.Quorum:
    """The meeting's quorum by its body's rules, from its attendance (read here unless given)."""
    quorum_rules = [rule.as_rule() for rule in meeting.body.quorum_rules.all()]
    there = meeting.attendance.all() if attendance is None else attendance
    return rules.quorum_of(quorum_rules, [each.kind for each in there])


def minutes_waiting_approval(meeting: Meeting) -> list[Minutes]:
    """Circulated minutes of this body's earlier meetings: this meeting may approve them."""
    return list(
        Minutes.objects.filter(
            meeting__body_id=meeting.body_id,
            meeting__starts_at__lt=meeting.starts_at,
            status=Minutes.Status.CIRCULATED,
        ).select_related("meeting")
    )


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


@dataclass(frozen=True)
class MemberAtMeeting:
    membership: Membership
    reply: Rsvp | None
    present: bool


@dataclass(frozen=True)
class MeetingRunning:
    meeting: Meeting
    agenda: list[AgendaItem]
    topics: list[Topic]
    names: list[tuple[int, str, str]]  # every current member: membership id, name, constituency
    shown: list[Membership]
    present: set[int]
    replies: dict[int, Rsvp]
    quorum: Quorum
    carried_forward: list[Action]
    decisions: list[Decision]
    actions: list[Action]
    guests: list[Guest]

    @property
    def rows(self) -> list[MemberAtMeeting]:
        return [MemberAtMeeting(m, self.replies.get(m.pk), m.pk in self.present) for m in self.shown]


def meeting_running(meeting: Meeting) -> MeetingRunning:
    """A meeting as its chair and secretary run it: the agenda, topics to schedule, the register of members
    with their replies, access needs and attendance, and the live quorum.

    Up to ``ATTENDANCE_LIST_UP_TO`` members the register lists everyone; a bigger body's lists who replied or
    is there (members who have left since included), and the rest are chosen by name."""
    agenda = list(meeting.agenda_items.select_related("lead__member", "lead__constituency", "topic"))
    topics = list(Topic.objects.filter(body=meeting.body, status=Topic.Status.SUGGESTED))
    names = member_names(meeting.body)
    # This meeting's actions, and the body's still open from earlier meetings (they carry forward).
    actions = list(
        Action.objects.filter(
            Q(meeting=meeting)
            | Q(body_id=meeting.body_id, status=Action.Status.OPEN, meeting__starts_at__lt=meeting.starts_at)
        )
        .select_related("owner__member", "owner__constituency", "meeting")
        .order_by("due_on", "pk")
    )
    attendance = list(meeting.attendance.all())
    present_ids = {a.membership_id for a in attendance}
    replies = {rsvp.membership_id: rsvp for rsvp in meeting.rsvps.all()}
    listed = {pk for pk, _name, _group in names} if len(names) <= ATTENDANCE_LIST_UP_TO else set(replies)
    shown = list(
        Membership.objects.filter(pk__in=listed | present_ids)
        .select_related("member", "constituency")
        .order_by("member__name", "pk")
    )
    return MeetingRunning(
        meeting=meeting,
        agenda=agenda,
        topics=topics,
        names=names,
        shown=shown,
        present=present_ids,
        replies=replies,
        quorum=quorum_for(meeting, attendance),
        carried_forward=[a for a in actions if a.meeting_id != meeting.pk],
        decisions=list(meeting.decisions.order_by("pk")),
        actions=[a for a in actions if a.meeting_id == meeting.pk],
        guests=list(meeting.guests.select_related("agenda_item")),
    )


def member_names(body: Body) -> list[tuple[int, str, str]]:
    return list(
        Membership.objects.filter(body=body, left_on__isnull=True)
        .order_by("member__name", "pk")
        .values_list("pk", "member__name", "constituency__name")
    )


def account_language(user: User) -> str:
    """The language this account's owner asked to join the Collaborative in, or "" when they are not a member
    or were appointed by a secretary (accounts.services.their_language)."""
    return Member.objects.filter(user_id=user.pk).values_list("written_in", flat=True).first() or ""
