"""The period's figures by group (decision 0034), read from the months' equality summaries in one query:
for each group of each grouping, the days to first contact, the episodes of Hub support opened, wellbeing
from first to latest, and the goals set and achieved; and (decision 0035) the onward introductions sent,
started and declined or unanswered, who moved to where they hoped to be in their life circumstances, and
the accommodation pathway's moves and the people spending budgets."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from livingwell.insight.equality_summaries import GROUPINGS, PATHWAY_COUNTS
from livingwell.insight.figure_parts import Wait, wait_from
from livingwell.insight.models import MonthCount
from livingwell.support.life import LIFE_FIELDS

Measure = MonthCount.Measure
EQUALITY_MEASURES = [
    Measure.EQ_CONTACT_WAIT,
    Measure.EQ_OPENED,
    Measure.EQ_WELLBEING_FIRST,
    Measure.EQ_WELLBEING_LATEST,
    Measure.EQ_WELLBEING_BETTER,
    Measure.EQ_GOALS_SET,
    Measure.EQ_GOALS_ACHIEVED,
    Measure.EQ_ONWARD_SENT,
    Measure.EQ_ONWARD_STARTED,
    Measure.EQ_ONWARD_UNMET,
    Measure.EQ_LIFE_RECORDED,
    Measure.EQ_LIFE_INTO,
    Measure.EQ_PATHWAY,
]
# Which count of a group each measure adds to, for those that are a plain count.
COUNTED = {
    Measure.EQ_OPENED: "opened",
    Measure.EQ_WELLBEING_BETTER: "better",
    Measure.EQ_GOALS_SET: "goals_set",
    Measure.EQ_GOALS_ACHIEVED: "goals_achieved",
    Measure.EQ_ONWARD_SENT: "onward_sent",
    Measure.EQ_ONWARD_STARTED: "onward_started",
    Measure.EQ_ONWARD_UNMET: "onward_unmet",
    Measure.EQ_LIFE_RECORDED: "life_recorded",
}


@dataclass
class EqualityGroup:
    name: str  # "" where not given
    waits: list[tuple[int, int]] = field(default_factory=list)  # days to first contact, (days, how many)
    opened: int = 0
    measured: int = 0  # people with wellbeing measured twice or more, whose latest fell in the period
    first: float = 0.0
    latest: float = 0.0
    better: int = 0
    goals_set: int = 0
    goals_achieved: int = 0
    onward_sent: int = 0
    onward_started: int = 0
    onward_unmet: int = 0  # declined or got no response
    life_recorded: int = 0  # people who answered a life circumstances question at first and at latest
    life_into: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LIFE_FIELDS, 0))  # by question
    pathway: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PATHWAY_COUNTS, 0))  # moves, spenders

    @property
    def contact_wait(self) -> Wait:
        return wait_from(self.waits)

    @property
    def mean_change(self) -> float | None:
        return round((self.latest - self.first) / self.measured, 1) if self.measured else None

    def as_json(self) -> dict[str, Any]:
        return {
            "group": self.name,
            "days_to_first_contact": self.contact_wait.as_json(),
            "episodes_opened": self.opened,
            "wellbeing_measured": self.measured,
            "wellbeing_mean_change": self.mean_change,
            "wellbeing_better": self.better,
            "goals_set": self.goals_set,
            "goals_achieved": self.goals_achieved,
            "onward_sent": self.onward_sent,
            "onward_started": self.onward_started,
            "onward_declined_or_no_response": self.onward_unmet,
            "life_answered_twice": self.life_recorded,
            "life_moved_to_hoped": self.life_into,
            "pathway": self.pathway,
        }


def equality_for(first: datetime.date, last: datetime.date, names: dict[Any, str]) -> dict[str, list[EqualityGroup]]:
    """The period's figures for each group of each grouping; ``names`` are the neighbourhoods' names."""
    found: dict[str, dict[str, EqualityGroup]] = defaultdict(dict)
    rows = (
        MonthCount.objects.filter(measure__in=EQUALITY_MEASURES, month__range=(first, last))
        .values_list("measure", "grouping", "group", "neighbourhood_id", "days", "band_from")
        .annotate(n=Sum("count"), summed=Sum("total"))
        .order_by()
    )
    for measure, grouping, group, area, days, question, count, summed in rows:
        name = names.get(area, "") if grouping == "neighbourhood" else group
        figures = found[grouping].setdefault(name, EqualityGroup(name))
        if measure in COUNTED:
            setattr(figures, COUNTED[measure], getattr(figures, COUNTED[measure]) + count)
        elif measure == Measure.EQ_CONTACT_WAIT:
            figures.waits.append((days, count))
        elif measure == Measure.EQ_WELLBEING_FIRST:
            figures.measured += count
            figures.first += summed or 0.0
        elif measure == Measure.EQ_WELLBEING_LATEST:
            figures.latest += summed or 0.0
        elif measure == Measure.EQ_LIFE_INTO and question in figures.life_into:
            figures.life_into[question] += count
        elif measure == Measure.EQ_PATHWAY and question in figures.pathway:
            figures.pathway[question] += count
    return {
        grouping: sorted(found[grouping].values(), key=lambda group: (group.name == "", group.name.casefold()))
        for grouping in GROUPINGS
    }


def not_given(grouping: str) -> str:
    return str(_("Neighbourhood not given") if grouping == "neighbourhood" else _("Not given"))
