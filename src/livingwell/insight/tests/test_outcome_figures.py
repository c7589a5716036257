"""Outcomes with known answers: each measure's scores from people's first measurement to their latest, the
bands at first and at latest, DIALOG's domains and the goals under each Big 3 outcome; kept up by the task
worker as people are measured again."""

import csv
import datetime
import io
import uuid
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.insight.tests.conftest import LONDON, figures_json, worker_queue
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.instruments import instruments_load
from livingwell.support.measures import score
from livingwell.support.models import Goal, Instrument, InstrumentItem, LifeCircumstances, Measurement, Plan
from livingwell.support.services import measurement_record


def _at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, month, day, hour, minute, tzinfo=LONDON)


def _measured(person: Person, code: str, when: datetime.datetime, answers: int | list[int]) -> None:
    instrument = Instrument.objects.get(code=code)
    items = list(instrument.items.all())
    values = answers if isinstance(answers, list) else [answers] * len(items)
    given = {str(item.number): value for item, value in zip(items, values, strict=True)}
    Measurement.objects.create(
        person=person, instrument=instrument, occasion="review", taken_at=when, answers=given,
        scores=score(instrument, items, given), submission_token=uuid.uuid4(),
    )  # fmt: skip


def _goal(person: Person, outcome: str, created: datetime.datetime, progress: int) -> None:
    plan, _created = Plan.objects.get_or_create(person=person)
    goal = Goal.objects.create(plan=plan, outcome=outcome, what="A goal of my own", progress=progress)
    Goal.objects.filter(pk=goal.pk).update(created_at=created, achieved_at=created if progress == 10 else None)


@pytest.fixture
def measured(db: None) -> None:
    Instrument.objects.filter(code="swemwbs").update(meaningful_change={"metric": 3})
    a, b, c, d, e, f, g = (PersonFactory() for _ in range(7))
    _measured(a, "swemwbs", _at(1, 10), 2)  # raw 14, metric 15.32
    _measured(a, "swemwbs", _at(3, 5), 4)  # raw 28, metric 25.03: better by 9.71
    _measured(b, "swemwbs", _at(1, 12), 3)  # measured once: not counted
    _measured(c, "swemwbs", _at(2, 1), 3)  # raw 21, metric 19.25, twice in February: no change
    _measured(c, "swemwbs", _at(2, 20), 3)
    _measured(d, "swemwbs", _at(1, 5), 3)
    _measured(d, "swemwbs", _at(2, 5), 2)
    _measured(d, "swemwbs", _at(4, 5), 4)  # latest in April: counted there, from January's first
    _measured(e, "swemwbs", _at(3, 1), 4)
    _measured(e, "swemwbs", _at(3, 31, 23, 30), 2)  # still March in London: worse by 9.71
    _measured(f, "ons4", _at(1, 20), [2, 5, 8, 7])
    _measured(f, "ons4", _at(3, 20), [8, 8, 8, 1])
    _measured(g, "dialog", _at(1, 3), 3)
    _measured(g, "dialog", _at(2, 3), 5)
    _goal(a, "stay_well", _at(1, 15), 10)
    _goal(a, "own_choices", _at(2, 15), 4)
    _goal(c, "own_choices", _at(4, 1), 6)  # set in April
    call_command("insight_refresh", stdout=io.StringIO())


def _score(figures: dict, key: str) -> dict:
    return next(row for row in figures["outcomes"]["scores"] if row["score"] == key)


@pytest.mark.django_db
def test_every_outcome_figure_is_the_known_answer(measured: None) -> None:
    figures = figures_json("2025-01", "2025-03")
    # a (15.32 to 25.03), c (19.25 both times) and e (25.03 to 15.32): means 59.6 / 3 both times.
    assert _score(figures, "swemwbs:metric") | {"label": ""} == {
        "score": "swemwbs:metric", "label": "", "people": 3, "mean_first": 19.87, "mean_latest": 19.87,
        "mean_change": 0.0, "improved": 1, "worsened": 1,
    }  # fmt: skip
    assert _score(figures, "swemwbs:raw")["people"] == 3
    assert (_score(figures, "swemwbs:raw")["mean_change"], _score(figures, "swemwbs:raw")["improved"]) == (0.0, None)
    assert [(row["people"], row["mean_first"], row["mean_latest"]) for row in (
        _score(figures, "ons4:life_satisfaction"), _score(figures, "ons4:anxious"))] == [(1, 2.0, 8.0), (1, 7.0, 1.0)]  # fmt: skip
    # DIALOG: every domain from 3 to 5, and the quality of life mean with them.
    dialog = [row for row in figures["outcomes"]["scores"] if row["score"].startswith("dialog:item:")]
    assert len(dialog) == 11
    assert {(row["people"], row["mean_first"], row["mean_change"]) for row in dialog} == {(1, 3.0, 2.0)}
    assert _score(figures, "dialog:life")["mean_latest"] == 5.0
    bands = {row["score"]: row["bands"] for row in figures["outcomes"]["bands"]}
    assert bands["ons4:life_satisfaction"] == [
        {"band": "Low", "first": 1, "latest": 0}, {"band": "Medium", "first": 0, "latest": 0},
        {"band": "High", "first": 0, "latest": 1}, {"band": "Very high", "first": 0, "latest": 0},
    ]  # fmt: skip
    assert bands["ons4:anxious"][0] == {"band": "Very low", "first": 0, "latest": 1}
    assert figures["outcomes"]["goals"] == [
        {"outcome": "stay_well", "set": 1, "achieved": 1, "mean_progress": 10.0},
        {"outcome": "own_choices", "set": 1, "achieved": 0, "mean_progress": 4.0},
        {"outcome": "taking_part", "set": 0, "achieved": 0, "mean_progress": None},
    ]


@pytest.mark.django_db
def test_a_person_counts_where_their_latest_measurement_falls_from_their_very_first(measured: None) -> None:
    april = figures_json("2025-04", "2025-04")
    assert _score(april, "swemwbs:metric") | {"label": ""} == {
        "score": "swemwbs:metric", "label": "", "people": 1, "mean_first": 19.25, "mean_latest": 25.03,
        "mean_change": 5.78, "improved": 1, "worsened": 0,
    }  # fmt: skip
    assert _score(figures_json("2025-05", "2025-12"), "swemwbs:metric")["people"] == 0


@pytest.mark.django_db
def test_the_outcome_tables_hide_small_counts_and_means_of_few_people(
    measured: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.ANALYST)
    period = {"start": "2025-01", "end": "2025-03"}
    rows = list(csv.reader(io.StringIO(client.get("/figures/outcomes.csv", period).content.decode())))
    few = "fewer than 5 people"
    assert rows[0][1:] == ["People measured twice or more", "Mean at first", "Mean at latest", "Mean change",
                           "Better by at least the threshold", "Share better", "Worse by at least the threshold",
                           "Share worse"]  # fmt: skip
    metric = next(row for row in rows if "Wellbeing score" in row[0])
    assert metric[1:] == ["fewer than 5", few, few, few, "fewer than 5", "–", "fewer than 5", "–"]
    raw = next(row for row in rows if "Score before conversion" in row[0])
    assert raw[5:] == ["–"] * 4  # no threshold set
    bands = list(csv.reader(io.StringIO(client.get("/figures/outcome-bands.csv", period).content.decode())))
    assert ["Life satisfaction: Low", "fewer than 5", "0"] in bands
    goals = list(csv.reader(io.StringIO(client.get("/figures/goals.csv", period).content.decode())))
    assert goals[-1] == ["All outcomes", "fewer than 5", "fewer than 5", few]


@pytest.mark.django_db(transaction=True)
def test_the_worker_counts_a_person_again_as_they_are_measured_again() -> None:
    instruments_load(Instrument, InstrumentItem)  # a committed test starts with the tables emptied
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    person = PersonFactory()
    instrument = Instrument.objects.get(code="swemwbs")
    this_month = timezone.localdate().strftime("%Y-%m")
    for value in (2, 4):
        measurement_record(
            actor=guide, by_person=False, person=person, instrument=instrument, episode=None, occasion="review",
            answers={str(number): value for number in range(1, 8)}, more_help={}, token=uuid.uuid4(),
        )  # fmt: skip
        worker_queue()
    assert _score(figures_json(this_month, this_month), "swemwbs:raw")["mean_change"] == 14.0
    Measurement.objects.filter(person=person).order_by("taken_at").last().delete()  # type: ignore[union-attr]
    worker_queue()
    assert _score(figures_json(this_month, this_month), "swemwbs:raw")["people"] == 0


def _life(person: Person, when: datetime.datetime, **answers: str) -> None:
    LifeCircumstances.objects.create(
        person=person, occasion="review", recorded_at=when, recorded_by=UserFactory(), **answers
    )


@pytest.mark.django_db
def test_life_circumstances_from_first_answers_to_latest_are_the_known_answer(
    signed_in_client: Callable[[Role], Client],
) -> None:
    one, two, three, four = (PersonFactory() for _ in range(4))
    _life(one, _at(1, 5), work="neither", benefits="gets", home="supported", medication="same")
    _life(one, _at(3, 5), work="paid", benefits="none", home="own_tenancy", medication="less")
    _life(two, _at(2, 1), work="paid")  # education left at first: only one answer to it, not counted
    _life(two, _at(2, 20), work="neither", education="in")
    _life(three, _at(1, 7), work="paid")  # recorded once: not counted
    _life(four, _at(1, 9), work="volunteering")
    _life(four, _at(4, 9), work="volunteering")  # latest in April
    call_command("insight_refresh", stdout=io.StringIO())
    life = {row["question"]: row for row in figures_json("2025-01", "2025-03")["outcomes"]["life"]}
    assert life["work"] == {"question": "work", "people": 2, "first": 1, "latest": 1, "into": 1, "out_of": 1}
    assert life["education"]["people"] == 0
    for question in ("benefits", "home", "medication"):
        assert life[question] == {"question": question, "people": 1, "first": 0, "latest": 1, "into": 1, "out_of": 0}
    rows = list(csv.reader(io.StringIO(
        signed_in_client(Role.ANALYST).get("/figures/life.csv", {"start": "2025-01", "end": "2025-03"}).content.decode()
    )))  # fmt: skip
    assert rows[1] == ["In paid work or volunteering"] + ["fewer than 5"] * 5
    assert rows[2] == ["In education or training", "0", "0", "0", "0", "0"]
