"""A small borough whose every figure is known in advance: history brought in, the front door's own
introductions, a baseline; checked through ``insight_figures --json``."""

import datetime
from collections.abc import Callable

import pytest

from livingwell.accounts.models import Role, User
from livingwell.frontdoor.models import FirstConversation, Introduction
from livingwell.insight.models import CountedIntroduction
from livingwell.insight.tests.conftest import LONDON, figures_json, worker_queue

NOTHING = {"median": None, "p90": None}
HISTORY_SAYS_NOTHING = {"themselves": 0, "someone_else": 0, "not_recorded": 5}
NO_ROUTES = {"information": 0, "community": 0, "hub_support": 0, "secondary_care": 0, "closed": 0}
NO_ONWARD = {"sent": 0, "accepted": 0, "started": 0, "finished": 0, "declined": 0, "no_response": 0, "waiting": 0,
             "days_to_reply": {"median": None, "p90": None}}  # fmt: skip
NO_PATHWAY = {"into_own_home": 0, "into_own_home_from_residential": 0, "residential_entries": 0, "discharges": 0,
              "people_with_budget_spending": 0, "budget_spent": 0.0, "people_with_budget_allocated": 0,
              "budget_allocated": 0.0}  # fmt: skip
NO_SUPPORT = {"in_support": 0, "opened": 0, "reopened": 0, "closed": 0, "guides": 0, "people_per_guide": None}


@pytest.mark.django_db
def test_every_figure_of_a_small_borough_is_the_known_answer(borough: None) -> None:
    figures = figures_json("2025-01", "2025-03")
    assert (figures["from"], figures["to"]) == ("2025-01", "2025-03")
    assert figures["months"] == [
        {
            "month": "2025-01",
            "introductions": 5,
            "routes": {"information": 1, "community": 0, "hub_support": 1, "secondary_care": 1, "closed": 1},
            "made_by": HISTORY_SAYS_NOTHING,
            "known": {"new": 0, "known_before": 0, "not_recorded": 5},
            # 1, 2, 4 and 7 days: an even count, so the mean of the middle two; the 90th by nearest rank.
            "days_to_first_contact": {"median": 3.0, "p90": 7},
            "days_to_first_conversation": {"median": 8.0, "p90": 14},
            "still_waiting": 1,
            "early_support": NO_SUPPORT,
            "onward": NO_ONWARD,
            "pathway": NO_PATHWAY,
        },
        {  # a month with nothing: no arrivals, no waits, and H5 still waiting
            "month": "2025-02",
            "introductions": 0,
            "routes": NO_ROUTES,
            "made_by": {"themselves": 0, "someone_else": 0, "not_recorded": 0},
            "known": {"new": 0, "known_before": 0, "not_recorded": 0},
            "days_to_first_contact": NOTHING,
            "days_to_first_conversation": NOTHING,
            "still_waiting": 1,
            "early_support": NO_SUPPORT,
            "onward": NO_ONWARD,
            "pathway": NO_PATHWAY,
        },
        {
            "month": "2025-03",
            "introductions": 2,
            "routes": NO_ROUTES,
            "made_by": {"themselves": 1, "someone_else": 1, "not_recorded": 0},
            "known": {"new": 2, "known_before": 0, "not_recorded": 0},
            "days_to_first_contact": {"median": 1.0, "p90": 1},
            "days_to_first_conversation": NOTHING,
            "still_waiting": 2,
            "early_support": NO_SUPPORT,
            "onward": NO_ONWARD,
            "pathway": NO_PATHWAY,
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
    assert [month["still_waiting"] for month in figures_json("2025-02", "2025-04")["months"]] == [1, 2, 2]


@pytest.mark.django_db(transaction=True)
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
    worker_queue()
    march = figures_json("2025-03", "2025-04")["months"]
    assert march[0]["routes"]["hub_support"] == 1  # counted in the month it arrived
    assert march[0]["days_to_first_conversation"] == {"median": 10.0, "p90": 10}
    assert [month["still_waiting"] for month in march] == [2, 1]


@pytest.mark.django_db(transaction=True)
def test_a_deleted_introduction_is_no_longer_counted(borough: None) -> None:
    Introduction.objects.filter(for_whom="someone_else").delete()
    worker_queue()
    assert figures_json("2025-03", "2025-03")["months"][0]["introductions"] == 1


def _routes(**counts: int) -> dict[str, int]:
    return {**NO_ROUTES, **counts}


@pytest.mark.django_db
def test_the_introductions_are_counted_in_each_group_they_gave(borough: None) -> None:
    groups = figures_json("2025-01", "2025-03")["groups"]
    assert groups["age_band"] == [
        {"group": "25-34", "introductions": 1, "routes": _routes(information=1), "population": None},
        {"group": "35-44", "introductions": 1, "routes": _routes(secondary_care=1), "population": None},
        # Not given: H3 (closed), H4 (Hub support), H5 (waiting) and the front door's two.
        {"group": "", "introductions": 5, "routes": _routes(closed=1, hub_support=1), "population": None},
    ]
    assert [(group["group"], group["introductions"]) for group in groups["neighbourhood"]] == [
        ("Ashby Vale", 2), ("Brook Green", 1), ("", 4),
    ]  # fmt: skip
    assert [group["group"] for group in groups["ethnic_group"]] == ["White British", ""]
    assert sum(group["introductions"] for group in groups["gender"]) == 7
