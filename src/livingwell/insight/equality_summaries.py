"""A month's figures by age band, gender, ethnic group and neighbourhood, beyond the introductions' own
(decision 0034): days to first contact by group, episodes of Hub support opened by the person's group,
wellbeing from first to latest by the person's group, the goals set in the month (and how many of them
were achieved) by the person's group (decision 0034); and the onward introductions sent in the month (how
many started, and how many were declined or went unanswered), who moved to where they hoped to be in
their life circumstances, and the accommodation pathway's moves and the people spending budgets, by the
person's group (decision 0035).

A person's groups are those given with their latest introduction to the front door that gave each (people
say them at the front door, and may leave any out); someone with none given is counted as "not given".
"""

import datetime
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import Count, QuerySet

from livingwell.insight.models import CountedIntroduction, MonthCount
from livingwell.support.life import life_hoped
from livingwell.support.models import EpisodeChange, Goal, OnwardIntroduction, OnwardStatusChange

Measure = MonthCount.Measure
# Each grouping, and the counted introduction's field it is read from.
GROUPINGS = {
    "age_band": "age_band",
    "gender": "gender",
    "ethnic_group": "ethnic_group",
    "neighbourhood": "neighbourhood_id",
}
Groups = dict[str, str | int | None]  # grouping → the group ("" or None where not given)


def _row(
    month: datetime.date, measure: str, grouping: str, group: str | int | None, count: int, **fields: object
) -> MonthCount:
    """A count for one group: a neighbourhood by its key, any other group by its words."""
    area = grouping == "neighbourhood"
    return MonthCount(
        month=month,
        measure=measure,
        grouping=grouping,
        group="" if area else str(group or ""),
        neighbourhood_id=group if area and isinstance(group, int) else None,
        count=count,
        **fields,
    )


def wait_counts(month: datetime.date) -> list[MonthCount]:
    """Days to first contact of the month's introductions, by each group but neighbourhood (whose waits
    are counted with the month's own)."""
    contacted = CountedIntroduction.objects.filter(month=month, days_to_first_contact__isnull=False).order_by()
    return [
        _row(month, Measure.EQ_CONTACT_WAIT, grouping, group, n, days=days)
        for grouping, field_name in GROUPINGS.items()
        if grouping != "neighbourhood"
        for group, days, n in contacted.values_list(field_name, "days_to_first_contact").annotate(n=Count("*"))
    ]


def person_groups(people: Iterable[uuid.UUID]) -> dict[uuid.UUID, Groups]:
    """Each person's groups, from their latest introduction that gave each."""
    found: dict[uuid.UUID, Groups] = {}
    rows = (
        CountedIntroduction.objects.filter(introduction__person_id__in=list(people))
        .order_by("arrived_on", "pk")
        .values_list("introduction__person_id", *GROUPINGS.values())
    )
    for person, *values in rows:
        groups = found.setdefault(person, dict.fromkeys(GROUPINGS, ""))
        for grouping, value in zip(GROUPINGS, values, strict=True):
            if value not in ("", None):
                groups[grouping] = value
    return found


GroupKey = tuple[str, str | int | None]  # a grouping and one of its groups


def _by_group[Value](items: list[tuple[uuid.UUID, Value]]) -> dict[GroupKey, list[Value]]:
    """Each (person, value) put under every group of the person's, one group a grouping ("" not given)."""
    groups = person_groups({person for person, _value in items})
    by_group: dict[GroupKey, list[Value]] = defaultdict(list)
    for person, value in items:
        for grouping in GROUPINGS:
            by_group[grouping, groups.get(person, {}).get(grouping) or ""].append(value)
    return by_group


def opened_counts(month: datetime.date, start: datetime.datetime, end: datetime.datetime) -> list[MonthCount]:
    """The episodes of Hub support opened in the month, by the person's groups."""
    opened = EpisodeChange.objects.filter(changed_at__gte=start, changed_at__lt=end, kind=EpisodeChange.Kind.OPENED)
    episodes = list(opened.values_list("episode__person_id", "episode_id"))
    return [
        _row(month, Measure.EQ_OPENED, grouping, group, len(members))
        for (grouping, group), members in _by_group(episodes).items()
    ]


def wellbeing_counts(month: datetime.date, changes: dict[uuid.UUID, tuple[float, float, bool]]) -> list[MonthCount]:
    """Wellbeing from first to latest of those whose latest was in the month, by their groups: ``changes``
    is each person's first score, latest score, and whether better by the threshold."""
    counts = []
    for (grouping, group), members in _by_group(list(changes.items())).items():
        first = sum(change[0] for change in members)
        latest = sum(change[1] for change in members)
        better = sum(change[2] for change in members)
        counts += [
            _row(month, Measure.EQ_WELLBEING_FIRST, grouping, group, len(members), total=first),
            _row(month, Measure.EQ_WELLBEING_LATEST, grouping, group, len(members), total=latest),
        ]
        if better:
            counts.append(_row(month, Measure.EQ_WELLBEING_BETTER, grouping, group, better))
    return counts


def goal_counts(month: datetime.date, start: datetime.datetime, end: datetime.datetime) -> list[MonthCount]:
    """The goals set in the month, and how many of them have been achieved, by the person's groups."""
    goals = Goal.objects.filter(created_at__gte=start, created_at__lt=end).order_by()
    counts = []
    for (grouping, group), achieved in _by_group(list(goals.values_list("plan__person_id", "achieved_at"))).items():
        counts.append(_row(month, Measure.EQ_GOALS_SET, grouping, group, len(achieved)))
        if done := sum(when is not None for when in achieved):
            counts.append(_row(month, Measure.EQ_GOALS_ACHIEVED, grouping, group, done))
    return counts


Onward = OnwardIntroduction.Status
UNMET = {Onward.DECLINED, Onward.NO_RESPONSE}


def onward_counts(month: datetime.date, sent: QuerySet[OnwardIntroduction]) -> list[MonthCount]:
    """The onward introductions ``sent`` in the month, by the person's groups: how many, how many have
    started, and how many were declined or got no response (each once, whichever it reached)."""
    reached: dict[uuid.UUID, set[str]] = defaultdict(set)
    steps = OnwardStatusChange.objects.filter(onward__in=sent, status__in=[Onward.STARTED, *UNMET]).order_by()
    for onward, status in steps.values_list("onward_id", "status"):
        reached[onward].add(status)
    items = [(person, reached.get(onward, set())) for person, onward in sent.values_list("person_id", "id")]
    counts = []
    for (grouping, group), statuses in _by_group(items).items():
        counts.append(_row(month, Measure.EQ_ONWARD_SENT, grouping, group, len(statuses)))
        if started := sum(Onward.STARTED in each for each in statuses):
            counts.append(_row(month, Measure.EQ_ONWARD_STARTED, grouping, group, started))
        if unmet := sum(bool(each & UNMET) for each in statuses):
            counts.append(_row(month, Measure.EQ_ONWARD_UNMET, grouping, group, unmet))
    return counts


LifeMove = tuple[str, str, str]  # a question, the first answer and the latest


def life_counts(month: datetime.date, moves: dict[uuid.UUID, list[LifeMove]]) -> list[MonthCount]:
    """Of the people whose latest life circumstances were recorded in the month, by their groups: those who
    answered a question at first and at latest, and for each question those who moved to where they hoped
    to be. ``moves`` is each person's questions answered twice."""
    counts = []
    answered = [(person, questions) for person, questions in moves.items() if questions]
    for (grouping, group), members in _by_group(answered).items():
        counts.append(_row(month, Measure.EQ_LIFE_RECORDED, grouping, group, len(members)))
        into = Counter(
            question
            for questions in members
            for question, before, after in questions
            if not life_hoped(question, before) and life_hoped(question, after)
        )
        counts += [
            _row(month, Measure.EQ_LIFE_INTO, grouping, group, n, band_from=question) for question, n in into.items()
        ]
    return counts


# The accommodation pathway's counts broken down by group (``PathwayFigures.people``), in the table's order.
PATHWAY_COUNTS = ("into_own_home", "from_residential", "residential_entries", "discharges", "people_spending")


def pathway_group_counts(month: datetime.date, people: dict[str, list[uuid.UUID]]) -> list[MonthCount]:
    """The month's moves on the accommodation pathway and the people spending budgets, by the person's
    groups: ``people`` are who each count is of, once for each move."""
    items = [(person, which) for which in PATHWAY_COUNTS for person in people.get(which, [])]
    return [
        _row(month, Measure.EQ_PATHWAY, grouping, group, n, band_from=which)
        for (grouping, group), counted in _by_group(items).items()
        for which, n in Counter(counted).items()
    ]
