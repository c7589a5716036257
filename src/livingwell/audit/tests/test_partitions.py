"""On PostgreSQL the audit table is partitioned by month, made a year ahead, and old months are archived out
of it, still read for a subject access request and still append-only (decision 0056)."""

import datetime
import io
import uuid

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from livingwell.audit import partitions
from livingwell.audit.models import ArchivedAuditEvent, AuditEvent
from livingwell.audit.personal_data import held
from livingwell.audit.tests.factories import AuditEventFactory
from livingwell.core.months import month_of, months_earlier, months_later
from livingwell.people.tests.factories import PersonFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the audit table is partitioned on PostgreSQL"),
]


def _where(event: AuditEvent) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM audit_auditevent WHERE id = %s", [event.pk])
        (table,) = cursor.fetchone()
    return table


def _command() -> str:
    out = io.StringIO()
    call_command("audit_partitions", stdout=out)
    return out.getvalue()


def _months_ago(months: int) -> datetime.datetime:
    month = months_earlier(timezone.localdate(), months)
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time(12)), datetime.UTC)


def test_each_event_goes_to_its_month_and_the_months_are_ready_a_year_ahead() -> None:
    _command()
    assert partitions.partitioned(connection)
    with connection.cursor() as cursor:
        months = partitions.months_present(cursor)
    this_month = month_of(timezone.localdate())
    assert this_month in months
    assert months_later(this_month, partitions.AHEAD) in months
    event = AuditEventFactory()
    assert _where(event) == f"audit_partitions.{partitions.partition_name(this_month)}"


def test_an_event_with_no_month_ready_is_kept_and_moved_to_its_month_later(settings) -> None:
    settings.LW_AUDIT_ONLINE_MONTHS = 0
    long_ago = _months_ago(40)
    event = AuditEventFactory(at=long_ago)
    assert _where(event) == partitions.DEFAULT
    assert "audit_auditevent_y" in _command()
    assert _where(event) == f"audit_partitions.{partitions.partition_name(long_ago.date())}"
    assert AuditEvent.objects.get(pk=event.pk).at == long_ago


def test_old_months_are_archived_and_still_read_for_a_subject_access_request(settings) -> None:
    settings.LW_AUDIT_ONLINE_MONTHS = 24
    person = PersonFactory()
    old = AuditEventFactory(at=_months_ago(30), person_id=person.pk, detail="read long ago")
    recent = AuditEventFactory(at=_months_ago(1), person_id=person.pk, detail="read last month")
    AuditEventFactory(at=_months_ago(30), person_id=uuid.uuid4())  # someone else's
    output = _command()
    assert partitions.partition_name(old.at.date()) in output.split("Months archived:")[1]
    assert list(AuditEvent.objects.filter(person_id=person.pk)) == [recent]
    assert list(ArchivedAuditEvent.objects.filter(person_id=person.pk).values_list("id", flat=True)) == [old.pk]
    (section,) = held(person)
    assert [row["detail"] for row in section.rows] == ["read long ago", "read last month"]
    archived = f"{partitions.ARCHIVE}.{partitions.partition_name(old.at.date())}"
    for sql in (f"UPDATE {archived} SET detail = 'tampered'", f"DELETE FROM {archived}"):  # noqa: S608
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)


def test_nothing_is_archived_when_the_setting_says_never(settings) -> None:
    settings.LW_AUDIT_ONLINE_MONTHS = 0
    AuditEventFactory(at=_months_ago(30))
    assert "Months archived: none." in _command()


def _migrate(target: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_event_both_ways(settings) -> None:
    settings.LW_AUDIT_ONLINE_MONTHS = 24
    events = [AuditEventFactory(at=_months_ago(months)) for months in (30, 3, 0)]
    _command()  # the oldest archived
    try:
        _migrate([("audit", "0003_aggregate_reads")])
        assert not partitions.partitioned(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, at FROM audit_auditevent ORDER BY id")
            assert cursor.fetchall() == [(event.pk, event.at) for event in events]
    finally:
        _migrate([("audit", "0004_partitioned_by_month")])
    assert partitions.partitioned(connection)
    assert sorted(AuditEvent.objects.values_list("id", flat=True)) == [event.pk for event in events]
    assert AuditEventFactory().pk > events[-1].pk
