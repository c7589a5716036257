"""Equality beyond introductions, with known answers: days to first contact by group, Hub support opened,
wellbeing, goals, onward introductions and life circumstances by the person's group (from the introduction
where they gave it), suppressed so that no hidden group can be worked out from the totals other tables
show."""

import csv
import datetime
import io
import uuid
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.core.suppression import hidden_with_another
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.models import IntroductionEquality
from livingwell.frontdoor.tests.factories import introduction_arrived
from livingwell.insight.tests.conftest import LONDON, figures_json, wellbeing_measured
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import (
    AccommodationMove,
    BudgetAllocation,
    BudgetSpend,
    Episode,
    EpisodeChange,
    Goal,
    Instrument,
    LifeCircumstances,
    OnwardIntroduction,
    OnwardStatusChange,
    Plan,
)

Status = OnwardIntroduction.Status


def _at(month: int, day: int) -> datetime.datetime:
    return datetime.datetime(2025, month, day, 10, tzinfo=LONDON)


@pytest.fixture
def supported(db: None) -> None:
    """Five women and five non-binary people better by 9.71; one man, no change; each given Hub support in
    February, setting goals, introduced onward and telling their guide about their life twice. A later
    introduction of one woman left her gender out: she is still counted as a woman."""
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
            _onward_and_life(episode, gender, _number)
    call_command("insight_refresh", stdout=io.StringIO())


# Each woman's onward introduction started, each non-binary person's was declined (two of them after being
# accepted), the man's got no response.
ONWARD_STEPS = {
    "Woman": [Status.ACCEPTED, Status.STARTED],
    "Non-binary": [Status.DECLINED],
    "Man": [Status.NO_RESPONSE],
}


def _onward_and_life(episode: Episode, gender: str, number: int) -> None:
    """An onward introduction in February with its steps; life circumstances in January and March: every
    woman moves into paid work, the first two non-binary people come off benefits, the man stays in work."""
    guide = episode.guide
    steps = [Status.ACCEPTED, *ONWARD_STEPS[gender]] if gender == "Non-binary" and number < 2 else ONWARD_STEPS[gender]
    onward = OnwardIntroduction.objects.create(
        person=episode.person, episode=episode, service=ServiceFactory(), status=steps[-1], sent_at=_at(2, 5),
        sent_by=guide, respond_by=datetime.date(2025, 2, 19), status_changed_at=_at(2, 15),
    )  # fmt: skip
    for day, status in enumerate(steps, start=6):
        OnwardStatusChange.objects.create(onward=onward, status=status, changed_at=_at(2, day), changed_by=guide)
    first, latest = {
        "Woman": ({"work": "neither"}, {"work": "paid"}),
        "Non-binary": ({"benefits": "gets"}, {"benefits": "none" if number < 2 else "gets"}),
        "Man": ({"work": "paid"}, {"work": "paid"}),
    }[gender]
    for when, answers in ((_at(1, 12), first), (_at(3, 12), latest)):
        LifeCircumstances.objects.create(
            person=episode.person, occasion="review", recorded_at=when, recorded_by=guide, **answers
        )
    _home_and_budget(episode, gender)


def _home_and_budget(episode: Episode, gender: str) -> None:
    """In February each woman moves from residential care into her own home, the man into residential care
    (his first known place), and each non-binary person spends from a personal budget."""
    person, guide, day = episode.person, episode.guide, datetime.date
    moves = {"Woman": [("residential", day(2024, 6, 1)), ("own_tenancy", day(2025, 2, 14))],
             "Man": [("residential", day(2025, 2, 14))]}.get(gender, [])  # fmt: skip
    for kind, moved_on in moves:
        AccommodationMove.objects.create(person=person, kind=kind, moved_on=moved_on, recorded_by=guide)
    if gender == "Non-binary":
        allocation = BudgetAllocation.objects.create(
            person=person, source="health", starts_on=day(2025, 1, 1), ends_on=day(2025, 12, 31), amount=500,
            created_by=guide,
        )  # fmt: skip
        BudgetSpend.objects.create(
            allocation=allocation, spent_on=day(2025, 2, 2), what="-", amount=40, recorded_by=guide,
            submission_token=uuid.uuid4(),
        )  # fmt: skip


@pytest.mark.django_db
def test_support_and_wellbeing_by_group_are_the_known_answers(supported: None) -> None:
    equality = figures_json("2025-01", "2025-03")["equality"]
    by_gender = {group["group"]: group for group in equality["gender"]}
    assert by_gender["Woman"] == {
        "group": "Woman", "days_to_first_contact": {"median": None, "p90": None}, "episodes_opened": 5,
        "wellbeing_measured": 5, "wellbeing_mean_change": 9.7, "wellbeing_better": 5, "goals_set": 10,
        "goals_achieved": 5, "onward_sent": 5, "onward_started": 5, "onward_declined_or_no_response": 0,
        "life_answered_twice": 5,
        "life_moved_to_hoped": {"work": 5, "education": 0, "benefits": 0, "home": 0, "medication": 0},
        "pathway": {"into_own_home": 5, "from_residential": 5, "residential_entries": 0, "discharges": 5,
                    "people_spending": 0},
    }  # fmt: skip
    nonbinary, man = by_gender["Non-binary"], by_gender["Man"]
    assert (nonbinary["onward_started"], nonbinary["onward_declined_or_no_response"]) == (0, 5)
    assert nonbinary["life_moved_to_hoped"]["benefits"] == 2  # the other three still get them
    assert (man["onward_declined_or_no_response"], man["life_answered_twice"]) == (1, 1)
    assert sum(man["life_moved_to_hoped"].values()) == 0  # in work at first and at latest: no move
    assert (man["pathway"]["residential_entries"], nonbinary["pathway"]["people_spending"]) == (1, 5)
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


@pytest.mark.django_db
def test_onward_and_life_by_group_hide_a_lone_small_group_with_the_next(
    supported: None, signed_in_client: Callable[[Role], Client]
) -> None:
    response = signed_in_client(Role.ANALYST).get(
        "/figures/onward-and-life-by-gender.csv", {"start": "2025-01", "end": "2025-03"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    few, hidden = "fewer than 5", "not shown"
    assert rows[0] == [
        "Gender", "Onward introductions sent", "Started", "Declined or no response",
        "People who answered a question about their life twice", "Moved into paid work or volunteering",
        "Moved into education or training", "Moved off benefits", "Moved into their own tenancy",
        "Moved to less medication, or none",
    ]  # fmt: skip
    # Sent: the man's 1 hides a 5 with it (11 sent in the onward table). Declined or no response: the man's 1
    # hides the non-binary 5, the women's 0 says nothing. Off benefits: the non-binary 2 is alone, so it is
    # shown as fewer than 5 and no other count above nought is there to hide.
    assert rows[1:] == [
        ["Man", few, "0", few, few, "0", "0", "0", "0", "0"],
        ["Non-binary", hidden, "0", hidden, hidden, "0", "0", few, "0", "0"],
        ["Woman", "5", "5", "0", "5", "5", "0", "0", "0", "0"],
    ]


@pytest.mark.django_db
def test_homes_and_budgets_by_group_are_suppressed(supported: None, signed_in_client: Callable[[Role], Client]) -> None:
    response = signed_in_client(Role.ANALYST).get(
        "/figures/homes-by-gender.csv", {"start": "2025-01", "end": "2025-03"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["Gender", "Moved into their own home", "… of them from residential care", "New residential entries",
         "Discharges from hospital or residential care", "People with budget spending"],
        ["Man", "0", "0", "fewer than 5", "0", "0"],
        ["Non-binary", "0", "0", "0", "0", "5"],
        ["Woman", "5", "5", "0", "5", "0"],
    ]  # fmt: skip


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
