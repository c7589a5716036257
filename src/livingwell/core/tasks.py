"""Background tasks shared by every app. Run them with ``manage.py db_worker``.

Sending is reliable (hazard H-001, decision 0055): each message has an idempotency key, checked before
sending, so that a message reaches its recipient once however often it is queued; a failed send is tried again
with back-off; the last failure of an urgent alert is shown on the duty queue. A send cut off by a stopped
worker is shown there too, until its task runs again and sends it again, with the same Message-ID, so that a
message the mail server had taken after all is still seen once. Tasks a stopped worker left RUNNING go back in
the queue when that worker starts again (``manage.py tasks_recover --worker``), or after
``LW_TASK_STUCK_MINUTES`` through ``housekeeping``.
"""

import contextlib
import datetime
import hashlib
import os
from collections.abc import Callable, Iterator
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django.utils.module_loading import import_string

from livingwell.core.health import worker_heartbeat_leave
from livingwell.core.models import Delivery, Parcel
from livingwell.core.sessions import sessions_write_waiting

# What a worker takes first when work waits: an urgent alert before anything else, the figures' bookkeeping
# after everything else (a burst of introductions queues a send and a recount for each; the duty team's alert
# must not wait behind the recounts).
URGENT_PRIORITY = 50
BOOKKEEPING_PRIORITY = -50

# Urgent alerts have a queue and a worker of their own, at the web servers' priority (``manage.py worker
# --queue-name urgent``, ``livingwell-alerts@.service``, decision 0076): the other workers, below the web
# servers, got too little of a busy machine to send an alert within seconds. Each alert is queued a second time
# for any worker, due ``URGENT_FALLBACK`` later, which sends it only if the alerts worker has not taken it by
# then (it is stopped, or was never started).
URGENT_QUEUE = "urgent"
URGENT_FALLBACK = datetime.timedelta(seconds=30)

# The priority a message is sent and recorded at: the web servers' (decision 0080).
SENDING_NICE = 0

# Tries in all, and how long to wait before each retry (the last one repeats).
SEND_ATTEMPTS = 6
BACKOFF = [datetime.timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60)]


class SendFailed(Exception):
    """A send failed; the error's kind, and nothing of what it said."""


def delivery_key(message_key: str, recipient: str) -> str:
    """The idempotency key of one message to one recipient: a digest, so no address is kept."""
    return hashlib.sha256(f"{message_key}\n{recipient.strip().lower()}".encode()).hexdigest()


def _delivery_begin(
    key: str, channel: str, urgent: bool, label: str, rebuild: dict[str, Any], sender: str
) -> Delivery | None:
    """Claim the right to send: None when it was sent, or another task is sending it (or may have sent it).

    The task that began a send and was cut off (``sender``, the same task run again) sends it again."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                return Delivery.objects.create(
                    key=key, channel=channel, urgent=urgent, label=label[:200], attempts=1, sender=sender, **rebuild
                )
        except IntegrityError:
            pass
        delivery = Delivery.objects.select_for_update().get(key=key)
        failed = delivery.status in (Delivery.Status.RETRYING, Delivery.Status.GAVE_UP)
        cut_off = bool(sender) and delivery.sender == sender and delivery.status != Delivery.Status.SENT
        if not (failed or cut_off):
            return None
        delivery.status = Delivery.Status.SENDING
        delivery.attempts += 1
        delivery.sender = sender
        delivery.save(update_fields=["status", "attempts", "sender", "changed_at"])
        return delivery


@contextlib.contextmanager
def sending_priority() -> Iterator[None]:
    """This worker at the web servers' priority while a message leaves and its sending is recorded, then back at
    its own (decision 0080). Between the server taking a message and the record that it was sent, a worker
    killed sends it again when it starts again; at a worker's own priority, below the web servers on a busy
    machine, it waited up to 85 ms to be given a processor to read the server's answer and record it. Where
    the system does not allow a worker to raise its priority again (no ``LimitNICE=`` in its unit, a container
    without ``CAP_SYS_NICE``), it sends at its own."""
    working = os.getpriority(os.PRIO_PROCESS, 0)
    raised = False
    if working > SENDING_NICE:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, SENDING_NICE)
            raised = True
    try:
        yield
    finally:
        if raised:
            os.setpriority(os.PRIO_PROCESS, 0, working)


def send_reliably(
    send: Callable[[], object],
    *,
    key: str,
    channel: str,
    urgent: bool,
    label: str,
    again: Callable[[int], object],
    rebuild: dict[str, Any] | None = None,
    sender: str = "",
) -> None:
    """Send once under ``key``; on failure, queue ``again`` (given the tries so far) unless that was the last.
    ``rebuild``: how to build the message again (its builder, ids and message key), kept on the delivery so
    that a provider's later report of a temporary failure can send it again (``core.notify``). ``sender``: the
    id of the queued task sending it, so that the same task run again after its worker stopped sends again."""
    delivery = _delivery_begin(key, channel, urgent, label, rebuild or {}, sender)
    if delivery is None:
        return
    with sending_priority():
        try:
            send()
        except Exception as error:
            last = delivery.attempts >= SEND_ATTEMPTS
            delivery.status = Delivery.Status.GAVE_UP if last else Delivery.Status.RETRYING
            delivery.last_error = type(error).__name__  # never the message: it may hold an address
            delivery.save(update_fields=["status", "last_error", "changed_at"])
            if not last:
                again(delivery.attempts)
            # The task's result keeps this error: its name only, never the message, which may hold an address.
            raise SendFailed(delivery.last_error) from None
        delivery.status = Delivery.Status.SENT
        delivery.save(update_fields=["status", "changed_at"])


def send_later(attempts: int) -> datetime.datetime:
    return timezone.now() + BACKOFF[min(attempts - 1, len(BACKOFF) - 1)]


def tasks_recover(*, worker: str = "") -> int:
    """Put tasks a stopped worker left RUNNING back in the queue: those of ``worker`` at once (the id of a worker
    starting again, so none of them can still be running), or else those started over ``LW_TASK_STUCK_MINUTES``
    ago. A send they had begun shows as perhaps not sent until the task runs again and sends it again.
    Returns how many were put back."""
    from django_tasks_db.models import DBTaskResult

    stuck_before = timezone.now() - datetime.timedelta(minutes=settings.LW_TASK_STUCK_MINUTES)
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
        if worker:
            stuck = [row.pk for row in running.only("pk", "worker_ids") if row.worker_ids[-1:] == [worker]]
        else:
            stuck = list(running.filter(started_at__lt=stuck_before).values_list("pk", flat=True))
        DBTaskResult.objects.filter(pk__in=stuck).update(status=TaskResultStatus.READY, started_at=None)
        cut_off = Q(sender__in=[str(pk) for pk in stuck])
        if not worker:  # and any send begun that long ago, whatever became of its task
            cut_off |= Q(changed_at__lt=stuck_before)
        Delivery.objects.filter(cut_off, status=Delivery.Status.SENDING).update(status=Delivery.Status.UNKNOWN)
    return len(stuck)


def parcels_clear() -> int:
    """Delete the parcels kept long enough for their message (``core.outbox.parcel_keep``). How many."""
    deleted, _kinds = Parcel.objects.filter(keep_until__lt=timezone.now()).delete()
    return deleted


HOUSEKEEPING_EVERY = datetime.timedelta(minutes=5)


@task()
def housekeeping() -> None:
    """Every few minutes, whatever else happens: tasks stuck RUNNING go back in the queue, and expired
    sessions and the parcels kept for messages are cleared. It queues its own next run first, so a failure
    here never stops it. Then each app's own housekeeping runs: an app names it in its ``AppConfig`` as
    ``housekeeping``, the dotted path of a function that takes nothing and is quick when there is nothing
    to do."""
    from django.core.management import call_command

    housekeeping_schedule(after=HOUSEKEEPING_EVERY)
    worker_heartbeat_leave()
    tasks_recover()
    call_command("clearsessions")
    sessions_write_waiting()  # any answers still waiting in Redis
    parcels_clear()
    for config in apps.get_app_configs():
        if path := getattr(config, "housekeeping", ""):
            import_string(path)()


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
