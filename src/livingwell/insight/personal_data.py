"""What the figures hold about a person: their wellbeing scores, kept apart to count how people's wellbeing
changes (``core.personal_data``). Erasing keeps them: numbers only, tied to a record that no longer names
anyone, in figures already reported."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import Held, held_as
from livingwell.insight.models import PersonWellbeing, WellbeingScore
from livingwell.people.models import Person

MODELS = (WellbeingScore, PersonWellbeing)


def held(person: Person) -> list[Held]:
    return [
        held_as(_("Your wellbeing scores, as counted in the figures"), WellbeingScore.objects.filter(person=person)),
        held_as(_("How your wellbeing changed, as counted"), PersonWellbeing.objects.filter(person=person)),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    return []


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return []
