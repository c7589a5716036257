"""What the audit trail holds about a person: who read, exported or changed their records, and when
(``core.personal_data``). It is never erased: it holds no words and no details, only that something happened,
and an erasure adds the fact of itself to it."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.audit.models import ArchivedAuditEvent, AuditEvent
from livingwell.core.personal_data import Held, rows_of

MODELS = (AuditEvent, ArchivedAuditEvent)
LEFT_OUT = ("person_id", "request_id")


def held(person: Any) -> list[Held]:
    """Every event about the person, those of archived months (``audit/partitions.py``) first."""
    rows = [
        row
        for model in (ArchivedAuditEvent, AuditEvent)
        for row in rows_of(model.objects.filter(person_id=person.pk).order_by("at", "id"), leave_out=LEFT_OUT)
    ]
    return [Held(title=_("Who has read or changed your records"), rows=rows)]


def erase(person: Any) -> list[tuple[str, int]]:
    return []


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return []
