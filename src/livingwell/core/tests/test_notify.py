"""Email, texts and letters through GOV.UK Notify (core/notify.py), with the official client talking over
HTTP to a local stand-in for Notify's API (notify_standin.py), and Notify's delivery receipts coming back:
delivered, a permanent failure shown on the duty queue, a temporary failure sent again."""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.config.settings import NOTIFY_MAILERS
from livingwell.conftest import sign_in, worker_run
from livingwell.core.models import Delivery
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.tasks import SEND_ATTEMPTS
from livingwell.core.tests.notify_standin import NotifyStandIn

pytestmark = pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
TOKEN = "a-long-random-callback-token-0123456789"


@pytest.fixture
def notify(settings) -> Iterator[NotifyStandIn]:
    standin = NotifyStandIn()
    settings.LW_NOTIFY_API_KEY = standin.api_key
    settings.LW_NOTIFY_BASE_URL = standin.base_url
    settings.LW_NOTIFY_EMAIL_TEMPLATE_ID = standin.template_id("email")
    settings.LW_NOTIFY_SMS_TEMPLATE_ID = standin.template_id("sms")
    settings.LW_NOTIFY_LETTER_TEMPLATE_ID = standin.template_id("letter")
    settings.LW_NOTIFY_CALLBACK_TOKEN = TOKEN
    settings.MAILERS = NOTIFY_MAILERS
    settings.LW_SMS_BACKEND = "livingwell.core.notify.NotifySmsBackend"
    yield standin
    standin.stop()


# Who each test sends to: a queued message carries ids only, so the builder looks the address up.
RECIPIENTS = {
    1: "duty@example.org", 2: "07700900123", 3: "Jo Bloggs\n1 High Street\nKingsmere\nKM1 2AB",
    4: "perm-fail@simulator.notify", 5: "temp-fail@simulator.notify",
}  # fmt: skip


@message_builder
def alert(recipient: int, channel: str) -> Message:
    return Message(
        to=RECIPIENTS[recipient], subject="Urgent introduction LW-ABC234", template_name="frontdoor/email/duty_urgent.txt",
        context={"reference": "LW-ABC234", "service_name": "Living Well"}, channel=channel,  # type: ignore[arg-type]
    )  # fmt: skip


def _send(to: str, channel: str = "email", key: str = "alert:1") -> None:
    recipient = next(number for number, address in RECIPIENTS.items() if address == to)
    message_enqueue(
        alert, recipient=recipient, channel=channel, key=key, urgent=True, label="Duty email: urgent LW-ABC234"
    )


def _receipts(notify: NotifyStandIn, token: str = TOKEN) -> list[int]:
    return [
        Client().post(reverse("core:notify_receipt"), receipt, content_type="application/json",
                      headers={"Authorization": f"Bearer {token}"}).status_code
        for receipt in notify.receipts()
    ]  # fmt: skip


def test_an_email_goes_through_notify_with_our_words_and_its_receipt_comes_back(notify: NotifyStandIn) -> None:
    _send("duty@example.org")
    worker_run()
    (sent,) = notify.sent
    delivery = Delivery.objects.get()
    assert (sent["type"], sent["to"], sent["reference"]) == ("email", "duty@example.org", delivery.key)
    assert sent["content"]["subject"] == "Urgent introduction LW-ABC234"
    assert "LW-ABC234" in sent["content"]["body"]
    assert "116 123" in sent["content"]["body"]  # the crisis routes, as in every email
    assert "duty@example.org" not in delivery.key
    assert _receipts(notify) == [204]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.receipt) == ("sent", "delivered")
    assert _receipts(notify) == [204]  # told twice: nothing changes
    assert Delivery.objects.get().receipt_at == delivery.receipt_at


def test_a_text_goes_through_notify(notify: NotifyStandIn) -> None:
    _send("07700900123", channel="text")
    worker_run()
    (sent,) = notify.sent
    assert (sent["type"], sent["to"]) == ("sms", "07700900123")
    assert "LW-ABC234" in sent["content"]["body"]


def test_a_letter_goes_through_notify_with_its_address(notify: NotifyStandIn) -> None:
    _send("Jo Bloggs\n1 High Street\nKingsmere\nKM1 2AB", channel="letter")
    worker_run()
    (sent,) = notify.sent
    assert sent["type"] == "letter"
    assert [sent["personalisation"][f"address_line_{n}"] for n in range(1, 5)] == [
        "Jo Bloggs", "1 High Street", "Kingsmere", "KM1 2AB",
    ]  # fmt: skip
    assert Delivery.objects.get().status == "sent"


def test_a_letter_without_notify_is_not_lost_but_shown(settings) -> None:
    settings.LW_NOTIFY_API_KEY = ""
    _send("Jo Bloggs\n1 High Street\nKingsmere\nKM1 2AB", channel="letter")
    worker_run()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_error) == ("retrying", "LettersNeedNotify")


def test_a_permanent_failure_shows_on_the_duty_queue(notify: NotifyStandIn) -> None:
    _send("perm-fail@simulator.notify")
    worker_run()
    assert _receipts(notify) == [204]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.receipt) == ("gave_up", "permanent-failure")
    client = Client()
    sign_in(client, UserFactory(role=Role.DUTY_WORKER))
    queue = client.get(reverse("frontdoor:queue")).content.decode()
    assert "Duty email: urgent LW-ABC234: could not be sent" in queue
    assert "the address or number is wrong" in queue


def test_a_temporary_failure_is_sent_again_until_the_tries_run_out(notify: NotifyStandIn) -> None:
    _send("temp-fail@simulator.notify")
    worker_run()
    for attempt in range(1, SEND_ATTEMPTS):
        assert _receipts(notify)[-1] == 204
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.receipt) == ("retrying", "temporary-failure"), attempt
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        worker_run()
        assert len(notify.sent) == attempt + 1
    _receipts(notify)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("gave_up", SEND_ATTEMPTS)


def test_a_wrong_api_key_is_a_failed_send_tried_again(notify: NotifyStandIn, settings) -> None:
    settings.LW_NOTIFY_API_KEY = notify.api_key[:-36] + "00000000-0000-0000-0000-000000000000"
    _send("duty@example.org")
    worker_run()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.last_error) == ("retrying", "HTTPError")
    assert notify.sent == []


@pytest.mark.parametrize(
    ("authorization", "body", "status"),
    [
        ("", {"reference": "x", "status": "delivered"}, 401),
        ("Bearer wrong", {"reference": "x", "status": "delivered"}, 401),
        (f"Bearer {TOKEN}", "not json", 400),
        (f"Bearer {TOKEN}", {"status": "delivered"}, 400),
        (f"Bearer {TOKEN}", {"reference": "x", "status": "delivered"}, 400),
        (f"Bearer {TOKEN}", ["a", "list"], 400),
        (f"Bearer {TOKEN}", {"id": "1", "reference": "nothing-of-ours", "status": "delivered"}, 204),
        (f"Bearer {TOKEN}", {"id": "2", "reference": "<script>", "status": "'; DROP TABLE core_delivery; --"}, 204),
    ],
)
def test_receipts_need_our_token_and_sense(
    notify: NotifyStandIn, authorization: str, body: object, status: int
) -> None:
    response = Client().post(
        reverse("core:notify_receipt"), body, content_type="application/json", headers={"Authorization": authorization}
    )
    assert response.status_code == status
    assert not Delivery.objects.exclude(receipt="").exists()


def test_without_a_callback_token_no_receipt_is_taken(notify: NotifyStandIn, settings) -> None:
    settings.LW_NOTIFY_CALLBACK_TOKEN = ""
    response = Client().post(reverse("core:notify_receipt"), {"reference": "x", "status": "delivered"},
                             content_type="application/json", headers={"Authorization": "Bearer "})  # fmt: skip
    assert response.status_code == 401
