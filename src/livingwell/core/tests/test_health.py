"""The health endpoints (core/health.py): live, ready and the platform's health, answered as JSON with 200
or 503 whatever is asked, never cached, with nothing personal."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingwell.conftest import worker_run
from livingwell.core.health import HEARTBEAT_KEY, worker_heartbeat_leave
from livingwell.core.outbox import message_enqueue
from livingwell.core.tasks import URGENT_QUEUE, housekeeping
from livingwell.frontdoor.services import duty_urgent_message
from livingwell.frontdoor.tests.factories import IntroductionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_worker_seen() -> None:
    cache.delete(HEARTBEAT_KEY)


def test_live_and_ready_answer_ok() -> None:
    live = Client().get(reverse("core:health_live"))
    assert (live.status_code, live.json()) == (200, {})
    ready = Client().get(reverse("core:health_ready"))
    assert ready.status_code == 200
    assert set(ready.json().values()) == {"OK"}
    assert "Database(alias='default')" in ready.json()
    assert "no-cache" in ready["Cache-Control"]


def test_without_a_worker_the_platform_is_unwell_but_the_instance_is_ready() -> None:
    response = Client().get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["WorkerHeartbeat()"] == "Unavailable: No task worker has been seen"
    assert Client().get(reverse("core:health_ready")).status_code == 200


def test_a_worker_seen_lately_is_well_and_one_gone_quiet_is_not() -> None:
    worker_heartbeat_leave()
    assert Client().get(reverse("core:health")).status_code == 200
    cache.set(HEARTBEAT_KEY, (timezone.now() - datetime.timedelta(minutes=40)).isoformat())
    response = Client().get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["WorkerHeartbeat()"] == "Unavailable: No task worker seen for 40 minutes"
    cache.set(HEARTBEAT_KEY, "not a time")
    assert Client().get(reverse("core:health")).status_code == 503


@override_settings(LW_TASK_WAIT_MINUTES=15)
def test_a_task_waiting_too_long_is_told() -> None:
    worker_heartbeat_leave()
    result = housekeeping.enqueue()
    assert Client().get(reverse("core:health")).status_code == 200
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=30))
    response = Client().get(reverse("core:health"))
    assert response.status_code == 503
    assert response.json()["QueueWait()"] == "Unavailable: The oldest task has waited 30 minutes"
    # A task due later is not waiting yet, however long ago it was queued.
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now() + datetime.timedelta(hours=1))
    assert Client().get(reverse("core:health")).status_code == 200


def test_an_urgent_alert_the_alerts_worker_has_not_taken_in_time_is_told() -> None:
    worker_heartbeat_leave()
    urgent = IntroductionFactory(is_urgent=True)
    message_enqueue(duty_urgent_message, introduction_id=urgent.pk, urgent=True, label="Duty email")
    (alert,) = DBTaskResult.objects.filter(queue_name=URGENT_QUEUE)
    assert Client().get(reverse("core:health")).status_code == 200
    DBTaskResult.objects.filter(pk=alert.pk).update(enqueued_at=timezone.now() - datetime.timedelta(seconds=45))
    response = Client().get(reverse("core:health"))
    assert response.status_code == 503
    assert (
        response.json()["AlertsWorker()"] == "Unavailable: An urgent alert has waited 45 seconds for the alerts worker"
    )
    assert response.json()["QueueWait()"] == "OK"


@pytest.mark.parametrize("accept", ["text/html", "application/json", "text/plain", "garbage;;q=x", ""])
def test_any_accept_header_gets_json(accept: str) -> None:
    response = Client().get(reverse("core:health_ready"), headers={"accept": accept})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_only_get_is_answered() -> None:
    assert Client().post(reverse("core:health_ready")).status_code == 405


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_the_workers_housekeeping_leaves_the_heartbeat() -> None:
    housekeeping.enqueue()
    worker_run()
    assert cache.get(HEARTBEAT_KEY)
    assert Client().get(reverse("core:health")).status_code == 200
