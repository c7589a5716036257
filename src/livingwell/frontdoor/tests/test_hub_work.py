"""The Hub's work on an introduction through HTTP: contact attempts, the first conversation, routing."""

import datetime
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.audit.models import AuditEvent
from livingwell.conftest import worker_run
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.models import ContactAttempt, FirstConversation, Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory, introduction_days_old
from livingwell.frontdoor.waiting import first_contact_wait, first_conversation_wait, wait_in_words


def _url(name: str, introduction: Introduction) -> str:
    # Routing belongs to support, above the front door (decision 0019).
    view = "support:introduction_route" if name == "route" else f"frontdoor:{name}"
    return reverse(view, kwargs={"introduction_id": introduction.pk})


def _when(delta: datetime.timedelta) -> dict[str, str]:
    moment = timezone.localtime(timezone.now() - delta)
    return {"on": moment.strftime("%d/%m/%Y"), "at": moment.strftime("%H:%M")}


@pytest.fixture
def duty(signed_in_client: Callable[[Role], Client]) -> Client:
    return signed_in_client(Role.DUTY_WORKER)


@pytest.mark.django_db
def test_contact_attempts_are_recorded_with_their_times_and_start_the_clock(duty: Client) -> None:
    introduction = introduction_days_old(2)
    response = duty.post(
        _url("contact_attempt", introduction), {"outcome": "no_answer", **_when(datetime.timedelta(days=1))}
    )
    assert response.status_code == 302
    duty.post(_url("contact_attempt", introduction), {"outcome": "spoke", **_when(datetime.timedelta(hours=1))})
    attempts = list(introduction.contact_attempts.values_list("outcome", flat=True))
    assert attempts == ["no_answer", "spoke"]
    wait = first_contact_wait(introduction)
    assert wait is not None
    assert datetime.timedelta(hours=23) < wait < datetime.timedelta(hours=25)
    html = duty.get(_url("introduction", introduction)).content.decode()
    assert "1 day after the introduction" in html or "23 hours after the introduction" in html
    assert AuditEvent.objects.filter(record_id=str(introduction.pk), action=AuditEvent.Action.CHANGE).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"on": "", "at": ""}, "Select what happened"),
        ({"outcome": "spoke", "on": "31/02/2026", "at": "10:00"}, "Enter a real date"),
        ({"outcome": "spoke", "on": "01/01/2026", "at": "25:00"}, "Enter a real time"),
        ({"outcome": "spoke", "on": "01/01/2099", "at": "10:00"}, "must not be in the future"),
        ({"outcome": "spoke", "on": "01/01/2020", "at": "10:00"}, "after the introduction arrived"),
        ({"outcome": "smoke signals", "on": "01/01/2026", "at": "10:00"}, "Select a valid choice"),
        ({"outcome": "left_message", "on": "", "at": ""}, "They asked us not to leave a message"),
    ],
)
def test_bad_contact_attempts_are_refused_with_a_clear_message(duty: Client, data: dict, message: str) -> None:
    introduction = introduction_days_old(1, may_leave_message=False)
    response = duty.post(_url("contact_attempt", introduction), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ContactAttempt.objects.exists()


@pytest.mark.django_db
def test_the_first_conversation_records_what_matters_strengths_and_the_next_step(duty: Client) -> None:
    introduction = introduction_days_old(3, what_matters="My dog", good_at="Fixing bikes")
    form = duty.get(_url("conversation", introduction)).content.decode()
    assert "My dog" in form  # starts from their own words
    assert timezone.localtime().strftime("%d/%m/%Y") in form  # and today, unless changed
    data = {
        **_when(datetime.timedelta(hours=2)),
        "what_matters": "Their dog, Biscuit; getting back to work",
        "strengths": "Fixes bikes; close to their brother",
        "next_step": "Try the Tuesday bike workshop",
    }
    assert duty.post(_url("conversation", introduction), data).status_code == 302
    conversation = FirstConversation.objects.get()
    assert conversation.next_step == "Try the Tuesday bike workshop"
    assert wait_in_words(first_conversation_wait(introduction)).startswith("2 days")
    duty.post(_url("conversation", introduction), {**data, "next_step": "Workshop, then a call on Friday"})
    assert FirstConversation.objects.get().next_step == "Workshop, then a call on Friday"


@pytest.mark.django_db(transaction=True)
def test_routing_to_information_sends_the_person_the_list(signed_in_client: Callable[[Role], Client]) -> None:
    duty = signed_in_client(Role.DUTY_WORKER)
    introduction = IntroductionFactory(email="sam@example.org")
    walking = ServiceFactory(name="Walking group", description="Gentle walks")
    ServiceFactory(name="Debt advice", description="Money help")
    page = duty.get(_url("route", introduction), {"q": "walk"})
    assert "Walking group" in page.content.decode()
    assert "Debt advice" not in page.content.decode()
    response = duty.post(
        _url("route", introduction) + "?q=walk", {"route": "information", "services": [str(walking.pk)]}
    )
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert (introduction.route, introduction.status) == ("information", "routed")
    assert list(introduction.services.all()) == [walking]
    assert introduction not in duty.get(reverse("frontdoor:queue")).context["page"].object_list
    worker_run()
    (message,) = [message for message in mail.outbox if message.to == ["sam@example.org"]]
    assert "Walking group" in message.body
    assert "116 123" in message.body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "reason"),
    [("secondary_care", "Needs the early intervention team"), ("closed", "They found support elsewhere")],
)
def test_secondary_care_and_closing_need_a_reason(duty: Client, route: str, reason: str) -> None:
    introduction = IntroductionFactory()
    refused = duty.post(_url("route", introduction), {"route": route, "reason": "  "})
    assert "Enter why" in refused.content.decode()
    assert duty.post(_url("route", introduction), {"route": route, "reason": reason}).status_code == 302
    introduction.refresh_from_db()
    assert (introduction.route, introduction.route_reason) == (route, reason)


@pytest.mark.django_db
def test_community_support_is_an_introduction_to_one_service(duty: Client) -> None:
    introduction = IntroductionFactory()
    first, second = ServiceFactory(name="Choir one"), ServiceFactory(name="Choir two")
    two = duty.post(
        _url("route", introduction) + "?q=choir", {"route": "community", "services": [str(first.pk), str(second.pk)]}
    )
    assert "Select the one service to introduce them to" in two.content.decode()
    forged = duty.post(_url("route", introduction), {"route": "community", "services": ["not-an-id"]})
    assert forged.status_code == 200
    assert duty.post(_url("route", introduction) + "?q=choir", {"route": "community", "services": [str(first.pk)]})[
        "Location"
    ] == _url("introduction", introduction)
    introduction.refresh_from_db()
    assert list(introduction.services.all()) == [first]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["contact_attempt", "conversation"])
def test_an_interpreter_they_need_is_shown_before_anyone_contacts_them(duty: Client, page: str) -> None:
    needing = IntroductionFactory(language="Polski", needs_interpreter=True)
    shown = duty.get(_url(page, needing)).content.decode()
    assert "Needs an interpreter for Polski: book one before you contact them." in shown
    not_needing = IntroductionFactory(language="English", needs_interpreter=False)
    assert "Needs an interpreter" not in duty.get(_url(page, not_needing)).content.decode()
