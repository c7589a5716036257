"""One address cannot bury real urgent cases: public forms are limited per source, an urgent introduction is
never refused but grouped for the duty worker, and the limit counts the client behind our own proxies."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import JoinRequest
from livingwell.collaborative.tests.factories import board
from livingwell.conftest import sign_in, worker_run
from livingwell.directory.models import ListingReport
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.test_journey import ANSWERS, CHECK, _answer_all, _send

pytestmark = pytest.mark.django_db
URGENT = {**ANSWERS, "whats-going-on": {"in_their_words": "i cant go on, i want to end it all"}}


def _introduce(client: Client, answers: dict[str, dict[str, object]] = ANSWERS) -> object:
    client.get(reverse("frontdoor:step", kwargs={"slug": "who"}))
    _answer_all(client, answers)
    return _send(client)


def test_past_the_limit_a_person_is_told_to_call_and_nothing_is_saved(settings) -> None:
    settings.LW_RATE_INTRODUCTIONS = "3/h"
    for _ in range(3):
        assert _introduce(Client()).status_code == 302
    visitor = Client()
    refused = _introduce(visitor)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert settings.LW_CONTACT_PHONE in html
    assert "116 123" in html
    assert "Nothing was saved" in html
    assert "Your answers are still here" in html
    assert Introduction.objects.count() == 3
    assert visitor.get(CHECK).status_code == 200  # the answers are kept to send later


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_urgent_introductions_are_never_refused_but_grouped_for_the_duty_worker(
    settings, django_capture_on_commit_callbacks, mailoutbox
) -> None:
    settings.LW_RATE_INTRODUCTIONS = "2/h"
    settings.LW_DUTY_EMAIL = "duty@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            assert _introduce(Client(), URGENT).status_code == 302
    assert Introduction.objects.filter(is_urgent=True).count() == 5
    worker_run()
    assert len([message for message in mailoutbox if message.to == ["duty@example.org"]]) == 1
    duty = Client()
    sign_in(duty, UserFactory(username="dee", role=Role.DUTY_WORKER))
    assert "5 from the same device" in duty.get(reverse("frontdoor:queue")).content.decode()


def test_another_address_has_its_own_limit(settings) -> None:
    settings.LW_RATE_INTRODUCTIONS = "1/h"
    assert _introduce(Client(REMOTE_ADDR="192.0.2.1")).status_code == 302
    assert _introduce(Client(REMOTE_ADDR="192.0.2.1")).status_code == 429
    assert _introduce(Client(REMOTE_ADDR="192.0.2.2")).status_code == 302


@pytest.mark.parametrize(
    ("forwarded_by", "expected"),
    [("10.0.0.5", 302), ("203.0.113.9", 429)],  # a trusted proxy's header counts; anyone else's is ignored
)
def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(settings, forwarded_by: str, expected: int) -> None:
    settings.LW_RATE_INTRODUCTIONS = "1/h"
    settings.LW_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert _introduce(Client(REMOTE_ADDR=forwarded_by, HTTP_X_FORWARDED_FOR="198.51.100.1")).status_code == 302
    second = Client(REMOTE_ADDR=forwarded_by, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert _introduce(second).status_code == expected


def test_other_public_forms_are_limited_and_save_nothing_past_it(settings, client: Client) -> None:
    settings.LW_RATE_PUBLIC_FORMS = "2/h"
    body, groups = board()
    service = ServiceFactory()

    def join() -> int:
        data = {"constituency": groups["ebe"].pk, "name": "Kim", "email": "kim@example.org", "agree": "on"}
        data["submission_id"] = str(uuid.uuid4())
        return client.post(reverse("collaborative:join", args=[body.slug]), data).status_code

    def report() -> int:
        data = {"message": "The phone number is wrong", "submission_id": str(uuid.uuid4())}
        return client.post(reverse("directory:report", args=[service.pk]), data).status_code

    assert [join(), join(), join()] == [302, 302, 429]
    assert JoinRequest.objects.count() == 2
    assert [report(), report(), report()] == [302, 302, 429]
    assert ListingReport.objects.count() == 2
