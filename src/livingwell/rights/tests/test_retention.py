"""The retention rules: applied once a night by the worker, each run logged; people out of touch for the
years set are erased, introductions that became nobody's record are cleared, messages sent, exports not
downloaded and tasks the worker finished long ago are deleted; nobody still in touch, and nothing waiting for
the Hub or the worker, is touched."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.core.models import Delivery
from livingwell.core.personal_data import ERASED
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import introduction_days_old
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.rights.models import RetentionRun, SubjectAccess
from livingwell.rights.retention import retention_housekeeping
from livingwell.support.models import Episode
from livingwell.support.tests.factories import episode_closed

pytestmark = pytest.mark.django_db
YEARS_9 = 9 * 366


@pytest.fixture(autouse=True)
def _files(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def _known_since(days: int, **fields: object) -> Person:
    person = PersonFactory(**fields)
    Person.objects.filter(pk=person.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days),
        updated_at=timezone.now() - datetime.timedelta(days=days),
    )
    return person


def _apply() -> str:
    out = StringIO()
    call_command("retention_apply", stdout=out)
    return out.getvalue()


def test_people_out_of_touch_are_erased_and_everyone_in_touch_is_kept() -> None:
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    gone = _known_since(YEARS_9, preferred_name="Gone Long Ago")
    episode_closed(gone, guide, opened_days_ago=YEARS_9, closed_days_ago=YEARS_9 - 30)
    introduction_days_old(YEARS_9, person=gone, status=Introduction.Status.ROUTED, in_their_words="Old words here")
    recently_closed = _known_since(YEARS_9, preferred_name="Closed Last Year")
    episode_closed(recently_closed, guide, opened_days_ago=YEARS_9, closed_days_ago=300)
    still_open = _known_since(YEARS_9, preferred_name="Still Supported")
    Episode.objects.create(person=still_open, guide=guide, opened_at=timezone.now() - datetime.timedelta(days=YEARS_9))
    new = _known_since(30, preferred_name="Met Last Month")

    said = _apply()

    gone.refresh_from_db()
    assert (gone.preferred_name, gone.erased_at is not None) == (ERASED, True)
    assert Introduction.objects.get(person=gone).in_their_words == ""
    for kept in (recently_closed, still_open, new):
        kept.refresh_from_db()
        assert kept.erased_at is None
    assert "people.person 1" in said
    event = AuditEvent.objects.get(person_id=gone.pk, action=AuditEvent.Action.DELETE)
    assert (event.actor_id, event.detail.startswith("erased (retention): ")) == (None, True)
    assert "Old words" not in event.detail


def test_introductions_that_became_nobodys_record_are_cleared_but_never_one_waiting() -> None:
    routed = introduction_days_old(3 * 366, status=Introduction.Status.ROUTED, in_their_words="Routed words")
    Introduction.objects.filter(pk=routed.pk).update(routed_at=timezone.now() - datetime.timedelta(days=3 * 366))
    waiting = introduction_days_old(3 * 366, in_their_words="Still waiting words")
    recent = introduction_days_old(30, status=Introduction.Status.ROUTED, in_their_words="Recent words")
    Introduction.objects.filter(pk=recent.pk).update(routed_at=timezone.now())
    _apply()
    routed.refresh_from_db()
    waiting.refresh_from_db()
    recent.refresh_from_db()
    assert (routed.preferred_name, routed.in_their_words, routed.phone) == (ERASED, "", "")
    assert waiting.in_their_words == "Still waiting words"
    assert recent.in_their_words == "Recent words"
    assert AuditEvent.objects.filter(record_id=str(routed.pk), action=AuditEvent.Action.DELETE).count() == 1


def test_messages_and_exports_are_deleted_after_their_time() -> None:
    old = Delivery.objects.create(key="old", channel="email", status=Delivery.Status.SENT)
    Delivery.objects.filter(pk=old.pk).update(started_at=timezone.now() - datetime.timedelta(days=800))
    recent = Delivery.objects.create(key="recent", channel="email", status=Delivery.Status.SENT)
    name = default_storage.save("subject-access/left.zip.sealed", ContentFile(b"sealed"))
    export = SubjectAccess.objects.create(
        person=PersonFactory(), asked_by=UserFactory(role=Role.HUB_MANAGER), status="ready", file_name=name
    )
    SubjectAccess.objects.filter(pk=export.pk).update(asked_at=timezone.now() - datetime.timedelta(days=40))
    _apply()
    assert list(Delivery.objects.values_list("pk", flat=True)) == [recent.pk]
    export.refresh_from_db()
    assert (export.status, export.file_name, default_storage.exists(name)) == ("expired", "", False)


def _task(status: str, finished_days_ago: int | None) -> DBTaskResult:
    finished = None if finished_days_ago is None else timezone.now() - datetime.timedelta(days=finished_days_ago)
    return DBTaskResult.objects.create(
        task_path="livingwell.core.tasks.housekeeping",
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now() - datetime.timedelta(days=40),
        finished_at=finished,
        exception_class_path="",
        traceback="",
    )


def test_tasks_the_worker_finished_are_deleted_after_their_time_and_none_waiting_or_running() -> None:
    _task("SUCCESSFUL", 31)
    _task("FAILED", 31)
    kept = {_task("SUCCESSFUL", 29).pk, _task("READY", None).pk, _task("RUNNING", None).pk}
    _apply()
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == kept
    assert RetentionRun.objects.get().counts["django_tasks_database.dbtaskresult"] == 2


def test_each_run_is_logged_once_a_day(caplog) -> None:
    retention_housekeeping()
    retention_housekeeping()  # a second worker, or the next housekeeping, the same day
    assert DBTaskResult.objects.filter(task_path="livingwell.rights.retention.retention_apply").count() == 1
    with caplog.at_level("INFO", logger="livingwell.rights.retention"):
        assert _apply() == "Retention: nothing\n"
    run = RetentionRun.objects.get()
    assert (run.day, run.counts, run.finished_at is not None) == (timezone.localdate(), {}, True)
    assert "retention run" in caplog.text
    _known_since(YEARS_9)
    _apply()  # already run today: nothing more
    assert RetentionRun.objects.count() == 1
    assert not Person.objects.filter(erased_at__isnull=False).exists()


def test_the_commands_export_and_erase_one_person(tmp_path: Path) -> None:
    person = PersonFactory(preferred_name="Ash", email="ash@example.org")
    target = tmp_path / "ash.zip"
    call_command("subject_access", str(person.pk), "--to", str(target), stdout=StringIO())
    assert target.read_bytes().startswith(b"PK")
    with pytest.raises(CommandError, match="exists already"):
        call_command("subject_access", str(person.pk), "--to", str(target), stdout=StringIO())
    with pytest.raises(CommandError, match="UUID"):
        call_command("erase", "'; DROP TABLE people_person; --", "--confirmed")
    with pytest.raises(CommandError, match="--confirmed"):
        call_command("erase", str(person.pk))
    out = StringIO()
    call_command("erase", str(person.pk), "--confirmed", stdout=out)
    assert "people.person 1" in out.getvalue()
    with pytest.raises(CommandError, match="already been erased"):
        call_command("erase", str(person.pk), "--confirmed")
    assert Person.objects.get(pk=person.pk).email == ""
