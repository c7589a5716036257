"""What the safety net holds about a person: the words that raised a flag for the duty team, and how it was
handled (``core.personal_data``). Erasing clears the words and who wrote them; the fact of the flag, its kind,
when it was handled and by whom stay, as the clinical safety case needs (hazard H-001)."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import Held, fields_blank, held_as
from livingwell.people.models import Person
from livingwell.safety.models import RiskFlag

MODELS = (RiskFlag,)


def held(person: Person) -> list[Held]:
    return [held_as(_("Words that were checked by the duty team"), RiskFlag.objects.filter(person_id=person.pk))]


def erase(person: Person) -> list[tuple[str, int]]:
    flags = RiskFlag.objects.filter(person_id=person.pk)
    return [
        ("safety.riskflag", fields_blank(flags, "written", "phrases", "writer_name", "writer_contact", "handled_note"))
    ]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [RiskFlag.objects.filter(raised_at__gte=moment, person_id__isnull=False).values("person_id")]
