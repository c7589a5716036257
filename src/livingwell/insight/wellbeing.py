"""Each wellbeing (SWEMWBS) score kept on a narrow row of its own, and each person's first and latest as they
stand now (decision 0037): as a measurement is saved or deleted, and for every measurement at once where
they were made in bulk, past the signals (history, the demo)."""

import datetime
import uuid
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Exists, F, FloatField, Func, OuterRef, QuerySet, RowRange, Window
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, LastValue, RowNumber

from livingwell.insight.models import PersonWellbeing, WellbeingScore
from livingwell.insight.outcome_summaries import WELLBEING
from livingwell.support.models import Measurement

BATCH = 5000
SCORE = Cast(KT(f"scores__{WELLBEING[1]}"), FloatField())


def _wellbeing_measurements() -> QuerySet[Measurement]:
    return Measurement.objects.filter(instrument__code=WELLBEING[0], scores__has_key=WELLBEING[1])


Span = tuple[uuid.UUID, float, float, datetime.datetime, int]  # a person, first, latest, when latest, how many


def firsts_and_latests(scores: QuerySet[WellbeingScore], *, at_least: int = 1) -> QuerySet[WellbeingScore, Span]:
    """Of ``scores``, one row a person measured ``at_least`` times: their first score, their latest, when the
    latest was taken, and how many. One window, newest first, picks all of them."""

    def newest_first(expression: Func) -> Window:
        return Window(
            expression,
            partition_by=[F("person_id")],
            order_by=[F("taken_at").desc(), F("measurement_id").desc()],
            frame=RowRange(start=None, end=None),
        )

    return (
        scores.annotate(
            place=newest_first(RowNumber()),
            first_score=newest_first(LastValue("score")),
            taken=newest_first(Count("pk")),
        )
        .filter(place=1, taken__gte=at_least)
        .values_list("person_id", "first_score", "score", "taken_at", "taken")
        .order_by()
    )


def _people_wellbeing_refresh(people: Iterable[uuid.UUID] | None) -> None:
    """Each person's first and latest score as they stand now (everyone's, for ``None``)."""
    spans = PersonWellbeing.objects.all()
    scores = WellbeingScore.objects.all()
    if people is not None:
        people = list(people)
        spans, scores = spans.filter(person_id__in=people), scores.filter(person_id__in=people)
    spans.delete()
    batch = []
    for person, first, latest, latest_at, taken in firsts_and_latests(scores).iterator(chunk_size=BATCH):
        batch.append(
            PersonWellbeing(
                person_id=person, first_score=first, latest_score=latest, latest_at=latest_at, measured=taken
            )
        )
        if len(batch) == BATCH:
            PersonWellbeing.objects.bulk_create(batch)
            batch = []
    PersonWellbeing.objects.bulk_create(batch)


def wellbeing_score_keep(measurement: Measurement, *, deleted: bool = False) -> None:
    """Keep the measurement's wellbeing score (none for another measure, one not scored, or one deleted),
    and the person's first and latest."""
    row = None
    if not deleted:
        row = _wellbeing_measurements().filter(pk=measurement.pk).values_list("taken_at", SCORE).first()
    with transaction.atomic():
        if row is None or row[1] is None:
            gone, _kinds = WellbeingScore.objects.filter(measurement_id=measurement.pk).delete()
            if not gone and not deleted:
                return  # never a wellbeing score: nothing of the person's changed
        else:
            WellbeingScore.objects.update_or_create(
                measurement_id=measurement.pk,
                defaults={"person_id": measurement.person_id, "taken_at": row[0], "score": row[1]},
            )
        _people_wellbeing_refresh([measurement.person_id])


def wellbeing_scores_fill(*, afresh: bool = False) -> int:
    """Keep the score of every wellbeing measurement without one (of every one, ``afresh``), and everyone's
    first and latest again if any was kept; returns how many were kept."""
    with transaction.atomic():
        if afresh:
            WellbeingScore.objects.all().delete()
        missing = _wellbeing_measurements()
        if not afresh and missing.count() == WellbeingScore.objects.count():
            return 0  # each has its row (a row goes with its measurement): after any migration but the first
        if not afresh:
            # NOT EXISTS, an anti-join: NOT IN over a million rows is read again for each one on PostgreSQL.
            missing = missing.exclude(Exists(WellbeingScore.objects.filter(measurement_id=OuterRef("pk"))))
        rows = missing.values_list("pk", "person_id", "taken_at", SCORE).order_by().iterator(chunk_size=BATCH)
        kept, batch = 0, []
        for measurement, person, taken_at, score in rows:
            if score is None:
                continue
            batch.append(WellbeingScore(measurement_id=measurement, person_id=person, taken_at=taken_at, score=score))
            if len(batch) == BATCH:
                kept += len(WellbeingScore.objects.bulk_create(batch))
                batch = []
        kept += len(WellbeingScore.objects.bulk_create(batch))
        if kept or afresh:
            _people_wellbeing_refresh(None)
    return kept
