"""The figures, month by month, read from the months' summaries of ``CountedIntroduction`` (decision 0023)
in a few queries whatever the period's length. How each is counted is in
docs/decisions/0022-insight-figures.md:

- an introduction counts in the month it arrived, and so does its route;
- waits are whole calendar days in the borough's time zone; the median is the middle value (the mean of
  the two middle ones for an even count); the 90th percentile is by nearest rank;
- introductions with no contact attempt yet are left out of the waits; ``still_waiting`` counts those with
  neither a contact attempt nor a route at the end of each month;
- a figure with nothing to count is ``None``.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from livingwell.core.models import Neighbourhood
from livingwell.core.months import months_between
from livingwell.directory.models import Organization
from livingwell.insight.coproduction import CoproductionMonth, coproduction_for, first_meeting_month
from livingwell.insight.equality_figures import EqualityGroup, equality_for
from livingwell.insight.figure_parts import (
    BUDGET_MEASURES,
    ONWARD_MEASURES,
    PATHWAY_MEASURES,
    SUPPORT_MEASURES,
    OnwardFigures,
    PathwayMonth,
    SupportFigures,
    Wait,
    wait_from,
)
from livingwell.insight.models import Baseline, MonthCount, MonthSummarised, Population, Route
from livingwell.insight.outcome_figures import Outcomes, outcomes_for
from livingwell.insight.summaries import GROUPED_BY

Measure = MonthCount.Measure

# Who made an introduction, and whether the person was known before; history may not say.
MADE_BY = ("themselves", "someone_else", "not_recorded")
KNOWN = ("new", "known_before", "not_recorded")
Histograms = dict[Any, list[tuple[int, int]]]  # waits as (days, how many), for each month or neighbourhood


def _made_by(by_self: bool | None) -> str:
    return MADE_BY[2] if by_self is None else MADE_BY[0] if by_self else MADE_BY[1]


def _known(known_before: bool | None) -> str:
    return KNOWN[2] if known_before is None else KNOWN[1] if known_before else KNOWN[0]


@dataclass
class MonthFigures:
    month: datetime.date
    introductions: int = 0
    routes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Route.values, 0))
    made_by: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MADE_BY, 0))
    known: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KNOWN, 0))
    days_to_first_contact: Wait = field(default_factory=lambda: Wait(None, None))
    days_to_first_conversation: Wait = field(default_factory=lambda: Wait(None, None))
    still_waiting: int = 0
    support: SupportFigures = field(default_factory=SupportFigures)
    onward: OnwardFigures = field(default_factory=OnwardFigures)
    pathway: PathwayMonth = field(default_factory=PathwayMonth)

    def as_json(self) -> dict[str, Any]:
        return {
            "month": self.month.strftime("%Y-%m"),
            "introductions": self.introductions,
            "routes": dict(self.routes),
            "made_by": dict(self.made_by),
            "known": dict(self.known),
            "days_to_first_contact": self.days_to_first_contact.as_json(),
            "days_to_first_conversation": self.days_to_first_conversation.as_json(),
            "still_waiting": self.still_waiting,
            "early_support": self.support.as_json(),
            "onward": self.onward.as_json(),
            "pathway": self.pathway.as_json(),
        }


@dataclass
class AreaWaits:
    name: str
    first_contact: Wait
    first_conversation: Wait


@dataclass
class GroupFigures:
    """The period's introductions in one group (an age band, a gender, an ethnic group, a neighbourhood)."""

    name: str  # "" where it was not given
    routes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Route.values, 0))
    introductions: int = 0
    population: int | None = None  # the borough's people in the group, where the deployment loaded them

    def as_json(self) -> dict[str, Any]:
        return {
            "group": self.name,
            "introductions": self.introductions,
            "routes": dict(self.routes),
            "population": self.population,
        }


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    months: list[MonthFigures]
    baseline: list[Baseline]
    areas: list[AreaWaits] = field(default_factory=list)  # the period's waits, for each neighbourhood
    groups: dict[str, list[GroupFigures]] = field(default_factory=dict)  # by grouping: age band, gender…
    onward_by_kind: dict[str, OnwardFigures] = field(default_factory=dict)  # by kind of organisation ("" not said)
    outcomes: Outcomes = field(default_factory=Outcomes)
    coproduction: list[CoproductionMonth] = field(default_factory=list)
    equality: dict[str, list[EqualityGroup]] = field(default_factory=dict)  # by grouping, beyond introductions

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.strftime("%Y-%m"),
            "to": self.end.strftime("%Y-%m"),
            "months": [month.as_json() for month in self.months],
            "baseline": [baseline_as_json(row) for row in self.baseline],
            "groups": {grouping: [group.as_json() for group in groups] for grouping, groups in self.groups.items()},
            "onward_by_organisation_kind": [
                {"kind": kind or None, **onward.as_json()} for kind, onward in self.onward_by_kind.items()
            ],
            "outcomes": self.outcomes.as_json(),
            "coproduction": [month.as_json() for month in self.coproduction],
            "equality": {grouping: [group.as_json() for group in groups] for grouping, groups in self.equality.items()},
        }


def baseline_as_json(row: Baseline) -> dict[str, Any]:
    median = row.median_days_to_first_contact
    return {
        "month": row.month.strftime("%Y-%m"),
        "secondary_care_referrals": row.secondary_care_referrals,
        "introductions": row.introductions,
        "median_days_to_first_contact": float(median) if median is not None else None,
        "residential_entries": row.residential_entries,
        "discharges": row.discharges,
    }


def _counts(measure: str, first: datetime.date, last: datetime.date) -> QuerySet[MonthCount]:
    return MonthCount.objects.filter(measure=measure, month__range=(first, last)).order_by()


def _waits(measure: str, first: datetime.date, last: datetime.date) -> tuple[Histograms, Histograms]:
    """Histograms of one wait, by month and by neighbourhood."""
    by_month: dict[Any, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    by_area: dict[Any, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for month, area, days, count in _counts(measure, first, last).values_list(
        "month", "neighbourhood_id", "days", "count"
    ):
        assert days is not None  # noqa: S101 - every wait is counted with its days
        by_month[month][days] += count
        by_area[area][days] += count
    return (
        {month: list(days.items()) for month, days in by_month.items()},
        {area: list(days.items()) for area, days in by_area.items()},
    )


def _total_before(measure: str, first: datetime.date) -> int:
    counts = MonthCount.objects.filter(measure=measure, month__lt=first)
    return counts.aggregate(total=Sum("count", default=0))["total"]


def figures_for(start: datetime.date, end: datetime.date) -> Figures:
    """The figures for every month from ``start``'s to ``end``'s, and the whole baseline, read from the
    months' summaries (decision 0023)."""
    months = months_between(start, end)
    first, last = months[0], months[-1]
    by_month = {month: MonthFigures(month) for month in months}
    arrived = _counts(Measure.ARRIVED, first, last).values_list("month", "route", "by_self", "known_before", "count")
    for month, route, by_self, known_before, count in arrived:
        figures = by_month[month]
        figures.introductions += count
        figures.made_by[_made_by(by_self)] += count
        figures.known[_known(known_before)] += count
        if route:
            figures.routes[route] += count
    contact, contact_areas = _waits(Measure.CONTACT_WAIT, first, last)
    conversation, conversation_areas = _waits(Measure.CONVERSATION_WAIT, first, last)
    # Still waiting: what was waiting before the period, plus each month's arrivals, less those that stopped.
    waiting = _total_before(Measure.ARRIVED, first) - _total_before(Measure.WAITING_ENDED, first)
    ended = dict(_counts(Measure.WAITING_ENDED, first, last).values_list("month", "count"))
    for month in months:
        figures = by_month[month]
        figures.days_to_first_contact = wait_from(contact.get(month, []))
        figures.days_to_first_conversation = wait_from(conversation.get(month, []))
        waiting += figures.introductions - ended.get(month, 0)
        figures.still_waiting = waiting
    onward_by_kind = _support_and_onward(first, last, by_month)
    names = dict(Neighbourhood.objects.values_list("pk", "name"))
    return Figures(
        first,
        last,
        [by_month[month] for month in months],
        list(Baseline.objects.all()),
        _areas(contact_areas, conversation_areas, names),
        _groups(first, last, names),
        onward_by_kind,
        outcomes_for(first, last),
        coproduction_for(first, last),
        equality_for(first, last, names),
    )


def _support_and_onward(
    first: datetime.date, last: datetime.date, by_month: dict[datetime.date, MonthFigures]
) -> dict[str, OnwardFigures]:
    """Each month's early support, onward introductions, pathway and budgets into ``by_month``, in one read;
    returns the period's onward introductions by kind of organisation, in the kinds' order and last those
    not said."""
    by_kind: dict[str, OnwardFigures] = {}
    measures = [*SUPPORT_MEASURES, *ONWARD_MEASURES, Measure.ONWARD_REPLY, *PATHWAY_MEASURES, *BUDGET_MEASURES]
    counts = MonthCount.objects.filter(measure__in=measures, month__range=(first, last)).order_by()
    rows = counts.values_list("month", "measure", "group", "days", "count", "total")
    for month, measure, kind, days, count, total in rows:
        if measure in SUPPORT_MEASURES:
            setattr(by_month[month].support, SUPPORT_MEASURES[measure], count)
            continue
        if measure in PATHWAY_MEASURES:
            setattr(by_month[month].pathway, PATHWAY_MEASURES[measure], count)
            continue
        if measure in BUDGET_MEASURES:
            people, amount = BUDGET_MEASURES[measure]
            setattr(by_month[month].pathway, people, count)
            setattr(by_month[month].pathway, amount, total or 0.0)
            continue
        for onward in (by_month[month].onward, by_kind.setdefault(kind, OnwardFigures())):
            if measure == Measure.ONWARD_REPLY:
                assert days is not None  # noqa: S101 - every reply is counted with its days
                onward.reply.append((days, count))
            else:
                onward.steps[ONWARD_MEASURES[measure]] += count
    order = [*Organization.Kind.values, ""]
    return {
        kind: by_kind[kind]
        for kind in sorted(by_kind, key=lambda kind: order.index(kind) if kind in order else len(order))
    }


def _areas(
    contact: dict[Any, list[tuple[int, int]]], conversation: dict[Any, list[tuple[int, int]]], names: dict[Any, str]
) -> list[AreaWaits]:
    """The period's waits for each neighbourhood, by name, and last those with none given."""
    areas = sorted(set(contact) | set(conversation), key=lambda area: (area is None, names.get(area, "")))
    not_given = _("Neighbourhood not given")
    return [
        AreaWaits(names.get(area, not_given), wait_from(contact.get(area, [])), wait_from(conversation.get(area, [])))
        for area in areas
    ]


def _groups(first: datetime.date, last: datetime.date, names: dict[Any, str]) -> dict[str, list[GroupFigures]]:
    """The period's introductions by route in each group of each grouping, with the borough's population
    in each group where it was loaded; by name, and last those given no group."""
    groups: dict[str, dict[str, GroupFigures]] = {grouping: {} for grouping in GROUPED_BY}
    counts = (
        MonthCount.objects.filter(measure__in=list(GROUPED_BY), month__range=(first, last))
        .values_list("measure", "group", "neighbourhood_id", "route")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for grouping, group, area, route, count in counts:
        name = names.get(area, "") if grouping == Measure.NEIGHBOURHOOD else group
        figures = groups[grouping].setdefault(name, GroupFigures(name))
        figures.introductions += count
        if route:
            figures.routes[route] += count
    for grouping, group, people in Population.objects.values_list("grouping", "group", "people"):
        if grouping in groups:
            groups[grouping].setdefault(group, GroupFigures(group)).population = people
    return {
        grouping: sorted(by_name.values(), key=lambda figures: (figures.name == "", figures.name.casefold()))
        for grouping, by_name in groups.items()
    }


def first_counted_month() -> datetime.date | None:
    """The earliest month with figures: the first summed up with introductions or Hub support counted, or
    the first with a co-production meeting."""
    summarised = MonthSummarised.objects.order_by("month").values_list("month", flat=True).first()
    meeting = first_meeting_month()
    return min((month for month in (summarised, meeting) if month is not None), default=None)
