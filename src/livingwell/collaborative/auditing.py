"""Auditing co-production records: they are about members, not people we support, so no person id."""

from django.db import models

from livingwell.audit.models import AuditEvent
from livingwell.audit.services import Actor, audit_event_record


def member_record_audit(
    actor: Actor, record: models.Model, detail: str = "", action: AuditEvent.Action = AuditEvent.Action.CHANGE
) -> None:
    """Record one read or change of a co-production record."""
    audit_event_record(actor=actor, action=action, record=record, person_id=None, detail=detail)
