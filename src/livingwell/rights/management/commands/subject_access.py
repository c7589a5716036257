"""``manage.py subject_access PERSON_ID --to FILE``: a person's subject access export, made now, written as a
zip (HTML, PDF and JSON) to FILE, and audited. For a data protection officer working on the server; the Hub
manager's way is the person's rights page, through the worker."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.rights.management.person_arg import person_from_argument
from livingwell.rights.subject_access import document_make, zip_of


class Command(BaseCommand):
    help = "Write one person's subject access export (HTML, PDF and JSON, zipped) to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("person_id")
        parser.add_argument("--to", required=True, type=Path, help="the zip file to write (it must not exist)")

    def handle(self, *args: Any, **options: Any) -> None:
        person = person_from_argument(options["person_id"])
        target: Path = options["to"]
        if target.exists():
            raise CommandError(f"{target} exists already: name a new file.")
        target.write_bytes(zip_of(document_make(person, timezone.now())))
        audit_event_record(
            actor=None,
            action=AuditEvent.Action.EXPORT,
            record=person,
            person_id=person.pk,
            detail="subject access made by manage.py subject_access",
        )
        self.stdout.write(f"Wrote the subject access export to {target}")
