"""Results with known answers: the distribution by group, small numbers hidden at 4 and shown at 5, and the
movement between rounds."""

import datetime
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Body
from livingwell.collaborative.tests.factories import BodyFactory
from livingwell.core.tests.pages import without_random_tokens
from livingwell.voice import selectors
from livingwell.voice.models import Answer, EvaluationRound, Invitation, Rung

pytestmark = pytest.mark.django_db


def _round(body: Body, title: str, closes: int, *, published: bool = True) -> EvaluationRound:
    today = timezone.localdate()
    return EvaluationRound.objects.create(
        body=body,
        kind=EvaluationRound.Kind.END_OF_WORKSTREAM,
        title=title,
        opens_on=today - datetime.timedelta(days=closes + 14),
        closes_on=today - datetime.timedelta(days=closes),
        published_at=timezone.now() if published else None,
        created_by=UserFactory(),
        submission_id=uuid.uuid4(),
    )


def _answers(the_round: EvaluationRound, group: str, by_step: dict[int, int], **words: object) -> None:
    ladder = selectors.rungs()
    for step, count in by_step.items():
        for _ in range(count):
            Invitation.objects.create(round=the_round, group=group, name="x", email=f"{uuid.uuid4()}@x.org")
            Answer.objects.create(round=the_round, rung=ladder[step - 1], group=group, why="Because.", **words)


def test_the_distribution_by_group_hides_4_and_shows_5() -> None:
    body = BodyFactory()
    the_round = _round(body, "End of the housing workstream", 1)
    _answers(the_round, "ebe", {6: 5, 7: 4})  # 5 co-designing, 4 co-producing
    _answers(the_round, "organisation", {4: 3, 5: 6})
    results = selectors.round_results(the_round, with_unpublished=False)
    grid = results.distribution
    assert [group.key for group in grid.groups] == ["ebe", "organisation"]
    assert [rung.name for rung in grid.rungs][:3] == ["Co-producing", "Co-designing", "Engaging"]
    texts = {rung.name: [cell.text for cell in cells] + [total.text] for rung, cells, total in grid.lines}
    assert texts["Co-producing"] == ["fewer than 5", "0", "fewer than 5"]
    assert texts["Co-designing"] == ["5", "0", "5"]
    assert texts["Engaging"] == ["0", "6", "6"]
    assert texts["Consulting"] == ["0", "fewer than 5", "fewer than 5"]
    # Each group's total would give its hidden count away: hidden too. Everyone's gives away only the sum
    # of two hidden counts.
    assert [cell.text for cell in grid.grid.column_totals] == ["not shown", "not shown"]
    assert grid.grid.total.text == "18"
    assert results.invited == 18


def test_the_movement_is_the_average_rung_by_group_from_5_answers() -> None:
    body = BodyFactory()
    baseline = _round(body, "Baseline", 200)
    _answers(baseline, "ebe", {3: 5})  # informing
    _answers(baseline, "organisation", {4: 5})  # consulting
    middle = _round(body, "Not published", 100, published=False)
    _answers(middle, "ebe", {1: 9})
    latest = _round(body, "End of workstream", 1)
    _answers(latest, "ebe", {6: 3, 7: 2})  # 6.4
    _answers(latest, "organisation", {5: 4})  # too few on their own
    results = selectors.round_results(latest, with_unpublished=False)
    assert [row.round.title for row in results.movement] == ["Baseline", "End of workstream"]
    first, last = results.movement
    assert first.everyone.text == "3.5"
    assert [average.text for average in first.by_group] == ["3.0", "4.0"]
    assert last.everyone.value == pytest.approx((6 * 3 + 7 * 2 + 5 * 4) / 9)
    assert [average.text for average in last.by_group] == ["6.4", "fewer than 5 answers"]
    assert last.change == pytest.approx(52 / 9 - 3.5)
    assert last.change_text == "up 2.3"
    # Who runs the body sees the round not yet published among them.
    running = selectors.round_results(latest, with_unpublished=True)
    assert [row.round.title for row in running.movement] == ["Baseline", "Not published", "End of workstream"]
    assert running.movement[1].everyone.text == "1.0"
    assert running.movement[2].change_text == "up 4.8"


def test_results_are_public_once_published_and_quote_only_who_agreed(secretary: Client, the_board):
    body, _groups = the_board
    client = Client()  # a visitor (the secretary signed in the shared client)
    the_round = _round(body, "Baseline for the Board", 1, published=False)
    _answers(the_round, "ebe", {7: 5}, may_quote=True)
    Answer.objects.filter(round=the_round).update(why="We shaped the budget together.")
    Answer.objects.create(round=the_round, rung=Rung.objects.first(), group="ebe", why="Kept private.")
    left_out = Answer.objects.create(
        round=the_round, rung=Rung.objects.first(), group="ebe", why="Sam was rude.", may_quote=True
    )
    url = reverse("voice:results", args=[the_round.pk])
    assert client.get(url).status_code == 404  # not published yet: not found, to all but who runs the body
    assert b"Not published" in secretary.get(url).content
    secretary.post(reverse("voice:quote", args=[left_out.pk]), {"left_out": "on"})
    page = secretary.post(reverse("voice:round_publish", args=[the_round.pk]), follow=True)
    assert b"The results are published." in page.content
    public = without_random_tokens(client.get(url).content.decode())
    assert "We shaped the budget together." in public
    assert "Kept private." not in public
    assert "Sam was rude." not in public
    assert "Not published" not in public
    assert the_round.title in client.get(reverse("voice:body_results", args=[body.slug])).content.decode()


def test_results_page_reads_in_a_fixed_number_of_queries(client: Client, django_assert_max_num_queries) -> None:
    body = BodyFactory()
    rounds = [_round(body, f"Round {n}", 300 - n * 20) for n in range(6)]
    for the_round in rounds:
        _answers(the_round, "ebe", {5: 6, 6: 2}, may_quote=True)
        _answers(the_round, "carer", {4: 5})
    with django_assert_max_num_queries(8):
        response = client.get(reverse("voice:results", args=[rounds[-1].pk]))
    assert response.status_code == 200
