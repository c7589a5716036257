"""Background tasks shared by every app. Run them with ``manage.py db_worker``.

Sending is reliable (hazard H-001): each message has an idempotency key, checked before sending, so that a
message reaches its recipient at most once; a failed send is tried again with back-off; the last failure of
an urgent alert, or a send cut off by a stopped worker, is shown on the duty queue. ``housekeeping`` puts
tasks stuck RUNNING by a stopped worker back in the queue.
"""

import datetime
import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from livingwell.core.models import Delivery

# Tries in all, and how long to wait before each retry (the last one repeats).
SEND_ATTEMPTS = 6
BACKOFF = [datetime.timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60)]


def delivery_key(message_key: str, recipient: str) -> str:
    """The idempotency key of one message to one recipient: a digest, so no address is kept."""
    return hashlib.sha256(f"{message_key}\n{recipient.strip().lower()}".encode()).hexdigest()


def _delivery_begin(key: str, channel: str, urgent: bool, label: str) -> Delivery | None:
    """Claim the right to send: None when it was sent, or is being (or may have been) sent already."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                return Delivery.objects.create(key=key, channel=channel, urgent=urgent, label=label[:200], attempts=1)
        except IntegrityError:
            pass
        delivery = Delivery.objects.select_for_update().get(key=key)
        if delivery.status not in (Delivery.Status.RETRYING, Delivery.Status.GAVE_UP):
            return None
        delivery.status = Delivery.Status.SENDING
        delivery.attempts += 1
        delivery.save(update_fields=["status", "attempts", "changed_at"])
        return delivery


def _send_reliably(
    send: Callable[[], object], *, key: str, channel: str, urgent: bool, label: str, again: Callable[[int], object]
) -> None:
    """Send once under ``key``; on failure, queue ``again`` (given the tries so far) unless that was the last."""
    delivery = _delivery_begin(key, channel, urgent, label)
    if delivery is None:
        return
    try:
        send()
    except Exception as error:
        last = delivery.attempts >= SEND_ATTEMPTS
        delivery.status = Delivery.Status.GAVE_UP if last else Delivery.Status.RETRYING
        delivery.last_error = type(error).__name__  # never the message: it may hold an address
        delivery.save(update_fields=["status", "last_error", "changed_at"])
        if not last:
            again(delivery.attempts)
        raise
    delivery.status = Delivery.Status.SENT
    delivery.save(update_fields=["status", "changed_at"])


def _later(attempts: int) -> datetime.datetime:
    return timezone.now() + BACKOFF[min(attempts - 1, len(BACKOFF) - 1)]


@task()
def email_send(*, to: list[str], subject: str, body: str, key: str, urgent: bool = False, label: str = "") -> None:
    """Send one plain-text email, at most once to each recipient, retrying with back-off."""
    for recipient in to:
        recipient_key = delivery_key(key, recipient)

        def again(attempts: int, recipient: str = recipient) -> object:
            return email_send.using(run_after=_later(attempts)).enqueue(
                to=[recipient], subject=subject, body=body, key=key, urgent=urgent, label=label
            )

        _send_reliably(
            functools.partial(send_mail, subject=subject, message=body, from_email=None, recipient_list=[recipient]),
            key=recipient_key,
            channel="email",
            urgent=urgent,
            label=label,
            again=again,
        )


@task()
def text_send(*, to: str, body: str, key: str, urgent: bool = False, label: str = "") -> None:
    """Send one text message through the configured SMS backend, at most once, retrying with back-off."""
    from livingwell.core.sms import sms_backend

    recipient_key = delivery_key(key, to)

    def again(attempts: int) -> object:
        return text_send.using(run_after=_later(attempts)).enqueue(
            to=to, body=body, key=key, urgent=urgent, label=label
        )

    _send_reliably(
        lambda: sms_backend().send(to=to, body=body),
        key=recipient_key,
        channel="text",
        urgent=urgent,
        label=label,
        again=again,
    )


def tasks_recover() -> int:
    """Put tasks stuck RUNNING (their worker stopped) back in the queue; a send they had begun is marked as
    perhaps not sent, never sent twice. Returns how many were put back."""
    from django_tasks_db.models import DBTaskResult

    stuck_before = timezone.now() - datetime.timedelta(minutes=settings.LW_TASK_STUCK_MINUTES)
    with transaction.atomic():
        stuck = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=stuck_before)
        recovered = stuck.update(status=TaskResultStatus.READY, started_at=None)
        Delivery.objects.filter(status=Delivery.Status.SENDING, changed_at__lt=stuck_before).update(
            status=Delivery.Status.UNKNOWN
        )
    return recovered


HOUSEKEEPING_EVERY = datetime.timedelta(minutes=5)


@task()
def housekeeping() -> None:
    """Every few minutes, whatever else happens: tasks stuck RUNNING go back in the queue, and expired
    sessions are cleared. It queues its own next run first, so a failure here never stops it."""
    from django.core.management import call_command

    housekeeping_schedule(after=HOUSEKEEPING_EVERY)
    tasks_recover()
    call_command("clearsessions")


def housekeeping_schedule(*, after: datetime.timedelta = datetime.timedelta(0)) -> bool:
    """Queue the next housekeeping, unless one is already waiting. True when this queued it."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=f"{housekeeping.func.__module__}.{housekeeping.func.__qualname__}", status=TaskResultStatus.READY
    )
    if waiting.exists():
        return False
    housekeeping.using(run_after=timezone.now() + after).enqueue()
    return True


def urgent_alerts_unsent() -> list[Delivery]:
    """Urgent alerts of the last week that have not been sent (failing, given up, or cut off): the duty queue
    shows them, so that none is lost without someone knowing."""
    since = timezone.now() - datetime.timedelta(days=7)
    unsent = [Delivery.Status.RETRYING, Delivery.Status.GAVE_UP, Delivery.Status.UNKNOWN]
    return list(Delivery.objects.filter(urgent=True, status__in=unsent, changed_at__gte=since).order_by("started_at"))
