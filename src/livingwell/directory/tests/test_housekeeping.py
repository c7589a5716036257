"""The monthly reminder of listings not checked, from the workers' housekeeping: once a month, however many
times housekeeping runs and on however many workers."""

import pytest
from django_tasks_db.models import DBTaskResult

from livingwell.core.models import PeriodicRun
from livingwell.core.periodic import first_this
from livingwell.directory.housekeeping import directory_housekeeping

pytestmark = pytest.mark.django_db

REMIND = "livingwell.directory.tasks.stale_listings_remind"


def test_the_reminder_is_queued_once_a_month() -> None:
    directory_housekeeping()
    directory_housekeeping()
    assert DBTaskResult.objects.filter(task_path=REMIND).count() == 1


def test_first_this_is_true_once_for_each_period() -> None:
    assert first_this("x", "2026-12")
    assert not first_this("x", "2026-12")
    assert first_this("x", "2027-01")
    assert first_this("y", "2026-12")


def test_a_new_month_reminds_again() -> None:
    directory_housekeeping()
    PeriodicRun.objects.filter(name="directory.stale_listings_remind").update(period="2000-01")
    directory_housekeeping()
    assert DBTaskResult.objects.filter(task_path=REMIND).count() == 2
