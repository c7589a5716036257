"""What this app holds about a person: the subject access exports made of their record (``core.personal_data``).
Erasing deletes any export not downloaded (``rights.erasure``); the rows say only when and by whom."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import Held, held_as
from livingwell.people.models import Person
from livingwell.rights.models import SubjectAccess

MODELS = (SubjectAccess,)


def held(person: Person) -> list[Held]:
    exports = SubjectAccess.objects.filter(person=person).order_by("asked_at")
    return [held_as(_("Exports of your records, like this one"), exports, leave_out=("file_name",))]


def erase(person: Person) -> list[tuple[str, int]]:
    return []


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return []
