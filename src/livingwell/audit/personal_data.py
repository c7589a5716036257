"""What the audit trail holds about a person: who read, exported or changed their records, and when
(``core.personal_data``). It is never erased: it holds no words and no details, only that something happened,
and an erasure adds the fact of itself to it."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.audit.models import AuditEvent
from livingwell.core.personal_data import Held, held_as

MODELS = (AuditEvent,)


def held(person: Any) -> list[Held]:
    events = AuditEvent.objects.filter(person_id=person.pk).order_by("at", "id")
    return [held_as(_("Who has read or changed your records"), events, leave_out=("person_id", "request_id"))]


def erase(person: Any) -> list[tuple[str, int]]:
    return []


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return []
