"""The audit trail can be added to, never changed or removed, by the application or the database."""

import pytest
from django.db import DatabaseError, connection, transaction

from livingwell.audit.models import AuditEvent, AuditTrailIsAppendOnly
from livingwell.audit.tests.factories import AuditEventFactory


@pytest.mark.django_db
def test_the_application_refuses_to_update_an_event() -> None:
    event = AuditEventFactory()
    event.detail = "tampered"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(detail="tampered")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.bulk_update([event], ["detail"])
    assert AuditEvent.objects.get(pk=event.pk).detail == ""


@pytest.mark.django_db
def test_the_application_refuses_to_delete_an_event() -> None:
    event = AuditEventFactory()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger is PostgreSQL's")
@pytest.mark.parametrize("sql", ["UPDATE audit_auditevent SET detail = 'tampered'", "DELETE FROM audit_auditevent"])
def test_postgresql_refuses_to_change_or_delete_events(sql: str) -> None:
    event = AuditEventFactory()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).detail == ""
