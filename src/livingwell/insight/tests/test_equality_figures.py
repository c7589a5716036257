"""Equality beyond introductions, with known answers: days to first contact by group, Hub support opened and
wellbeing by the person's group (from the introduction where they gave it), suppressed so that no hidden
group can be worked out from the totals other tables show."""

import csv
import datetime
import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.frontdoor.models import IntroductionEquality
from livingwell.frontdoor.tests.factories import introduction_arrived
from livingwell.insight.suppression import hidden_with_another
from livingwell.insight.tests.conftest import LONDON, figures_json, wellbeing_measured
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Episode, EpisodeChange, Goal, Instrument, Plan


def _at(month: int, day: int) -> datetime.datetime:
    return datetime.datetime(2025, month, day, 10, tzinfo=LONDON)


@pytest.fixture
def supported(db: None) -> None:
    """Five women and five non-binary people better by 9.71; one man, no change; each given Hub support in
    February, and setting goals. A later introduction of one woman left her gender out: she is still
    counted as a woman."""
    Instrument.objects.filter(code="swemwbs").update(meaningful_change={"metric": 3})
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    for gender, people, before, after in (("Woman", 5, 2, 4), ("Non-binary", 5, 2, 4), ("Man", 1, 3, 3)):
        for _number in range(people):
            person = PersonFactory()
            introduction = introduction_arrived(_at(1, 6), person=person)
            IntroductionEquality.objects.create(introduction=introduction, gender=gender, age_band="25 to 34")
            if gender == "Woman" and _number == 0:
                introduction_arrived(_at(1, 20), person=person)
            episode = Episode.objects.create(person=person, guide=guide, opened_at=_at(2, 3))
            EpisodeChange.objects.create(
                episode=episode, kind=EpisodeChange.Kind.OPENED, changed_at=_at(2, 3), guide=guide
            )
            wellbeing_measured(person, _at(1, 10), before)
            wellbeing_measured(person, _at(3, 10), after)
            # Goals in February: two for each woman, one achieved; one for everyone else, the man's achieved.
            plan, _created = Plan.objects.get_or_create(person=person)
            for number in range(2 if gender == "Woman" else 1):
                goal = Goal.objects.create(plan=plan, outcome="stay_well", what="My own goal", progress=3)
                done = _at(2, 20) if number == 0 and gender != "Non-binary" else None
                Goal.objects.filter(pk=goal.pk).update(created_at=_at(2, 10), achieved_at=done)
    call_command("insight_refresh", stdout=io.StringIO())


@pytest.mark.django_db
def test_support_and_wellbeing_by_group_are_the_known_answers(supported: None) -> None:
    equality = figures_json("2025-01", "2025-03")["equality"]
    by_gender = {group["group"]: group for group in equality["gender"]}
    assert by_gender["Woman"] == {
        "group": "Woman", "days_to_first_contact": {"median": None, "p90": None}, "episodes_opened": 5,
        "wellbeing_measured": 5, "wellbeing_mean_change": 9.7, "wellbeing_better": 5, "goals_set": 10,
        "goals_achieved": 5,
    }  # fmt: skip
    assert (by_gender["Man"]["episodes_opened"], by_gender["Man"]["wellbeing_mean_change"]) == (1, 0.0)
    assert [group["group"] for group in equality["age_band"]] == ["25 to 34"]


@pytest.mark.django_db
def test_a_lone_hidden_group_takes_the_next_smallest_with_it(
    supported: None, signed_in_client: Callable[[Role], Client]
) -> None:
    response = signed_in_client(Role.ANALYST).get(
        "/figures/equality-by-gender.csv", {"start": "2025-01", "end": "2025-03"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    few = "fewer than 5"
    assert rows[0][1:] == [
        "Median days to first contact", "90th percentile", "Episodes of Hub support opened",
        "People whose wellbeing was measured twice or more", "Mean change in wellbeing", "Better by a meaningful amount",
        "Goals set", "Goals achieved",
    ]  # fmt: skip
    # The man's 1 is hidden, so one of the 5s is too: the 11 opened in the early support table would give
    # the man away otherwise.
    assert rows[1:] == [
        ["Man", "–", "–", few, few, "–", "–", few, few],
        ["Non-binary", "–", "–", "not shown", "not shown", "–", "–", "not shown", "0"],
        ["Woman", "–", "–", "5", "5", "9.7", "5", "10", "not shown"],
    ]


def test_hidden_with_another() -> None:
    assert [cell.text for cell in hidden_with_another([1, 5, 7, 0])] == ["fewer than 5", "not shown", "7", "0"]
    assert [cell.text for cell in hidden_with_another([1, 2, 7])] == ["fewer than 5", "fewer than 5", "7"]
    assert [cell.text for cell in hidden_with_another([6, 7])] == ["6", "7"]
    assert [cell.text for cell in hidden_with_another([3, 0])] == ["fewer than 5", "0"]


@pytest.mark.django_db
def test_waits_by_group_come_from_the_introductions(borough: None) -> None:
    equality = figures_json("2025-01", "2025-03")["equality"]
    by_age = {group["group"]: group["days_to_first_contact"] for group in equality["age_band"]}
    assert by_age["25-34"] == {"median": 1.0, "p90": 1}  # H1: 2 January to the 3rd
    assert by_age["35-44"] == {"median": 2.0, "p90": 2}
    assert by_age[""] == {"median": 4.0, "p90": 7}  # H3, H4 and the front door's, with no age given
