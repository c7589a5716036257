"""Scoring SWEMWBS, ONS4 and DIALOG from their data, against known answers."""

import datetime

import pytest
from django.utils import timezone

from livingwell.people.tests.factories import PersonFactory
from livingwell.support.measures import Incomplete, band, changes, score
from livingwell.support.models import Instrument, Measurement


def _instrument(code: str) -> Instrument:
    return Instrument.objects.prefetch_related("items").get(code=code)


def _answers(*values: int) -> dict[str, int]:
    return {str(number): value for number, value in enumerate(values, start=1)}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "raw", "metric"),
    [
        ((1, 1, 1, 1, 1, 1, 1), 7, 7.00),
        ((3, 3, 3, 3, 3, 3, 3), 21, 19.25),
        ((4, 4, 4, 4, 4, 4, 3), 27, 24.11),
        ((5, 5, 5, 5, 5, 5, 5), 35, 35.00),
        ((2, 2, 2, 2, 2, 2, 2), 14, 15.32),
    ],
)
def test_swemwbs_converts_the_raw_sum_through_the_published_table(
    values: tuple[int, ...], raw: int, metric: float
) -> None:
    swemwbs = _instrument("swemwbs")
    assert score(swemwbs, list(swemwbs.items.all()), _answers(*values)) == {"raw": raw, "metric": metric}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers",
    [
        _answers(3, 3, 3, 3, 3, 3),  # one missing: never prorated
        _answers(3, 3, 3, 3, 3, 3, 6),  # out of range
        _answers(3, 3, 3, 3, 3, 3, 0),
        {},
    ],
)
def test_swemwbs_needs_every_item_in_range(answers: dict[str, int]) -> None:
    swemwbs = _instrument("swemwbs")
    with pytest.raises(Incomplete):
        score(swemwbs, list(swemwbs.items.all()), answers)


@pytest.mark.django_db
def test_ons4_keeps_four_separate_scores_with_their_own_bands() -> None:
    ons4 = _instrument("ons4")
    scores = score(ons4, list(ons4.items.all()), _answers(4, 7, 9, 6))
    assert scores == {"life_satisfaction": 4, "worthwhile": 7, "happy": 9, "anxious": 6}
    assert [band(ons4, key, value) for key, value in scores.items()] == ["Low", "High", "Very high", "High"]
    assert band(ons4, "anxious", 1) == "Very low"
    assert band(ons4, "anxious", 5) == "Medium"
    assert band(ons4, "happy", 6) == "Medium"


@pytest.mark.django_db
def test_dialog_averages_the_life_domains_and_the_treatment_aspects() -> None:
    dialog = _instrument("dialog")
    scores = score(dialog, list(dialog.items.all()), _answers(4, 5, 3, 6, 2, 7, 5, 4, 6, 5, 3))
    assert scores == {"life": 4.5, "treatment": 4.67}


def _measured(instrument: Instrument, scores: dict[str, float], days_ago: int) -> Measurement:
    return Measurement(
        instrument=instrument,
        person=PersonFactory.build(),
        occasion="start",
        taken_at=timezone.now() - datetime.timedelta(days=days_ago),
        answers={},
        scores=scores,
    )


@pytest.mark.django_db
def test_change_is_judged_only_against_a_threshold_the_deployment_set() -> None:
    swemwbs = _instrument("swemwbs")
    first, latest = (
        _measured(swemwbs, {"raw": 21, "metric": 19.25}, 60),
        _measured(swemwbs, {"raw": 27, "metric": 24.11}, 1),
    )
    metric = next(change for change in changes(swemwbs, first, latest) if change.key == "metric")
    assert (metric.change, metric.better, metric.meaningful) == (4.86, True, None)  # no threshold guessed
    swemwbs.meaningful_change = {"metric": 3}
    metric = next(change for change in changes(swemwbs, first, latest) if change.key == "metric")
    assert metric.meaningful is True


@pytest.mark.django_db
def test_less_anxiety_is_better() -> None:
    ons4 = _instrument("ons4")
    ons4.meaningful_change = {"anxious": 2}
    first = _measured(ons4, {"life_satisfaction": 4, "worthwhile": 5, "happy": 4, "anxious": 8}, 30)
    latest = _measured(ons4, {"life_satisfaction": 5, "worthwhile": 5, "happy": 6, "anxious": 3}, 1)
    anxious = next(change for change in changes(ons4, first, latest) if change.key == "anxious")
    assert (anxious.change, anxious.better, anxious.meaningful) == (-5, True, True)
    assert (anxious.first_band, anxious.latest_band) == ("High", "Low")
    worthwhile = next(change for change in changes(ons4, first, latest) if change.key == "worthwhile")
    assert (worthwhile.better, worthwhile.meaningful) == (None, None)
