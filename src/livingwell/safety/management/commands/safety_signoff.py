"""Record the Clinical Safety Officer's sign-off of a release (DCB0129).

    manage.py safety_signoff 0.2.0 --statement "Reviewed the hazard log and the safety case report for 0.2.0;
    the residual risk is acceptable."

The officer is the one the deployment names in LW_CLINICAL_SAFETY_OFFICER; a release is signed once.
"""

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError

from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.safety.models import ReleaseSignOff


def _this_release() -> str:
    try:
        return version("livingwell")
    except PackageNotFoundError:  # pragma: no cover - the project is always installed by ./lw
        return ""


class Command(BaseCommand):
    help = "Record the Clinical Safety Officer's sign-off of a release against the safety case."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("release", nargs="?", default="", help="the release signed (this one by default)")
        parser.add_argument("--statement", required=True, help="what the officer reviewed and concluded")

    def handle(self, *args: Any, release: str, statement: str, **options: Any) -> None:
        officer = settings.LW_CLINICAL_SAFETY_OFFICER.strip()
        if not officer:
            raise CommandError("Name the Clinical Safety Officer in LW_CLINICAL_SAFETY_OFFICER first.")
        release = release.strip() or _this_release()
        if not release or not statement.strip():
            raise CommandError("Give the release and a statement of what was reviewed and concluded.")
        try:
            signed = ReleaseSignOff.objects.create(release=release, officer=officer, statement=statement.strip())
        except IntegrityError as error:
            raise CommandError(f"Release {release} is already signed off.") from error
        audit_event_record(
            actor=None, action=AuditEvent.Action.CREATE, record=signed, person_id=None, detail=f"signed by {officer}"
        )
        self.stdout.write(f"Release {release} signed off by {officer}.")
