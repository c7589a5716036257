"""The task queue holds ids only (issue 13, 3.1): no address, name, words or live link is queued or kept in a
task's result; each message is built, and each link's token made, when the worker sends it."""

import json
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from livingwell.accounts.models import Role
from livingwell.accounts.services import password_reset_send
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import worker_run
from livingwell.core.models import TextMessage
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.record_links import record_link_send
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.frontdoor.tests.test_journey import ANSWERS, _answer_all, _send, _step
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.invite import person_account_invite

pytestmark = pytest.mark.django_db(transaction=True)  # the worker runs on its own connection


def _queue() -> str:
    """Everything the task table holds: arguments, return values and errors."""
    rows = DBTaskResult.objects.values("args_kwargs", "return_value", "traceback")
    return json.dumps(list(rows), default=str)


def _holds_none_of(*personal: str) -> None:
    queue = _queue()
    for words in (*personal, "@", "http", "/account/welcome/", "link="):
        assert words not in queue, words


def test_the_front_door_queues_ids_and_the_worker_builds_each_message(client: Client) -> None:
    client.get(_step("who"))
    words = {"in_their_words": "I cant go on, I want to end my life"}
    contact = {**ANSWERS["contact"], "contact_methods": ["text", "email"]}
    _answer_all(client, {**ANSWERS, "contact": contact, "whats-going-on": words})
    _send(client)
    messages = DBTaskResult.objects.filter(task_path="livingwell.core.outbox.message_send")
    # The confirmation email and text, and the duty email, for the alerts worker and as its stand-in.
    assert messages.count() == 4
    _holds_none_of("Sam", "sam@example.org", "07700", "end my life")
    worker_run()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([settings.LW_DUTY_EMAIL, "sam@example.org"])
    assert TextMessage.objects.get().to == "07700 900982"
    _holds_none_of("Sam", "sam@example.org", "07700", "end my life")


def test_an_invitation_link_is_made_as_it_is_sent_and_never_queued() -> None:
    person = PersonFactory(preferred_name="Robin", email="robin@example.org")
    person_account_invite(actor=UserFactory(role=Role.PERSONAL_GUIDE), person=person)
    _holds_none_of("Robin", "robin@example.org")
    worker_run()
    (invitation,) = mail.outbox
    assert re.search(r"http://\S+/account/welcome/\S+", invitation.body)
    _holds_none_of("Robin", "robin@example.org")


def test_an_invitation_already_taken_up_sends_nothing() -> None:
    person = PersonFactory(preferred_name="Robin", email="robin@example.org")
    user = person_account_invite(actor=UserFactory(role=Role.PERSONAL_GUIDE), person=person)
    user.set_password("a long enough password 1")
    user.save()
    worker_run()
    assert mail.outbox == []  # they chose a password before the worker ran: no live link goes out


def test_a_password_reset_link_is_made_as_it_is_sent() -> None:
    UserFactory(username="kit", email="kit@example.org")
    assert password_reset_send(email="kit@example.org") == 1
    _holds_none_of("kit@example.org", "kit")
    worker_run()
    assert "/account/new-password/" in mail.outbox[0].body
    _holds_none_of("kit@example.org")


def test_a_record_link_is_signed_as_it_is_sent() -> None:
    introduction = IntroductionFactory(preferred_name="Sam", email="sam@example.org", phone="")
    record_link_send(reference=introduction.reference, contact="sam@example.org")
    _holds_none_of("sam@example.org", introduction.reference)
    worker_run()
    assert "link=" in mail.outbox[0].body
    _holds_none_of("sam@example.org")


def test_my_list_address_is_sealed_outside_the_queue(client: Client) -> None:
    service = ServiceFactory(name="Listening Space")
    client.post(reverse("directory:my_list_add"), {"service_id": str(service.pk)})
    form = client.get(reverse("directory:my_list_email")).context["form"]
    client.post(
        reverse("directory:my_list_email"),
        {"email": "me@example.org", "submission_id": str(form["submission_id"].value())},
    )
    _holds_none_of("me@example.org", str(service.pk), "Listening Space")
    worker_run()
    (message,) = mail.outbox
    assert message.to == ["me@example.org"]
    assert "Listening Space" in message.body
