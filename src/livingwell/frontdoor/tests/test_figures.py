"""The Hub manager's figures on test data with known answers."""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.core.models import Neighbourhood
from livingwell.frontdoor.figures import waiting_figures
from livingwell.frontdoor.models import ContactAttempt, FirstConversation, Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory, introduction_arrived

NOW = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def _introduction(
    arrived: datetime.datetime, worker: User, *, attempt: float | None, talk: float | None, **fields: object
) -> Introduction:
    introduction = introduction_arrived(arrived, **fields)
    if attempt is not None:
        ContactAttempt.objects.create(
            introduction=introduction, outcome="no_answer", attempted_at=arrived + attempt * HOUR, recorded_by=worker
        )
        # A later attempt must not count as the first.
        ContactAttempt.objects.create(
            introduction=introduction, outcome="spoke", attempted_at=arrived + (attempt + 50) * HOUR, recorded_by=worker
        )
    if talk is not None:
        FirstConversation.objects.create(
            introduction=introduction,
            held_at=arrived + talk * HOUR,
            held_by=worker,
            what_matters="x",
            strengths="y",
            next_step="z",
        )
    return introduction


@pytest.mark.django_db
def test_medians_and_90th_percentiles_overall_and_by_neighbourhood(user_with_role: Callable[[Role], User]) -> None:
    worker = user_with_role(Role.DUTY_WORKER)
    north, south = (
        Neighbourhood.objects.create(name="North", slug="north"),
        Neighbourhood.objects.create(name="South", slug="south"),
    )
    arrived = NOW - datetime.timedelta(days=7)
    # First attempts after 1 to 10 hours: 1-5 in the North, 6-10 in the South.
    for hours in range(1, 11):
        _introduction(
            arrived,
            worker,
            attempt=hours,
            talk=hours * 10 if hours <= 4 else None,
            neighbourhood=north if hours <= 5 else south,
        )
    _introduction(arrived, worker, attempt=None, talk=None)  # no neighbourhood, nobody has tried yet
    _introduction(NOW - datetime.timedelta(weeks=5), worker, attempt=1000, talk=None)  # too old to count

    figures = waiting_figures(NOW)
    overall = figures.overall
    assert overall.introductions == 11
    assert overall.first_contact.median == 5.5 * HOUR
    assert overall.first_contact.p90 == 9 * HOUR  # nearest rank: the 9th of 10
    assert overall.first_contact.still_waiting == 1
    assert overall.first_conversation.median == 25 * HOUR  # of 10, 20, 30, 40 hours
    assert overall.first_conversation.p90 == 40 * HOUR
    assert overall.first_conversation.still_waiting == 7
    areas = {area.name: area for area in figures.areas}
    assert list(areas) == ["North", "South", "Not given"]
    assert areas["North"].first_contact.median == 3 * HOUR
    assert areas["North"].first_contact.p90 == 5 * HOUR
    assert areas["South"].first_contact.median == 8 * HOUR
    assert areas["Not given"].first_contact.median is None


@pytest.mark.django_db
def test_the_split_of_routes(user_with_role: Callable[[Role], User]) -> None:
    worker = user_with_role(Role.DUTY_WORKER)
    routes = ["secondary_care", "information", "community", "community", "closed", "hub", "hub", "hub"]
    for route in routes:
        _introduction(NOW - datetime.timedelta(days=1), worker, attempt=None, talk=None, route=route, status="routed")
    _introduction(NOW - datetime.timedelta(days=1), worker, attempt=None, talk=None)  # not routed yet
    figures = waiting_figures(NOW)
    assert figures.routed == 8
    assert [(share.count, share.percent) for share in figures.routes] == [(1, 12), (3, 38), (3, 38), (1, 12)]


@pytest.mark.django_db
def test_the_hub_manager_reads_the_figures(signed_in_client: Callable[[Role], Client]) -> None:
    IntroductionFactory()
    response = signed_in_client(Role.HUB_MANAGER).get(reverse("frontdoor:waiting"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "How long people waited" in html
    assert "Secondary care" in html


@pytest.mark.django_db
def test_an_introduction_can_say_its_neighbourhood(client: Client) -> None:
    north = Neighbourhood.objects.create(name="North", slug="north")
    from livingwell.frontdoor.tests.test_journey import ANSWERS, _answer_all, _send

    client.get(reverse("frontdoor:step", kwargs={"slug": "who"}))
    _answer_all(client, {**ANSWERS, "gp": {"gp_practice": "", "neighbourhood": str(north.pk)}})
    _send(client)
    assert Introduction.objects.get().neighbourhood == north
