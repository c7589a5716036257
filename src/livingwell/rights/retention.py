"""The retention rules (settings ``LW_RETAIN_*``, docs/deploy.md, "Retention", decision 0052), applied each night by the
worker's housekeeping. Each run is a ``RetentionRun`` row with how many records of each kind it cleared, and a
line in the log.

- A person not in touch for ``LW_RETAIN_PEOPLE_YEARS`` (no open support, no contact, introduction, measure,
  flag, session, sign-in, hours or claim since) is erased as if they had asked (``rights.erasure``).
- An introduction that never became anyone's record is cleared ``LW_RETAIN_INTRODUCTIONS_YEARS`` after it was
  routed. One still waiting for the Hub is never touched.
- The record of messages sent (no words, no address) is deleted after ``LW_RETAIN_MESSAGES_DAYS``.
- A subject access export not downloaded is deleted after ``LW_RETAIN_EXPORTS_DAYS``.
- A task the worker finished (its ids, never words) is deleted from the queue after
  ``LW_RETAIN_TASK_RESULTS_DAYS``; one waiting or running is never touched.

The audit trail is kept whole: it holds no words, and it is how an erasure can be shown to have happened.
"""

import datetime
import logging
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.models import Delivery
from livingwell.core.periodic import first_this, today
from livingwell.core.personal_data import ERASED, counts_merge, counts_words, personal_data_modules
from livingwell.core.refusals import Refused
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.personal_data import introductions_erase
from livingwell.people.models import Person
from livingwell.rights.erasure import Reason, person_erase
from livingwell.rights.models import RetentionRun, SubjectAccess
from livingwell.rights.subject_access import exports_delete

log = logging.getLogger(__name__)


def retention_housekeeping() -> None:
    """Once a day, from the first housekeeping after midnight."""
    if first_this("rights.retention", today()):
        retention_apply.enqueue()


def _years_ago(now: datetime.datetime, years: int) -> datetime.datetime:
    return now - datetime.timedelta(days=round(365.25 * years))


def people_out_of_touch(since: datetime.datetime) -> list[UUID]:
    """People not erased, first known before ``since`` and active in no app since then."""
    active: set[Any] = set()
    for module in personal_data_modules():
        for rows in module.active_since(since):
            active.update(value for row in rows for value in row.values() if value is not None)
    known = Person.objects.filter(erased_at__isnull=True, created_at__lt=since).values_list("pk", flat=True)
    return [pk for pk in known.iterator() if pk not in active]


def _people_erase(since: datetime.datetime) -> int:
    erased = 0
    for person_id in people_out_of_touch(since):
        try:
            person_erase(actor=None, person_id=person_id, reason=Reason.RETENTION)
        except Refused:
            continue
        erased += 1
    return erased


def _introductions_clear(before: datetime.datetime) -> list[tuple[str, int]]:
    stale = Introduction.objects.filter(
        person__isnull=True, status=Introduction.Status.ROUTED, routed_at__lt=before
    ).exclude(preferred_name=ERASED)
    with transaction.atomic():
        introductions = list(stale.only("pk"))
        for introduction in introductions:
            audit_event_record(
                actor=None,
                action=AuditEvent.Action.DELETE,
                record=introduction,
                person_id=None,
                detail="erased (retention)",
            )
        return introductions_erase(Introduction.objects.filter(pk__in=[each.pk for each in introductions]))


@task()
def retention_apply() -> None:
    """Apply every retention rule once for today; a second run the same day does nothing."""
    run, created = RetentionRun.objects.get_or_create(day=timezone.localdate())
    if not created and run.finished_at is not None:
        return
    now = timezone.now()
    counts = counts_merge(
        [
            ("people.person", _people_erase(_years_ago(now, settings.LW_RETAIN_PEOPLE_YEARS))),
            *_introductions_clear(_years_ago(now, settings.LW_RETAIN_INTRODUCTIONS_YEARS)),
            (
                "core.delivery",
                Delivery.objects.filter(
                    started_at__lt=now - datetime.timedelta(days=settings.LW_RETAIN_MESSAGES_DAYS)
                ).delete()[0],
            ),
            (
                "django_tasks_database.dbtaskresult",
                DBTaskResult.objects.finished()
                .filter(finished_at__lt=now - datetime.timedelta(days=settings.LW_RETAIN_TASK_RESULTS_DAYS))
                .delete()[0],
            ),
            (
                "rights.subjectaccess",
                exports_delete(
                    list(
                        SubjectAccess.objects.filter(
                            status=SubjectAccess.Status.READY,
                            asked_at__lt=now - datetime.timedelta(days=settings.LW_RETAIN_EXPORTS_DAYS),
                        )
                    ),
                    SubjectAccess.Status.EXPIRED,
                ),
            ),
        ]
    )
    run.counts = counts
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    log.info("retention run %s: %s", run.day, counts_words(counts))
