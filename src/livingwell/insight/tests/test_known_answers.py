"""A small borough whose every figure is known in advance: history brought in, the front door's own
introductions, a baseline; checked through ``insight_figures --json``."""

import datetime
import io
import json
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command

from livingwell.accounts.models import Role, User
from livingwell.core.models import Neighbourhood
from livingwell.frontdoor.models import ContactAttempt, FirstConversation, Introduction
from livingwell.frontdoor.tests.factories import introduction_arrived
from livingwell.insight.models import CountedIntroduction

LONDON = zoneinfo.ZoneInfo("Europe/London")
HISTORY = """reference,arrived_on,first_contact_on,first_conversation_on,route,routed_on,neighbourhood,age_band,gender,ethnic_group
H1,2025-01-02,2025-01-03,2025-01-10,information,2025-01-10,Ashby Vale,25-34,Woman,White British
H2,2025-01-05,2025-01-07,2025-01-12,secondary_care,2025-01-12,brook-green,35-44,Man,
H3,2025-01-10,2025-01-14,,closed,2025-01-20,,,,
H4,2025-01-20,2025-01-27,2025-02-03,hub_support,2025-02-03,Ashby Vale,,,
H5,2025-01-30,,,,,,,,
"""
BASELINE = """month,secondary_care_referrals,introductions,median_days_to_first_contact,residential_entries,discharges
2019-01,100,120,30.5,6,4
2019-02,96,,28,,
"""


def _worker_queue() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def _figures(start: str, end: str) -> dict:
    out = io.StringIO()
    call_command("insight_figures", "--from", start, "--to", end, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def borough(tmp_path: Path, user_with_role: Callable[[Role], User]) -> None:
    Neighbourhood.objects.create(name="Ashby Vale", slug="ashby-vale")
    Neighbourhood.objects.create(name="Brook Green", slug="brook-green")
    (tmp_path / "history.csv").write_text(HISTORY)
    (tmp_path / "baseline.csv").write_text(BASELINE)
    call_command("introductions_import_history", tmp_path / "history.csv", stdout=io.StringIO())
    call_command("insight_baseline_load", tmp_path / "baseline.csv", stdout=io.StringIO())
    worker = user_with_role(Role.DUTY_WORKER)
    contacted = introduction_arrived(datetime.datetime(2025, 3, 5, 9, tzinfo=LONDON))
    ContactAttempt.objects.create(
        introduction=contacted,
        outcome="no_answer",
        attempted_at=datetime.datetime(2025, 3, 6, 8, tzinfo=LONDON),
        recorded_by=worker,
    )
    # 23:30 on 31 March in London is 22:30 UTC (summer time began on the 30th): it arrived in March.
    introduction_arrived(datetime.datetime(2025, 3, 31, 22, 30, tzinfo=datetime.UTC), for_whom="someone_else",
                         introducer_confirms_agreement=True)  # fmt: skip
    _worker_queue()


NOTHING = {"median": None, "p90": None}
NO_ROUTES = {"information": 0, "community": 0, "hub_support": 0, "secondary_care": 0, "closed": 0}


@pytest.mark.django_db
def test_every_figure_of_a_small_borough_is_the_known_answer(borough: None) -> None:
    figures = _figures("2025-01", "2025-03")
    assert (figures["from"], figures["to"]) == ("2025-01", "2025-03")
    assert figures["months"] == [
        {
            "month": "2025-01",
            "introductions": 5,
            "routes": {"information": 1, "community": 0, "hub_support": 1, "secondary_care": 1, "closed": 1},
            # 1, 2, 4 and 7 days: an even count, so the mean of the middle two; the 90th by nearest rank.
            "days_to_first_contact": {"median": 3.0, "p90": 7},
            "days_to_first_conversation": {"median": 8.0, "p90": 14},
            "still_waiting": 1,
        },
        {  # a month with nothing: no arrivals, no waits, and H5 still waiting
            "month": "2025-02",
            "introductions": 0,
            "routes": NO_ROUTES,
            "days_to_first_contact": NOTHING,
            "days_to_first_conversation": NOTHING,
            "still_waiting": 1,
        },
        {
            "month": "2025-03",
            "introductions": 2,
            "routes": NO_ROUTES,
            "days_to_first_contact": {"median": 1.0, "p90": 1},
            "days_to_first_conversation": NOTHING,
            "still_waiting": 2,
        },
    ]
    assert figures["baseline"] == [
        {"month": "2019-01", "secondary_care_referrals": 100, "introductions": 120,
         "median_days_to_first_contact": 30.5, "residential_entries": 6, "discharges": 4},
        {"month": "2019-02", "secondary_care_referrals": 96, "introductions": None,
         "median_days_to_first_contact": 28.0, "residential_entries": None, "discharges": None},
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_period_starting_later_carries_in_who_was_still_waiting(borough: None) -> None:
    assert [month["still_waiting"] for month in _figures("2025-02", "2025-04")["months"]] == [1, 2, 2]


@pytest.mark.django_db
def test_the_front_door_s_introductions_are_counted_again_as_they_change(
    borough: None, user_with_role: Callable[[Role], User]
) -> None:
    late = Introduction.objects.get(for_whom="someone_else")
    counted = CountedIntroduction.objects.get(introduction=late)
    assert (counted.arrived_on, counted.by_self, counted.route) == (datetime.date(2025, 3, 31), False, "")
    worker = user_with_role(Role.DUTY_WORKER)
    FirstConversation.objects.create(
        introduction=late, held_at=datetime.datetime(2025, 4, 10, 10, tzinfo=LONDON), held_by=worker,
        what_matters="x", strengths="y", next_step="z",
    )  # fmt: skip
    Introduction.objects.filter(pk=late.pk).update(
        route="hub", routed_at=datetime.datetime(2025, 4, 10, 11, tzinfo=LONDON)
    )
    late.refresh_from_db()
    late.save(update_fields=["route"])
    _worker_queue()
    march = _figures("2025-03", "2025-04")["months"]
    assert march[0]["routes"]["hub_support"] == 1  # counted in the month it arrived
    assert march[0]["days_to_first_conversation"] == {"median": 10.0, "p90": 10}
    assert [month["still_waiting"] for month in march] == [2, 1]


@pytest.mark.django_db
def test_a_deleted_introduction_is_no_longer_counted(borough: None) -> None:
    Introduction.objects.filter(for_whom="someone_else").delete()
    assert _figures("2025-03", "2025-03")["months"][0]["introductions"] == 1
