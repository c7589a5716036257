"""Background work for the figures: after everything else in the queue (``BOOKKEEPING_PRIORITY``)."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from livingwell.core.tasks import BOOKKEEPING_PRIORITY
from livingwell.insight.models import MonthDue
from livingwell.insight.services import counted_introduction_refresh
from livingwell.insight.summaries import months_summarise, this_month_summarise_once

# A summary asked for long ago and still not begun was lost (its task failed): it is asked for again.
DUE_LOST_AFTER = datetime.timedelta(minutes=10)


@task(priority=BOOKKEEPING_PRIORITY)
def counted_introduction_refresh_task(introduction_id: str) -> None:
    """Count the introduction again now; its months are summarised soon, once for every change meanwhile."""
    with transaction.atomic():
        months_summarise_soon(counted_introduction_refresh(introduction_id=introduction_id))


@task(priority=BOOKKEEPING_PRIORITY)
def months_summarise_task(months: list[str]) -> None:
    """Summarise again the months given as ISO dates (their first days)."""
    months_summarise(datetime.date.fromisoformat(month) for month in months)


def months_summarise_soon(months: Iterable[datetime.date]) -> None:
    """Have each month summarised again within ``LW_INSIGHT_SUMMARY_DELAY_SECONDS``: once, however many
    changes ask for it in that time. A busy front door would otherwise sum up its month afresh for every
    introduction (decision 0066). Call it in the transaction of the change that asks.

    A month already asked for has its row locked until that transaction ends, so its summary, which removes
    the row as it begins, waits for the change, and counts it; a change after that asks afresh."""
    now = timezone.now()
    asked = []
    for month in sorted(set(months)):
        due, created = MonthDue.objects.select_for_update().get_or_create(month=month, defaults={"asked_at": now})
        if not created:
            if due.asked_at >= _lost_if_asked_before(now):
                continue  # its summary is still to come
            due.asked_at = now
            due.save(update_fields=["asked_at"])
        asked.append(month.isoformat())
    if asked:
        months_summarise_task.using(run_after=now + _delay()).enqueue(months=asked)


def housekeeping() -> None:
    """Every few minutes (``core.tasks.housekeeping``): this month summarised if nothing has yet, and any month
    asked for so long ago that its summary was lost (its task failed) summarised now."""
    this_month_summarise_once()
    lost = MonthDue.objects.filter(asked_at__lt=_lost_if_asked_before(timezone.now()))
    months_summarise(list(lost.values_list("month", flat=True)))


def _delay() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.LW_INSIGHT_SUMMARY_DELAY_SECONDS)


def _lost_if_asked_before(now: datetime.datetime) -> datetime.datetime:
    """A month asked for before this and still due: its summary should long have begun."""
    return now - _delay() - DUE_LOST_AFTER
