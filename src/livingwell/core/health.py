"""Whether this instance, and the platform behind it, is well: for the proxy in front and for monitoring
(decision 0047). Through django-health-check.

- ``/health/live/``: the process answers. Nothing else is asked.
- ``/health/ready/``: this instance can serve: its database and cache answer. The proxy sends it requests
  only while it is ready.
- ``/health/``: the platform as a whole: the database, the cache, the file storage (a folder or a bucket: a
  file written, read and deleted), a task worker seen lately (its
  housekeeping, every few minutes, leaves a heartbeat), the age of the oldest task waiting to run, and an
  urgent alert not taken by the alerts worker within the time its stand-in waits (decision 0076). A
  stopped worker shows here, not in readiness: the pages still serve without one, and taking every instance
  out of the proxy because the worker stopped would stop the front door too.

Each answers JSON ("OK", or what is wrong, in words with nothing personal) with 200 when all is well and
503 when not, whatever the request asks for; it is never cached.
"""

import dataclasses
import datetime
import typing

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, F, Min, When
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.dateparse import parse_datetime
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

HEARTBEAT_KEY = "livingwell:worker-heartbeat"


def worker_heartbeat_leave() -> None:
    """A worker is at work now: its housekeeping leaves this, every few minutes."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)


def _minutes(delta: datetime.timedelta) -> int:
    return int(delta.total_seconds() // 60)


@dataclasses.dataclass
class WorkerHeartbeat(HealthCheck):
    """A task worker did its housekeeping within ``LW_WORKER_SILENT_MINUTES``."""

    async def run(self) -> None:
        seen = parse_datetime(await cache.aget(HEARTBEAT_KEY) or "")
        if seen is None:
            raise ServiceUnavailable("No task worker has been seen")
        silent = timezone.now() - seen
        if silent > datetime.timedelta(minutes=settings.LW_WORKER_SILENT_MINUTES):
            raise ServiceUnavailable(f"No task worker seen for {_minutes(silent)} minutes")


def oldest_wait(queue_name: str = "") -> datetime.timedelta | None:
    """How long the task that has waited longest to run (in ``queue_name``, or any queue) has waited since it
    was due; None when none waits."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    if queue_name:
        ready = ready.filter(queue_name=queue_name)
    due_at = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    due = ready.aggregate(due=Min(due_at))["due"]
    return None if due is None else max(timezone.now() - due, datetime.timedelta(0))


@dataclasses.dataclass
class QueueWait(HealthCheck):
    """No task has waited to run longer than ``LW_TASK_WAIT_MINUTES``: the workers keep up."""

    async def run(self) -> None:
        wait = await sync_to_async(oldest_wait)()
        if wait is not None and wait > datetime.timedelta(minutes=settings.LW_TASK_WAIT_MINUTES):
            raise ServiceUnavailable(f"The oldest task has waited {_minutes(wait)} minutes")


@dataclasses.dataclass
class AlertsWorker(HealthCheck):
    """The alerts worker takes each urgent alert before its stand-in would: it is running, and keeps up."""

    async def run(self) -> None:
        from livingwell.core.tasks import URGENT_FALLBACK, URGENT_QUEUE

        wait = await sync_to_async(oldest_wait)(URGENT_QUEUE)
        if wait is not None and wait > URGENT_FALLBACK:
            seconds = int(wait.total_seconds())
            raise ServiceUnavailable(f"An urgent alert has waited {seconds} seconds for the alerts worker")


@dataclasses.dataclass
class Files(Storage):
    """The file storage (a folder, or a bucket) takes a file, gives it back and deletes it: django-health-check's
    check, saying in words what failed where the storage raised an error of its own."""

    def run(self) -> None:
        try:
            super().run()
        except ServiceUnavailable:
            raise
        except Exception as error:  # a bucket's or a disk's own errors: only their kind is said
            raise ServiceUnavailable(f"The file storage did not answer ({type(error).__name__})") from error


class HealthView(HealthCheckView):
    """django-health-check's checks, answered as JSON alone, whatever the request's Accept header says (a
    malformed one is never an error), with 503 when a check fails."""

    async def get(self, request: HttpRequest, *args: typing.Any, **kwargs: typing.Any) -> JsonResponse:
        with self.get_executor() as executor:
            results = [await check.get_result(executor) for check in self.get_checks()]
        body = {repr(result.check): "OK" if result.error is None else str(result.error) for result in results}
        response = JsonResponse(body, status=503 if any(result.error for result in results) else 200)
        add_never_cache_headers(response)
        return response


live = HealthView.as_view(checks=())
ready = HealthView.as_view(checks=(Database, Cache))
platform = HealthView.as_view(checks=(Database, Cache, Files, WorkerHeartbeat, QueueWait, AlertsWorker))
