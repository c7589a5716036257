"""Reading the audit trail."""

from uuid import UUID

from django.db.models import QuerySet

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent


def audit_events_filter(
    *,
    person: UUID | None = None,
    record_type: str = "",
    record_id: str = "",
    actor: User | None = None,
) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor").order_by("-at", "-id")
    if person is not None:
        events = events.filter(person_id=person)
    if record_type:
        events = events.filter(record_type=record_type)
    if record_id:
        events = events.filter(record_id=record_id)
    if actor is not None:
        events = events.filter(actor=actor)
    return events
