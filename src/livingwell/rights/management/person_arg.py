"""The person a management command is about, from the id given on the command line."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from livingwell.people.models import Person


def person_from_argument(value: str) -> Person:
    try:
        person = Person.objects.filter(pk=value).first()
    except (ValidationError, ValueError) as bad:
        raise CommandError("A person's id is a UUID, as in the address of their record.") from bad
    if person is None:
        raise CommandError("There is no person record with that id.")
    return person
