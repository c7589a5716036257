"""A month's outcomes, summed up for the figures (decision 0026): for everyone whose latest measurement of a
measure fell in the month and who had an earlier one, their first and latest scores, whether they changed
by the deployment's threshold, and the bands they moved between; and the goals set in the month under each
Big 3 outcome, with their progress and how many were achieved; and people's life circumstances, from
their first answers to their latest."""

import datetime
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, F, Model, OuterRef, QuerySet, Subquery, Sum

from livingwell.core.months import month_bounds
from livingwell.insight.equality_summaries import LifeMove, goal_counts, life_counts, wellbeing_counts
from livingwell.insight.models import MonthCount
from livingwell.support.life import LIFE_FIELDS
from livingwell.support.measures import changes
from livingwell.support.models import Goal, Instrument, InstrumentItem, LifeCircumstances, Measurement

Measure = MonthCount.Measure
# The wellbeing measure and score broken down by group and by alliance partner.
WELLBEING = ("swemwbs", "metric")


def score_key(code: str, key: str) -> str:
    """How a measure's score is named in the summaries: ``swemwbs:metric``."""
    return f"{code}:{key}"


def item_key(code: str, number: int) -> str:
    """How one item of a measure scored by groups (a DIALOG domain) is named: ``dialog:item:3``."""
    return f"{code}:item:{number}"


@dataclass
class _Sums:
    people: int = 0
    first: float = 0.0
    latest: float = 0.0
    improved: int = 0
    worsened: int = 0


def _latest_in_month[Record: Model](
    records: QuerySet[Record], when: str, same: tuple[str, ...], start: datetime.datetime, end: datetime.datetime
) -> QuerySet[Record]:
    """The records taken from ``start`` to ``end`` with no later one of the same ``same`` (a person's latest
    measurement of a measure; their latest life circumstances). ``when`` names the moment field."""
    later = records.filter(**{field: OuterRef(field) for field in same}, **{f"{when}__gt": OuterRef(when)})
    return records.filter(**{f"{when}__gte": start, f"{when}__lt": end}).exclude(Exists(later))


def _latest_in(start: datetime.datetime, end: datetime.datetime) -> list[Measurement]:
    """Each person's latest measurement of each measure, where it was taken in the month and an earlier one
    was taken too; with the first one's id as ``first_id``."""
    same = ("person", "instrument")
    first = Measurement.objects.filter(**{field: OuterRef(field) for field in same}).order_by("taken_at", "id")
    latest = (
        _latest_in_month(Measurement.objects.all(), "taken_at", same, start, end)
        .annotate(first_id=Subquery(first.values("id")[:1]))
        .exclude(first_id=F("id"))
        .order_by("taken_at", "id")
    )
    # Two taken at the very same moment are both "latest": the later id counts, once.
    return list({(row.person_id, row.instrument_id): row for row in latest}.values())


def outcome_counts(month: datetime.date) -> list[MonthCount]:
    start, end = month_bounds(month)
    latest = _latest_in(start, end)
    firsts = Measurement.objects.in_bulk([row.first_id for row in latest])  # type: ignore[attr-defined]
    instruments = Instrument.objects.in_bulk()
    items: dict[int, list[InstrumentItem]] = defaultdict(list)
    for item in InstrumentItem.objects.filter(instrument__scoring=Instrument.Scoring.GROUP_MEANS):
        items[item.instrument_id].append(item)
    sums: dict[str, _Sums] = defaultdict(_Sums)
    bands: dict[tuple[str, str, str], int] = defaultdict(int)
    wellbeing: dict[uuid.UUID, tuple[float, float, bool]] = {}
    for row in latest:
        instrument, first = instruments[row.instrument_id], firsts[row.first_id]  # type: ignore[attr-defined]
        for change in changes(instrument, first, row):
            key = score_key(instrument.code, change.key)
            if (instrument.code, change.key) == WELLBEING:
                wellbeing[row.person_id] = (change.first, change.latest, bool(change.meaningful and change.better))
            _add(sums[key], change.first, change.latest, change.meaningful, change.better)
            if change.first_band and change.latest_band:
                bands[key, change.first_band, change.latest_band] += 1
        # Each domain of a measure scored by groups, from the answers (DIALOG's eleven).
        for item in items[instrument.pk]:
            before, after = first.answers.get(str(item.number)), row.answers.get(str(item.number))
            if isinstance(before, int) and isinstance(after, int):
                _add(sums[item_key(instrument.code, item.number)], before, after, None, None)
    counts = []
    for key, total in sums.items():
        counts += [
            MonthCount(month=month, measure=Measure.OUTCOME_FIRST, group=key, count=total.people, total=total.first),
            MonthCount(month=month, measure=Measure.OUTCOME_LATEST, group=key, count=total.people, total=total.latest),
        ]
        for measure, count in ((Measure.OUTCOME_IMPROVED, total.improved), (Measure.OUTCOME_WORSENED, total.worsened)):
            if count:
                counts.append(MonthCount(month=month, measure=measure, group=key, count=count))
    counts += [
        MonthCount(month=month, measure=Measure.OUTCOME_BANDS, group=key, band_from=before, band_to=after, count=n)
        for (key, before, after), n in bands.items()
    ]
    return [
        *counts,
        *_goal_counts(month, start, end),
        *_life_counts(month, start, end),
        *wellbeing_counts(month, wellbeing),
        *goal_counts(month, start, end),
    ]


def _add(sums: _Sums, first: float, latest: float, meaningful: bool | None, better: bool | None) -> None:
    sums.people += 1
    sums.first += first
    sums.latest += latest
    if meaningful:
        sums.improved += bool(better)
        sums.worsened += better is False


def _goal_counts(month: datetime.date, start: datetime.datetime, end: datetime.datetime) -> list[MonthCount]:
    """The goals set in the month under each Big 3 outcome, with their progress now (each starts at nought)
    summed, and how many of them were achieved."""
    goals = Goal.objects.filter(created_at__gte=start, created_at__lt=end).order_by()
    counts = []
    for outcome, n, progress, achieved in goals.values_list("outcome").annotate(
        n=Count("*"), progress=Sum("progress"), achieved=Count("achieved_at")
    ):
        counts.append(MonthCount(month=month, measure=Measure.GOALS_SET, group=outcome, count=n, total=progress))
        if achieved:
            counts.append(MonthCount(month=month, measure=Measure.GOALS_ACHIEVED, group=outcome, count=achieved))
    return counts


def _life_counts(month: datetime.date, start: datetime.datetime, end: datetime.datetime) -> list[MonthCount]:
    """For everyone whose latest life circumstances were recorded in the month, after earlier ones: for each
    question, their first answer and their latest (each question may have been left at any time), counted
    where the two come from different records."""
    people = _latest_in_month(LifeCircumstances.objects.all(), "recorded_at", ("person",), start, end)
    records: dict[uuid.UUID, list[LifeCircumstances]] = defaultdict(list)
    for record in LifeCircumstances.objects.filter(person__in=people.values("person")).order_by("recorded_at", "id"):
        records[record.person_id].append(record)
    moves: dict[uuid.UUID, list[LifeMove]] = {}
    for person, history in records.items():
        moves[person] = []
        for question in LIFE_FIELDS:
            answered = [
                (index, answer) for index, record in enumerate(history) if (answer := getattr(record, question))
            ]
            if len(answered) > 1 and answered[0][0] != answered[-1][0]:
                moves[person].append((question, answered[0][1], answered[-1][1]))
    counted = Counter(move for questions in moves.values() for move in questions)
    return [
        *(
            MonthCount(month=month, measure=Measure.LIFE, group=question, band_from=before, band_to=after, count=n)
            for (question, before, after), n in counted.items()
        ),
        *life_counts(month, moves),
    ]
