"""The parts of a month's figures beyond the introductions (early support, onward introductions, the
pathway and budgets), and the waits every part reports as a median and a 90th percentile."""

import math
from dataclasses import dataclass, field
from typing import Any

from livingwell.insight.models import MonthCount

Measure = MonthCount.Measure


@dataclass(frozen=True)
class Wait:
    median: float | None
    p90: int | None
    count: int = 0  # how many waits these come from

    def as_json(self) -> dict[str, Any]:
        return {"median": self.median, "p90": self.p90}


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


@dataclass
class SupportFigures:
    """A month of Hub support: people in support at any time in it and their guides, and the episodes
    opened, reopened (the way back) and closed in it."""

    in_support: int = 0
    guides: int = 0
    opened: int = 0
    reopened: int = 0
    closed: int = 0

    @property
    def people_per_guide(self) -> float | None:
        return round(self.in_support / self.guides, 1) if self.guides else None

    def as_json(self) -> dict[str, Any]:
        return {
            "in_support": self.in_support,
            "opened": self.opened,
            "reopened": self.reopened,
            "closed": self.closed,
            "guides": self.guides,
            "people_per_guide": self.people_per_guide,
        }


ONWARD_STEPS = ("sent", "accepted", "started", "finished", "declined", "no_response", "waiting")


@dataclass
class OnwardFigures:
    """Onward introductions sent (in a month, or to one kind of organisation over the period): how many,
    how many reached each step, how many still wait for a reply, and the days to a reply."""

    steps: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ONWARD_STEPS, 0))
    reply: list[tuple[int, int]] = field(default_factory=list)  # days to a reply, as (days, how many)

    @property
    def days_to_reply(self) -> Wait:
        return wait_from(self.reply)

    def as_json(self) -> dict[str, Any]:
        return {**self.steps, "days_to_reply": self.days_to_reply.as_json()}


# The onward step each summary counts, by its measure.
ONWARD_MEASURES: dict[str, str] = {
    Measure.ONWARD_SENT: "sent",
    Measure.ONWARD_ACCEPTED: "accepted",
    Measure.ONWARD_STARTED: "started",
    Measure.ONWARD_FINISHED: "finished",
    Measure.ONWARD_DECLINED: "declined",
    Measure.ONWARD_NO_RESPONSE: "no_response",
    Measure.ONWARD_WAITING: "waiting",
}


@dataclass
class PathwayMonth:
    """A month of the accommodation pathway (as support.accommodation counts it) and of personal budgets."""

    into_own_home: int = 0
    from_residential: int = 0
    residential_entries: int = 0
    discharges: int = 0
    people_spending: int = 0
    spent: float = 0.0
    people_allocated: int = 0
    allocated: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "into_own_home": self.into_own_home,
            "into_own_home_from_residential": self.from_residential,
            "residential_entries": self.residential_entries,
            "discharges": self.discharges,
            "people_with_budget_spending": self.people_spending,
            "budget_spent": round(self.spent, 2),
            "people_with_budget_allocated": self.people_allocated,
            "budget_allocated": round(self.allocated, 2),
        }


# The pathway's counts, by their measure; the budgets' people and amounts are read with theirs.
PATHWAY_MEASURES: dict[str, str] = {
    Measure.INTO_OWN_HOME: "into_own_home",
    Measure.OWN_HOME_FROM_RESIDENTIAL: "from_residential",
    Measure.RESIDENTIAL_ENTRIES: "residential_entries",
    Measure.DISCHARGES: "discharges",
}
BUDGET_MEASURES: dict[str, tuple[str, str]] = {
    Measure.BUDGET_SPENT: ("people_spending", "spent"),
    Measure.BUDGET_ALLOCATED: ("people_allocated", "allocated"),
}


# The support figure each summary is, by its measure.
SUPPORT_MEASURES: dict[str, str] = {
    Measure.IN_SUPPORT: "in_support",
    Measure.GUIDES: "guides",
    Measure.EPISODES_OPENED: "opened",
    Measure.EPISODES_REOPENED: "reopened",
    Measure.EPISODES_CLOSED: "closed",
}
