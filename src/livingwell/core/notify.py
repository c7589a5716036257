"""GOV.UK Notify, for email, text messages and letters, when ``LW_NOTIFY_API_KEY`` is set (decision 0051).

Notify sends what we write: each of its three templates (one each for email, text and letter) holds nothing
but placeholders, ``((subject))`` and ``((body))`` (and the address lines for a letter), filled with our own
words as personalisation. Every message carries its delivery key as Notify's ``reference``, a digest that
names no one, by which Notify's delivery receipt finds it again (``receipt_record``).

Without Notify, email goes by SMTP (``EMAIL_URL``) and texts to ``LW_SMS_BACKEND``; letters need Notify.
"""

import functools
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from notifications_python_client.notifications import NotificationsAPIClient

from livingwell.core.models import Delivery

# How Notify says a message ended (its callback's "status").
RECEIPTS = {choice.value for choice in Delivery.Receipt}
# The header that carries a message's delivery key to the email backend, as Notify's reference.
REFERENCE_HEADER = "X-LW-Reference"
# Letters have up to seven address lines, the last a postcode.
ADDRESS_LINES = 7


def notify_on() -> bool:
    return bool(settings.LW_NOTIFY_API_KEY)


def notify_client() -> NotificationsAPIClient:
    return NotificationsAPIClient(settings.LW_NOTIFY_API_KEY, base_url=settings.LW_NOTIFY_BASE_URL, timeout=20)


class NotifyEmailBackend(BaseEmailBackend):
    """Django's email, through Notify's email template: the subject and the plain-text body as placeholders."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        client = notify_client()
        for message in email_messages:
            reference = message.extra_headers.get(REFERENCE_HEADER) or None
            for recipient in message.recipients():
                # A failure is raised, never swallowed: the sending task tries again (core/tasks.py).
                client.send_email_notification(
                    email_address=recipient,
                    template_id=settings.LW_NOTIFY_EMAIL_TEMPLATE_ID,
                    personalisation={"subject": message.subject, "body": message.body},
                    reference=reference,
                )
                sent += 1
        return sent


class NotifySmsBackend:
    """Texts through Notify's text template (``LW_SMS_BACKEND=livingwell.core.notify.NotifySmsBackend``)."""

    def send(self, *, to: str, body: str, reference: str = "") -> None:
        notify_client().send_sms_notification(
            phone_number=to,
            template_id=settings.LW_NOTIFY_SMS_TEMPLATE_ID,
            personalisation={"body": body},
            reference=reference or None,
        )


class LettersNeedNotify(Exception):
    """Letters are posted by Notify alone."""


def letter_send(*, address: str, subject: str, body: str, reference: str = "") -> None:
    """Post a letter through Notify's letter template: the address (one line each, the last the postcode),
    the subject and the body."""
    if not notify_on():
        raise LettersNeedNotify
    lines = [line.strip() for line in address.splitlines() if line.strip()][:ADDRESS_LINES]
    personalisation = {f"address_line_{number}": line for number, line in enumerate(lines, start=1)}
    notify_client().send_letter_notification(
        template_id=settings.LW_NOTIFY_LETTER_TEMPLATE_ID,
        personalisation={**personalisation, "subject": subject, "body": body},
        reference=reference or None,
    )


def receipt_record(*, reference: str, status: str, notification_id: str) -> bool:
    """Keep what Notify says came of a message (found by its reference, our delivery key). A temporary or
    technical failure is sent again later, with the back-off of any failed send, until the tries run out.
    True when it was kept; a receipt for nothing of ours, or for a sending already told of, changes nothing."""
    from livingwell.core.outbox import message_send_later
    from livingwell.core.tasks import SEND_ATTEMPTS

    if status not in RECEIPTS:
        return False
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(key=reference).first()
        if delivery is None or delivery.receipt_for == notification_id:
            return False
        delivery.receipt, delivery.receipt_for, delivery.receipt_at = status, notification_id, timezone.now()
        again = status in (Delivery.Receipt.TEMPORARY_FAILURE, Delivery.Receipt.TECHNICAL_FAILURE)
        if again and delivery.build and delivery.attempts < SEND_ATTEMPTS:
            delivery.status = Delivery.Status.RETRYING
            transaction.on_commit(
                functools.partial(
                    message_send_later, delivery.attempts, build=delivery.build, ids=delivery.ids,
                    key=delivery.message_key, urgent=delivery.urgent, label=delivery.label,
                )
            )  # fmt: skip
        elif again or status == Delivery.Receipt.PERMANENT_FAILURE:
            delivery.status = Delivery.Status.GAVE_UP
        delivery.save(update_fields=["receipt", "receipt_for", "receipt_at", "status", "changed_at"])
    return True
