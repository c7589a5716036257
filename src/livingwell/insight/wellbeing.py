"""Each wellbeing (SWEMWBS) score kept on a narrow row of its own (decision 0037): as a measurement is saved,
and for every measurement at once where they were made in bulk, past the signals (history, the demo)."""

from django.db import transaction
from django.db.models import Exists, FloatField, OuterRef, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from livingwell.insight.models import WellbeingScore
from livingwell.insight.outcome_summaries import WELLBEING
from livingwell.support.models import Measurement

BATCH = 5000


SCORE = Cast(KT(f"scores__{WELLBEING[1]}"), FloatField())


def _wellbeing_measurements() -> QuerySet[Measurement]:
    return Measurement.objects.filter(instrument__code=WELLBEING[0], scores__has_key=WELLBEING[1])


def wellbeing_score_keep(measurement: Measurement) -> None:
    """Keep the measurement's wellbeing score (none for another measure, or one not scored)."""
    found = _wellbeing_measurements().filter(pk=measurement.pk)
    row = found.values_list("person_id", "taken_at", SCORE).first()
    if row is None or row[2] is None:
        WellbeingScore.objects.filter(measurement_id=measurement.pk).delete()
        return
    person, taken_at, score = row
    WellbeingScore.objects.update_or_create(
        measurement_id=measurement.pk, defaults={"person_id": person, "taken_at": taken_at, "score": score}
    )


def wellbeing_scores_fill(*, afresh: bool = False) -> int:
    """Keep the score of every wellbeing measurement without one (of every one, ``afresh``); returns how
    many were kept."""
    with transaction.atomic():
        if afresh:
            WellbeingScore.objects.all().delete()
        missing = _wellbeing_measurements()
        if not afresh:
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
    return kept
