"""Writing to the audit trail. Only access functions and services call these."""

from collections.abc import Iterable
from uuid import UUID

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models

from livingwell.audit.models import AuditEvent
from livingwell.core.request_id import request_id_get

Actor = AbstractBaseUser | AnonymousUser | None


def _actor_id(actor: Actor) -> int | None:
    if actor is None or not actor.is_authenticated:
        return None
    return int(actor.pk)


def audit_event_record(
    *,
    actor: Actor,
    action: AuditEvent.Action,
    record: models.Model,
    person_id: UUID | None,
    detail: str = "",
) -> AuditEvent:
    """Record one event about one record."""
    return AuditEvent.objects.create(
        actor_id=_actor_id(actor),
        action=action,
        record_type=record._meta.label_lower,
        record_id=str(record.pk),
        person_id=person_id,
        request_id=request_id_get(),
        detail=detail[:500],
    )


def audit_aggregate_record(*, actor: Actor, what: str, period: str, detail: str = "") -> AuditEvent:
    """Record that ``actor`` read (or downloaded) figures that name nobody: ``what`` they were (for example
    ``insight.figures``) and for which ``period``."""
    return AuditEvent.objects.create(
        actor_id=_actor_id(actor),
        action=AuditEvent.Action.AGGREGATE,
        record_type=what[:100],
        record_id=period[:64],
        person_id=None,
        request_id=request_id_get(),
        detail=detail[:500],
    )


def audit_reads_record(*, actor: Actor, records: Iterable[models.Model], person_id_of: str | None = "pk") -> None:
    """Record one read event for each record shown, in a single query. ``person_id_of`` names the attribute
    holding the person record's id; None for records about someone who is not a person we support."""
    request_id = request_id_get()
    actor_id = _actor_id(actor)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor_id=actor_id,
            action=AuditEvent.Action.READ,
            record_type=record._meta.label_lower,
            record_id=str(record.pk),
            person_id=getattr(record, person_id_of) if person_id_of else None,
            request_id=request_id,
        )
        for record in records
    )
