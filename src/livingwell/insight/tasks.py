"""Background work for the figures."""

import datetime

from django.tasks import task

from livingwell.insight.services import counted_introduction_refresh
from livingwell.insight.summaries import months_summarise


@task()
def counted_introduction_refresh_task(introduction_id: str) -> None:
    counted_introduction_refresh(introduction_id=introduction_id)


@task()
def months_summarise_task(months: list[str]) -> None:
    """Summarise again the months given as ISO dates (their first days)."""
    months_summarise(datetime.date.fromisoformat(month) for month in months)
