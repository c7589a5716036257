"""A busy front door does not sum up its month afresh for every introduction: the month is summarised soon
after, once for all the introductions counted meanwhile (decision 0066); and the worker takes an urgent
alert before any of that bookkeeping."""

import datetime
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingwell.core.months import month_of
from livingwell.core.outbox import message_enqueue
from livingwell.core.tasks import BOOKKEEPING_PRIORITY, URGENT_PRIORITY
from livingwell.frontdoor.services import confirmation_message, duty_urgent_message
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.insight.models import CountedIntroduction, MonthCount, MonthDue
from livingwell.insight.tasks import (
    DUE_LOST_AFTER,
    counted_introduction_refresh_task,
    housekeeping,
    months_summarise_task,
)

SUMMARISE = "livingwell.insight.tasks.months_summarise_task"


def _summaries_queued() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=SUMMARISE, status="READY"))


def _introductions_counted(month: datetime.date) -> int:
    return sum(
        MonthCount.objects.filter(month=month, measure=MonthCount.Measure.ARRIVED).values_list("count", flat=True)
    )


@pytest.fixture
def soon(settings: Any) -> datetime.timedelta:
    settings.LW_INSIGHT_SUMMARY_DELAY_SECONDS = 30
    return datetime.timedelta(seconds=30)


@pytest.mark.django_db
def test_introductions_counted_one_after_another_ask_for_one_summary_of_their_month(
    soon: datetime.timedelta,
) -> None:
    introductions = [IntroductionFactory() for _ in range(5)]
    this_month = month_of(timezone.localdate())
    before = timezone.now()
    for introduction in introductions:
        counted_introduction_refresh_task.call(introduction_id=str(introduction.pk))

    assert CountedIntroduction.objects.count() == 5  # each counted at once
    queued = _summaries_queued()
    assert len(queued) == 1
    assert queued[0].args_kwargs["kwargs"] == {"months": [this_month.isoformat()]}
    assert before + soon <= queued[0].run_after <= timezone.now() + soon
    assert list(MonthDue.objects.values_list("month", flat=True)) == [this_month]
    assert _introductions_counted(this_month) == 0  # not yet summarised

    months_summarise_task.call(months=[this_month.isoformat()])
    assert _introductions_counted(this_month) == 5
    assert not MonthDue.objects.exists()

    # The next introduction after the summary began asks afresh.
    counted_introduction_refresh_task.call(introduction_id=str(IntroductionFactory().pk))
    assert len(_summaries_queued()) == 2
    assert MonthDue.objects.count() == 1


@pytest.mark.django_db
def test_a_summary_asked_for_long_ago_and_never_begun_is_asked_for_again(soon: datetime.timedelta) -> None:
    this_month = month_of(timezone.localdate())
    MonthDue.objects.create(month=this_month, asked_at=timezone.now() - soon - DUE_LOST_AFTER - soon)
    counted_introduction_refresh_task.call(introduction_id=str(IntroductionFactory().pk))
    assert len(_summaries_queued()) == 1
    assert MonthDue.objects.get().asked_at > timezone.now() - soon


@pytest.mark.django_db
def test_housekeeping_summarises_a_month_whose_summary_was_lost(soon: datetime.timedelta) -> None:
    this_month = month_of(timezone.localdate())
    months_summarise_task.call(months=[this_month.isoformat()])  # this month begun
    counted_introduction_refresh_task.call(introduction_id=str(IntroductionFactory().pk))
    housekeeping()
    assert MonthDue.objects.exists()  # its summary is still to come
    assert _introductions_counted(this_month) == 0

    MonthDue.objects.update(asked_at=timezone.now() - soon - DUE_LOST_AFTER - soon)  # and its task failed
    housekeeping()
    assert not MonthDue.objects.exists()
    assert _introductions_counted(this_month) == 1


@pytest.mark.django_db
def test_with_no_delay_the_month_is_summarised_at_the_next_run_of_the_worker(settings: Any) -> None:
    settings.LW_INSIGHT_SUMMARY_DELAY_SECONDS = 0
    counted_introduction_refresh_task.call(introduction_id=str(IntroductionFactory().pk))
    queued = _summaries_queued()
    assert len(queued) == 1
    assert queued[0].run_after <= timezone.now()


@pytest.mark.django_db
def test_the_worker_takes_an_urgent_alert_before_ordinary_sends_and_the_figures_bookkeeping() -> None:
    ordinary = IntroductionFactory(email="sam@example.org")  # its recount queued first, then its confirmation
    message_enqueue(confirmation_message, introduction_id=ordinary.pk)
    urgent = IntroductionFactory(email="kim@example.org", is_urgent=True)
    message_enqueue(confirmation_message, introduction_id=urgent.pk)
    message_enqueue(duty_urgent_message, introduction_id=urgent.pk, urgent=True, label="Duty email")

    ordering = DBTaskResult._meta.ordering
    first = DBTaskResult.objects.filter(status="READY").order_by(*ordering).first()
    assert first is not None
    assert first.task_path == "livingwell.core.outbox.message_send"
    assert first.args_kwargs["kwargs"]["build"].endswith("duty_urgent_message")
    assert first.priority == URGENT_PRIORITY
    last = DBTaskResult.objects.filter(status="READY").order_by(*ordering).last()
    assert last is not None
    assert last.priority == BOOKKEEPING_PRIORITY
