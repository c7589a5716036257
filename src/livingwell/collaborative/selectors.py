"""Public reads: bodies, their meetings, published agendas and minutes, and the decisions register.

Members appear in public only by name when they consented, otherwise by their constituency
(``collaborative/_public_name.html``).
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from livingwell.collaborative.models import (
    Action,
    AgendaItem,
    Body,
    Constituency,
    Decision,
    Meeting,
    Membership,
    Minutes,
)

REGISTER_PER_PAGE = 25


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
    return MeetingPublic(meeting, agenda, carried, decisions, minutes)


def decisions_register(*, body_slug: str, scope: str, page_number: str | None) -> tuple[Page[Decision], QuerySet[Body]]:
    decisions = Decision.objects.select_related("body", "meeting").order_by("-meeting__starts_at", "-pk")
    if body_slug:
        decisions = decisions.filter(body__slug=body_slug)
    if scope in Decision.Scope.values:
        decisions = decisions.filter(scope=scope)
    return Paginator(decisions, REGISTER_PER_PAGE).get_page(page_number), Body.objects.order_by("name")
