"""Co-production month by month, counted straight from the Collaborative's own records (decision 0030):
meetings held and how many were quorate, attendance by kind of constituency, decisions by level of
participation and by scope, and the hours paid to Experts by Experience.

A meeting counts in the month it started, in the borough's time zone, once it has started and unless it
was cancelled. It was quorate when the attendance taken at it met every quorum rule of its body; a meeting
with no attendance taken is counted as held, with its quorum not known. A decision counts in its meeting's
month. Hours paid are the approved claims (and those sent to finance) of members who attended as Experts
by Experience.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from livingwell.collaborative.models import Attendance, Claim, ConstituencyKind, Decision, Meeting, QuorumRule
from livingwell.collaborative.rules import quorum_of
from livingwell.core.months import month_bounds, month_of, months_between

PAID = (Claim.Status.APPROVED, Claim.Status.EXPORTED)


@dataclass
class CoproductionMonth:
    month: datetime.date
    meetings: int = 0
    quorate: int = 0
    quorum_not_known: int = 0  # held with no attendance taken
    attendance: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ConstituencyKind.values, 0))
    by_level: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Decision.Participation.values, 0))
    by_scope: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Decision.Scope.values, 0))
    experts_paid: int = 0  # Experts by Experience with hours paid for meetings this month
    hours_paid: Decimal = Decimal(0)

    @property
    def decisions(self) -> int:
        return sum(self.by_scope.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "month": self.month.strftime("%Y-%m"),
            "meetings": self.meetings,
            "quorate": self.quorate,
            "quorum_not_known": self.quorum_not_known,
            "attendance": dict(self.attendance),
            "decisions": self.decisions,
            "decisions_by_participation": dict(self.by_level),
            "decisions_by_scope": dict(self.by_scope),
            "experts_by_experience_paid": self.experts_paid,
            "hours_paid_to_experts_by_experience": float(self.hours_paid),
        }


def _held(first: datetime.date, last: datetime.date) -> QuerySet[Meeting]:
    start, _ = month_bounds(first)
    _, end = month_bounds(last)
    return (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=min(end, timezone.now()))
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by()
    )


def _month(moment: datetime.datetime) -> datetime.date:
    return month_of(timezone.localtime(moment).date())


def coproduction_for(first: datetime.date, last: datetime.date) -> list[CoproductionMonth]:
    """Each month's co-production from ``first``'s to ``last``'s, in four reads whatever the period."""
    by_month = {month: CoproductionMonth(month) for month in months_between(first, last)}
    held = _held(first, last)
    rules: dict[int, list[Any]] = defaultdict(list)
    for rule in QuorumRule.objects.filter(body__in=held.values("body_id")).order_by():
        rules[rule.body_id].append(rule.as_rule())
    present: dict[int, list[str]] = defaultdict(list)
    starts: dict[int, tuple[int, datetime.datetime]] = {}
    # One row a member there (a meeting with none taken has one row with no kind).
    for meeting_id, body_id, starts_at, kind in held.values_list("pk", "body_id", "starts_at", "attendance__kind"):
        starts[meeting_id] = (body_id, starts_at)
        if kind is not None:
            present[meeting_id].append(kind)
    for meeting_id, (body_id, starts_at) in starts.items():
        month = by_month[_month(starts_at)]
        month.meetings += 1
        kinds = present.get(meeting_id)
        if not kinds:
            month.quorum_not_known += 1
            continue
        month.quorate += quorum_of(rules[body_id], kinds).quorate
        for kind in kinds:
            month.attendance[kind] = month.attendance.get(kind, 0) + 1
    decisions = Decision.objects.filter(meeting__in=held).values_list("meeting__starts_at", "participation", "scope")
    for starts_at, level, scope in decisions:
        month = by_month[_month(starts_at)]
        month.by_level[level] += 1
        month.by_scope[scope] += 1
    as_expert = Attendance.objects.filter(
        meeting_id=OuterRef("meeting_id"),
        membership__member_id=OuterRef("member_id"),
        kind=ConstituencyKind.EXPERT_BY_EXPERIENCE,
    )
    claims = (
        Claim.objects.filter(meeting__in=held, status__in=PAID)
        .filter(Exists(as_expert))
        .values_list("meeting__starts_at", "member_id", "hours")
    )
    paid: dict[datetime.date, set[Any]] = defaultdict(set)
    for starts_at, member_id, hours in claims:
        month = by_month[_month(starts_at)]
        paid[month.month].add(member_id)
        month.hours_paid += hours
    for month_start, members in paid.items():
        by_month[month_start].experts_paid = len(members)
    return list(by_month.values())


def first_meeting_month() -> datetime.date | None:
    meetings = Meeting.objects.exclude(status=Meeting.Status.CANCELLED).order_by("starts_at")
    first = meetings.values_list("starts_at", flat=True).first()
    return _month(first) if first else None
