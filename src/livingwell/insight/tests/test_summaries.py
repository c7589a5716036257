"""The figures read each month's summary, which is worked out afresh whenever what it sums changes."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from livingwell.insight.models import MonthCount, MonthSummarised
from livingwell.insight.services import counted_introductions_refresh
from livingwell.insight.summaries import months_unsummarised
from livingwell.insight.tests.conftest import HISTORY, figures_json


def _summary() -> list[tuple]:
    return sorted(
        MonthCount.objects.values_list(
            "month", "measure", "route", "by_self", "known_before", "neighbourhood_id", "group", "days", "count"
        ),
        key=repr,
    )


@pytest.mark.django_db
def test_a_past_introduction_moved_to_another_month_leaves_the_first(borough: None, tmp_path: Path) -> None:
    moved = HISTORY.replace("H4,2025-01-20,2025-01-27,2025-02-03", "H4,2025-03-20,2025-03-27,2025-04-03")
    moved = moved.replace("hub_support,2025-02-03", "hub_support,2025-04-03")
    (tmp_path / "moved.csv").write_text(moved)
    call_command("introductions_import_history", tmp_path / "moved.csv", stdout=io.StringIO())
    months = figures_json("2025-01", "2025-03")["months"]
    assert [month["introductions"] for month in months] == [4, 0, 3]
    assert [month["routes"]["hub_support"] for month in months] == [0, 0, 1]
    assert months[0]["days_to_first_contact"] == {"median": 2.0, "p90": 4}  # 1, 2 and 4 days


@pytest.mark.django_db
def test_summarising_again_changes_nothing_and_mends_what_went_wrong(borough: None) -> None:
    before = _summary()
    assert before
    assert months_unsummarised() == set()
    MonthCount.objects.filter(measure=MonthCount.Measure.ARRIVED).update(count=999)
    MonthSummarised.objects.order_by("month").first().delete()  # as if a month had never been summed
    assert len(months_unsummarised()) == 1
    counted_introductions_refresh(missing_only=True)
    assert months_unsummarised() == set()
    call_command("insight_refresh", stdout=io.StringIO())
    assert _summary() == before
