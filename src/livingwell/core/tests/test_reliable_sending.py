"""Urgent alerts are never lost: sending retries with back-off, a task stuck by a stopped worker is picked up
again and sends again what it had begun, a message reaches each recipient once however often it is queued,
and the duty queue shows what could not be sent."""

import datetime
import io
import os
import smtplib
import threading
from collections.abc import Callable

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections, models
from django.tasks.base import DEFAULT_TASK_QUEUE_NAME
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in, worker_run
from livingwell.core.models import Delivery
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.tasks import (
    SEND_ATTEMPTS,
    URGENT_FALLBACK,
    URGENT_QUEUE,
    housekeeping_schedule,
    send_reliably,
    tasks_recover,
)

pytestmark = pytest.mark.django_db(transaction=True)
TEMPLATE = "frontdoor/email/duty_urgent.txt"
CONTEXT = {"reference": "LW-ABC234", "service_name": "Living Well"}


@message_builder
def urgent_message(reference: str) -> Message:
    return Message(
        to="duty@example.org", subject=f"Urgent introduction {reference}", template_name=TEMPLATE, context=CONTEXT
    )


def _urgent(key: str = "duty-urgent:1") -> None:
    message_enqueue(
        urgent_message,
        reference="LW-ABC234",
        key=key,
        urgent=True,
        label="Duty email: urgent introduction LW-ABC234",
    )


def _smtp_down(monkeypatch) -> None:
    def refuse(**kwargs: object) -> None:
        raise smtplib.SMTPConnectError(421, "down")

    monkeypatch.setattr("livingwell.core.outbox.email_send", refuse)


def _alerts() -> models.QuerySet[DBTaskResult]:
    """The urgent alerts queued for the alerts worker (not their stand-ins)."""
    return DBTaskResult.objects.filter(queue_name=URGENT_QUEUE)


def _worker(queue: str) -> None:
    """One kind of deployed worker once through its queue: ``default`` the workers', ``urgent`` the alerts
    worker's."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", queue, verbosity=0)


def _due_now() -> None:
    """Bring every retry waiting for its back-off forward to now, as time passing would."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def _duty_queue() -> str:
    client = Client()
    sign_in(client, UserFactory(username="dee", role=Role.DUTY_WORKER))
    return client.get(reverse("frontdoor:queue")).content.decode()


def test_a_failed_send_is_tried_again_later_and_then_goes(monkeypatch) -> None:
    _smtp_down(monkeypatch)
    _urgent()
    worker_run()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("retrying", 1, "SMTPConnectError")
    retry = _alerts().get(status="READY")  # to the alerts worker again, with a stand-in again
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)  # back-off, not at once
    assert (
        DBTaskResult.objects.get(args_kwargs__kwargs__twin=str(retry.pk)).run_after == retry.run_after + URGENT_FALLBACK
    )
    assert "Urgent alerts that have not been sent" in _duty_queue()
    monkeypatch.undo()
    worker_run()
    assert mail.outbox == []  # not due yet
    _due_now()
    worker_run()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == "sent"
    assert "Urgent alerts that have not been sent" not in _duty_queue()


def test_after_the_last_try_the_duty_queue_says_it_could_not_be_sent(monkeypatch) -> None:
    _smtp_down(monkeypatch)
    _urgent()
    for _ in range(SEND_ATTEMPTS + 2):
        _due_now()
        worker_run()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("gave_up", SEND_ATTEMPTS)
    assert not DBTaskResult.objects.filter(status="READY").exists()
    html = _duty_queue()
    assert "Duty email: urgent introduction LW-ABC234: could not be sent" in html
    assert f"{SEND_ATTEMPTS} tries" in html


def test_the_same_message_queued_twice_reaches_its_recipient_once() -> None:
    _urgent()
    _urgent()
    worker_run()
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_a_task_stuck_running_is_picked_up_again(settings) -> None:
    settings.LW_TASK_STUCK_MINUTES = 10
    _urgent()
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    _alerts().update(status="RUNNING", started_at=long_ago)  # its worker was killed before sending
    worker_run()
    assert mail.outbox == []
    assert tasks_recover() == 1
    worker_run()
    assert len(mail.outbox) == 1


def _cut_off(started: datetime.datetime, worker: str = "here-1") -> None:
    """The queued message's worker stopped while it was sending it."""
    task = _alerts().get(task_path__endswith="message_send")
    DBTaskResult.objects.filter(pk=task.pk).update(status="RUNNING", started_at=started, worker_ids=[worker])
    Delivery.objects.create(
        key=_key(), channel="email", urgent=True, label="Duty email: urgent introduction LW-ABC234",
        attempts=1, sender=str(task.pk),
    )  # fmt: skip
    Delivery.objects.update(changed_at=started)


def test_a_send_cut_off_by_a_stopped_worker_is_shown_then_sent_again_as_the_same_message(settings) -> None:
    settings.LW_TASK_STUCK_MINUTES = 10
    settings.LW_SITE_URL = "https://livingwell.example.org"
    _urgent()
    _cut_off(timezone.now() - datetime.timedelta(minutes=30))
    assert tasks_recover() == 1
    assert Delivery.objects.get().status == "unknown"
    assert "may not have been sent" in _duty_queue()
    worker_run()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == f"<{_key()}@livingwell.example.org>"
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert "may not have been sent" not in _duty_queue()


def test_a_worker_starting_again_puts_back_at_once_what_it_was_doing_and_nothing_else(settings) -> None:
    settings.LW_TASK_STUCK_MINUTES = 10
    _urgent()
    _cut_off(timezone.now(), worker="here-1")
    assert tasks_recover(worker="here-2") == 0  # another worker's task may still be running
    assert tasks_recover() == 0  # and it is not stuck for long yet
    call_command("tasks_recover", "--worker", "here-1", stdout=io.StringIO())
    assert _alerts().get().status == "READY"
    assert Delivery.objects.get().status == "unknown"
    worker_run()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == "sent"


def test_the_same_message_queued_again_while_another_task_sends_it_is_not_sent(settings) -> None:
    _urgent()
    _cut_off(timezone.now())  # the first task is sending it now
    _urgent()
    worker_run()
    assert mail.outbox == []
    assert Delivery.objects.get().status == "sending"


def test_housekeeping_keeps_one_run_queued_and_recovers_stuck_tasks(settings) -> None:
    settings.LW_TASK_STUCK_MINUTES = 10
    assert housekeeping_schedule()
    assert not housekeeping_schedule()
    _urgent()
    _alerts().update(status="RUNNING", started_at=timezone.now() - datetime.timedelta(minutes=30))
    worker_run()  # housekeeping runs, queues its next run, and puts the stuck email back
    worker_run()
    assert len(mail.outbox) == 1
    waiting = DBTaskResult.objects.filter(task_path__endswith="housekeeping", status="READY")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + datetime.timedelta(minutes=4)


def _key() -> str:
    from livingwell.core.tasks import delivery_key

    return delivery_key("duty-urgent:1", "duty@example.org")


def test_housekeeping_clears_expired_sessions() -> None:
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    old = SessionStore()
    old["frontdoor_journey"] = "sealed"
    old.set_expiry(1)
    old.create()
    Session.objects.filter(session_key=old.session_key).update(expire_date=timezone.now() - datetime.timedelta(days=1))
    housekeeping_schedule()
    worker_run()
    assert not Session.objects.filter(session_key=old.session_key).exists()


def test_a_failed_task_keeps_the_kind_of_error_and_nothing_it_said(monkeypatch) -> None:
    def refuse(**kwargs: object) -> None:
        raise smtplib.SMTPRecipientsRefused({"duty@example.org": (550, b"no such user duty@example.org")})

    monkeypatch.setattr("livingwell.core.outbox.email_send", refuse)
    _urgent()
    worker_run()
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "SMTPRecipientsRefused" in failed.traceback
    assert "duty@example.org" not in failed.traceback
    assert "duty@example.org" not in str(failed.args_kwargs)


def test_housekeeping_clears_parcels_kept_long_enough() -> None:
    from livingwell.core.models import Parcel
    from livingwell.core.outbox import parcel_keep, parcel_open

    kept = parcel_keep({"to": "ola@example.org"})
    assert "ola@example.org" not in Parcel.objects.get().sealed
    assert parcel_open(kept) == {"to": "ola@example.org"}
    Parcel.objects.update(keep_until=timezone.now() - datetime.timedelta(minutes=1))
    assert parcel_open(kept) is None
    housekeeping_schedule()
    worker_run()
    assert not Parcel.objects.exists()


def test_a_send_begun_long_ago_whose_task_is_gone_is_shown_as_perhaps_not_sent(settings) -> None:
    settings.LW_TASK_STUCK_MINUTES = 10
    Delivery.objects.create(key=_key(), channel="email", urgent=True, label="Duty email: urgent introduction LW-ABC234")
    Delivery.objects.update(changed_at=timezone.now() - datetime.timedelta(minutes=30))
    tasks_recover()
    assert Delivery.objects.get().status == "unknown"
    assert "may not have been sent" in _duty_queue()


def test_the_deployed_worker_puts_back_what_it_was_doing_lowers_itself_then_sends(settings, monkeypatch) -> None:
    """``manage.py worker`` (decisions 0075, 0076): started ahead of the web servers, it puts back its own
    cut-off send, then lowers itself to its ``--nice`` (the alerts worker's 0, level with them; the other
    workers' 10, below them), then sends it again."""
    from django_tasks_db.management.commands.db_worker import Command as DbWorker

    settings.LW_TASK_STUCK_MINUTES = 10
    _urgent()
    _cut_off(timezone.now(), worker="here-1")
    done: list[object] = []
    monkeypatch.setattr("os.getpriority", lambda which, who: -5)  # as its unit starts it
    monkeypatch.setattr("os.setpriority", lambda which, who, nice: done.append(("priority", nice)))
    working = DbWorker.handle

    def handle(self: DbWorker, *args: object, **options: object) -> None:
        done.append(("status then", _alerts().get().status))
        working(self, *args, **options)

    monkeypatch.setattr(DbWorker, "handle", handle)
    # As livingwell-alerts@.service runs it: the urgent queue, at the web servers' priority once started.
    call_command("worker", "--worker-id", "here-1", "--queue-name", "urgent", "--nice", "0", "--batch",
                 "--no-startup-delay", "--no-reload", stdout=io.StringIO(), verbosity=0)  # fmt: skip
    assert done == [("priority", 0), ("status then", "READY")]
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == "sent"


def test_an_urgent_alert_is_for_the_alerts_worker_and_its_stand_in_then_sends_nothing() -> None:
    _urgent()
    alert = _alerts().get()
    stand_in = DBTaskResult.objects.get(queue_name=DEFAULT_TASK_QUEUE_NAME)
    assert (alert.priority, stand_in.priority) == (50, 50)
    assert stand_in.args_kwargs["kwargs"]["twin"] == str(alert.pk)
    assert stand_in.run_after >= alert.enqueued_at + URGENT_FALLBACK
    _worker(DEFAULT_TASK_QUEUE_NAME)  # the other workers: the alert is not theirs, and its stand-in is not due
    assert mail.outbox == []
    _worker(URGENT_QUEUE)
    assert len(mail.outbox) == 1
    _due_now()
    _worker(DEFAULT_TASK_QUEUE_NAME)  # the stand-in, due: the alerts worker took its twin, so it sends nothing
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get(pk=stand_in.pk).status == "SUCCESSFUL"


def test_without_the_alerts_worker_its_stand_in_sends_the_alert_once() -> None:
    _urgent()
    _worker(DEFAULT_TASK_QUEUE_NAME)
    assert mail.outbox == []  # the stand-in is not due yet
    _due_now()
    _worker(DEFAULT_TASK_QUEUE_NAME)
    assert len(mail.outbox) == 1
    stand_in = DBTaskResult.objects.get(queue_name=DEFAULT_TASK_QUEUE_NAME)
    assert Delivery.objects.get().sender == str(stand_in.pk)
    _worker(URGENT_QUEUE)  # the alerts worker, back: the alert was sent
    assert len(mail.outbox) == 1
    assert _alerts().get().status == "SUCCESSFUL"


def test_an_alert_the_alerts_worker_took_and_was_stopped_sending_is_not_sent_by_its_stand_in(settings) -> None:
    settings.LW_TASK_STUCK_MINUTES = 10
    _urgent()
    _cut_off(timezone.now(), worker="alerts-1")
    _due_now()
    _worker(DEFAULT_TASK_QUEUE_NAME)  # its stand-in: the alert was taken
    assert mail.outbox == []
    tasks_recover(worker="alerts-1")  # the alerts worker, started again, sends it again
    _worker(URGENT_QUEUE)
    assert len(mail.outbox) == 1


def test_the_other_workers_work_below_the_web_servers_and_leave_urgent_alerts_to_theirs(monkeypatch) -> None:
    _urgent()
    done: list[int] = []
    monkeypatch.setattr("os.getpriority", lambda which, who: -5)
    monkeypatch.setattr("os.setpriority", lambda which, who, nice: done.append(nice))
    call_command("worker", "--worker-id", "here-2", "--batch", "--no-startup-delay", "--no-reload",
                 stdout=io.StringIO(), verbosity=0)  # fmt: skip
    assert done == [10]
    assert mail.outbox == []
    assert _alerts().get().status == "READY"


def _in_a_thread(work: Callable[[], None]) -> None:
    """``work`` in a thread of its own, and waited for: a priority is each thread's on Linux, so the one running
    the tests keeps its own."""
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def _raising_allowed() -> bool:
    """Whether a thread here that lowered its priority may raise it again (root with CAP_SYS_NICE, or a
    ``LimitNICE=`` that allows it)."""
    allowed: list[bool] = []

    def probe() -> None:
        os.setpriority(os.PRIO_PROCESS, 0, 10)
        try:
            os.setpriority(os.PRIO_PROCESS, 0, 0)
            allowed.append(True)
        except OSError:
            allowed.append(False)

    _in_a_thread(probe)
    return allowed[0]


def test_a_worker_below_the_web_servers_sends_and_records_at_their_priority_then_goes_back() -> None:
    """Decision 0080: a worker killed between the mail server taking a message and the record that it was sent
    sends it again, so that time is spent at the web servers' priority, not waiting behind them."""
    seen: list[int] = []
    after: list[int] = []

    def worker_below() -> None:
        os.setpriority(os.PRIO_PROCESS, 0, 10)
        try:
            send_reliably(
                lambda: seen.append(os.getpriority(os.PRIO_PROCESS, 0)),
                key="a-key",
                channel="email",
                urgent=False,
                label="An email",
                again=lambda tries: None,
            )
        finally:
            after.append(os.getpriority(os.PRIO_PROCESS, 0))
            connections.close_all()

    _in_a_thread(worker_below)
    assert seen == [0 if _raising_allowed() else 10]
    assert after == [10]
    assert Delivery.objects.get().status == "sent"


def test_where_a_worker_may_not_raise_its_priority_it_sends_at_its_own(monkeypatch) -> None:
    asked: list[int] = []

    def refuse(which: int, who: int, nice: int) -> None:
        asked.append(nice)
        raise PermissionError("not permitted")

    monkeypatch.setattr("os.getpriority", lambda which, who: 10)
    monkeypatch.setattr("os.setpriority", refuse)
    _urgent()
    worker_run()
    assert asked == [0]  # asked once, refused, and never "lowered back" to where it already was
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == "sent"
