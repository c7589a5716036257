"""Each month's counted introductions, summed up as ``MonthCount`` rows that the figures read (decision 0023).

A month's rows are worked out afresh from its counted introductions whenever one of them changes: the
task worker does it right after counting the introduction again, and the history import after each file.
A month is a few grouped queries over its own rows, so a busy borough's month is quick to redo.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from livingwell.insight.models import CountedIntroduction, MonthCount, MonthSummarised

Measure = MonthCount.Measure
# The groups counted by route for the equality figures, and the field of ``CountedIntroduction`` each is.
GROUPED_BY = {
    Measure.AGE_BAND: "age_band",
    Measure.GENDER: "gender",
    Measure.ETHNIC_GROUP: "ethnic_group",
    Measure.NEIGHBOURHOOD: "neighbourhood_id",
}


def _month_counts(month: datetime.date) -> list[MonthCount]:
    arrived = CountedIntroduction.objects.filter(month=month).order_by()
    counts = [
        MonthCount(month=month, measure=Measure.ARRIVED, route=route, by_self=by_self, known_before=known, count=n)
        for route, by_self, known, n in arrived.values_list("route", "by_self", "known_before").annotate(n=Count("*"))
    ]
    for measure, field_name in (
        (Measure.CONTACT_WAIT, "days_to_first_contact"),
        (Measure.CONVERSATION_WAIT, "days_to_first_conversation"),
    ):
        waits = arrived.filter(**{f"{field_name}__isnull": False}).values_list("neighbourhood_id", field_name)
        counts += [
            MonthCount(month=month, measure=measure, neighbourhood_id=area, days=days, count=n)
            for area, days, n in waits.annotate(n=Count("*"))
        ]
    ended = CountedIntroduction.objects.filter(waiting_ended_month=month).count()
    if ended:
        counts.append(MonthCount(month=month, measure=Measure.WAITING_ENDED, count=ended))
    for measure, field_name in GROUPED_BY.items():
        by_area = measure == Measure.NEIGHBOURHOOD
        counts += [
            MonthCount(
                month=month,
                measure=measure,
                route=route,
                neighbourhood_id=group if by_area else None,
                group="" if by_area else group,
                count=n,
            )
            for group, route, n in arrived.values_list(field_name, "route").annotate(n=Count("*"))
        ]
    return counts


def month_summarise(month: datetime.date) -> None:
    """Replace the month's counts with ones worked out afresh, one worker at a time."""
    with transaction.atomic():
        MonthSummarised.objects.bulk_create([MonthSummarised(month=month)], ignore_conflicts=True)
        MonthSummarised.objects.select_for_update().get(month=month).save()
        MonthCount.objects.filter(month=month).delete()
        MonthCount.objects.bulk_create(_month_counts(month), batch_size=1000)


def months_summarise(months: Iterable[datetime.date | None]) -> int:
    """Summarise each month given once (``None``s, for dates not there, are passed over); returns how many."""
    chosen = sorted({month for month in months if month is not None})
    for month in chosen:
        month_summarise(month)
    return len(chosen)


def _months_with_rows() -> set[datetime.date]:
    """Every month with counted introductions arriving or stopping waiting."""
    rows = CountedIntroduction.objects.order_by()
    months = set(rows.values_list("month", flat=True).distinct())
    ended = rows.filter(waiting_ended_month__isnull=False).values_list("waiting_ended_month", flat=True).distinct()
    return months | {month for month in ended if month is not None}


def _months_summarised() -> set[datetime.date]:
    return set(MonthSummarised.objects.values_list("month", flat=True))


def months_counted() -> set[datetime.date]:
    """Every month with counted introductions, and every month summarised (its rows may all be gone)."""
    return _months_with_rows() | _months_summarised()


def months_unsummarised() -> set[datetime.date]:
    return _months_with_rows() - _months_summarised()
