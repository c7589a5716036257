"""Background work for the figures."""

from django.tasks import task

from livingwell.insight.services import counted_introduction_refresh


@task()
def counted_introduction_refresh_task(introduction_id: str) -> None:
    counted_introduction_refresh(introduction_id=introduction_id)
