"""The figures, month by month, counted from ``CountedIntroduction`` in a few grouped queries whatever the
period's length. How each is counted is in docs/decisions/0022-insight-figures.md:

- an introduction counts in the month it arrived, and so does its route;
- waits are whole calendar days in the borough's time zone; the median is the middle value (the mean of
  the two middle ones for an even count); the 90th percentile is by nearest rank;
- introductions with no contact attempt yet are left out of the waits; ``still_waiting`` counts those with
  neither a contact attempt nor a route at the end of each month;
- a figure with nothing to count is ``None``.
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from livingwell.core.models import Neighbourhood
from livingwell.insight.counting import month_of
from livingwell.insight.models import Baseline, CountedIntroduction, Route

# Who made an introduction, and whether the person was known before; history may not say.
MADE_BY = ("themselves", "someone_else", "not_recorded")
KNOWN = ("new", "known_before", "not_recorded")
Histograms = dict[Any, list[tuple[int, int]]]  # waits as (days, how many), for each month or neighbourhood


def _made_by(by_self: bool | None) -> str:
    return MADE_BY[2] if by_self is None else MADE_BY[0] if by_self else MADE_BY[1]


def _known(known_before: bool | None) -> str:
    return KNOWN[2] if known_before is None else KNOWN[1] if known_before else KNOWN[0]


@dataclass(frozen=True)
class Wait:
    median: float | None
    p90: int | None
    count: int = 0  # how many waits these come from

    def as_json(self) -> dict[str, Any]:
        return {"median": self.median, "p90": self.p90}


@dataclass
class MonthFigures:
    month: datetime.date
    introductions: int = 0
    routes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Route.values, 0))
    made_by: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MADE_BY, 0))
    known: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KNOWN, 0))
    days_to_first_contact: Wait = Wait(None, None)
    days_to_first_conversation: Wait = Wait(None, None)
    still_waiting: int = 0

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
        }


@dataclass
class AreaWaits:
    name: str
    first_contact: Wait
    first_conversation: Wait


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    months: list[MonthFigures]
    baseline: list[Baseline]
    areas: list[AreaWaits] = field(default_factory=list)  # the period's waits, for each neighbourhood

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.start.strftime("%Y-%m"),
            "to": self.end.strftime("%Y-%m"),
            "months": [month.as_json() for month in self.months],
            "baseline": [baseline_as_json(row) for row in self.baseline],
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


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every month from ``start``'s to ``end``'s, both included."""
    months = []
    month = month_of(start)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _value_at(histogram: list[tuple[int, int]], rank: int) -> int:
    """The ``rank``-th smallest value (from 1) of a sorted histogram of (value, how many)."""
    seen = 0
    for value, count in histogram:
        seen += count
        if seen >= rank:
            return value
    raise ValueError("rank beyond the histogram")


def wait_from(histogram: list[tuple[int, int]]) -> Wait:
    """The median and the nearest-rank 90th percentile of the waits in a histogram of (days, how many)."""
    ordered = sorted(histogram)
    total = sum(count for _days, count in ordered)
    if total == 0:
        return Wait(None, None)
    if total % 2:
        median = float(_value_at(ordered, (total + 1) // 2))
    else:
        median = (_value_at(ordered, total // 2) + _value_at(ordered, total // 2 + 1)) / 2
    return Wait(median, _value_at(ordered, math.ceil(0.9 * total)), total)


def _waits(rows: Any, field_name: str, start: datetime.date, end: datetime.date) -> tuple[Histograms, Histograms]:
    """Histograms of one wait, by month and by neighbourhood, from one grouped query (read from its index)."""
    by_month: dict[Any, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    by_area: dict[Any, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    grouped = (
        rows.filter(month__range=(start, end), **{f"{field_name}__isnull": False})
        .values_list("month", "neighbourhood_id", field_name)
        .annotate(count=Count("*"))
        .order_by()
    )
    for month, area, days, count in grouped:
        by_month[month][days] += count
        by_area[area][days] += count
    return (
        {month: list(days.items()) for month, days in by_month.items()},
        {area: list(days.items()) for area, days in by_area.items()},
    )


def figures_for(start: datetime.date, end: datetime.date) -> Figures:
    """The figures for every month from ``start``'s to ``end``'s, and the whole baseline."""
    months = months_between(start, end)
    first, last = months[0], months[-1]
    rows = CountedIntroduction.objects.all()
    by_month = {month: MonthFigures(month) for month in months}
    grouped = (
        rows.filter(month__range=(first, last))
        .values_list("month", "route", "by_self", "known_before")
        .annotate(count=Count("*"))
        .order_by()
    )
    for month, route, by_self, known_before, count in grouped:
        figures = by_month[month]
        figures.introductions += count
        figures.made_by[_made_by(by_self)] += count
        figures.known[_known(known_before)] += count
        if route:
            figures.routes[route] += count
    contact, contact_areas = _waits(rows, "days_to_first_contact", first, last)
    conversation, conversation_areas = _waits(rows, "days_to_first_conversation", first, last)
    # Still waiting: what was waiting before the period, plus each month's arrivals, less those that stopped.
    opening = {
        "arrived": rows.filter(month__lt=first).count(),
        "ended": rows.filter(waiting_ended_month__lt=first).count(),
    }
    ended = dict(
        rows.filter(waiting_ended_month__range=(first, last))
        .values_list("waiting_ended_month")
        .annotate(count=Count("*"))
        .order_by()
    )
    waiting = opening["arrived"] - opening["ended"]
    for month in months:
        figures = by_month[month]
        figures.days_to_first_contact = wait_from(contact.get(month, []))
        figures.days_to_first_conversation = wait_from(conversation.get(month, []))
        waiting += figures.introductions - ended.get(month, 0)
        figures.still_waiting = waiting
    return Figures(
        first,
        last,
        [by_month[month] for month in months],
        list(Baseline.objects.all()),
        _areas(contact_areas, conversation_areas),
    )


def _areas(
    contact: dict[Any, list[tuple[int, int]]], conversation: dict[Any, list[tuple[int, int]]]
) -> list[AreaWaits]:
    """The period's waits for each neighbourhood, by name, and last those with none given."""
    names = dict(Neighbourhood.objects.values_list("pk", "name"))
    areas = sorted(set(contact) | set(conversation), key=lambda area: (area is None, names.get(area, "")))
    not_given = _("Neighbourhood not given")
    return [
        AreaWaits(names.get(area, not_given), wait_from(contact.get(area, [])), wait_from(conversation.get(area, [])))
        for area in areas
    ]


def first_counted_month() -> datetime.date | None:
    """The earliest month any introduction was counted in."""
    return CountedIntroduction.objects.order_by("month").values_list("month", flat=True).first()
