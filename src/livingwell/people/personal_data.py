"""What the people app holds about a person: their record and their consents to share (``core.personal_data``).
Erasing leaves the row, named "[erased]", so that what others keep about them (money, figures) still adds up."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.core.personal_data import ERASED, Held, fields_blank, held_as
from livingwell.people.models import Person, SharingConsent

MODELS = (Person, SharingConsent)
IDENTIFYING = (
    "date_of_birth",
    "nhs_number",
    "pronouns",
    "email",
    "phone",
    "address",
    "postcode",
    "contact_methods",
    "contact_notes",
    "access_needs",
    "phone_key",
    "email_key",
)


def held(person: Person) -> list[Held]:
    return [
        held_as(_("Your record"), Person.objects.filter(pk=person.pk), leave_out=("erased_at",)),
        held_as(_("Your consents to share with organisations"), person.sharing_consents.order_by("given_at")),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    consents, _by_model = person.sharing_consents.all().delete()
    people = Person.objects.filter(pk=person.pk)
    fields_blank(
        people, *IDENTIFYING, preferred_name=ERASED, erased_at=timezone.now(), consents_to_publish_stories=False
    )
    return [("people.person", 1), ("people.sharingconsent", consents)]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [Person.objects.filter(updated_at__gte=moment).values("pk")]
