"""Subject access: everything the platform holds about one person, from every app (``core.personal_data``),
as a readable document (HTML and PDF) and as JSON, in one zip file. The worker makes it; the Hub downloads it
once, after which it is deleted; each step is in the audit trail (decision 0052)."""

import datetime
import io
import json
import logging
import uuid
import zipfile
from pathlib import Path
from types import ModuleType

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.files import file_delete, file_keep, file_read
from livingwell.core.pdf import PdfUnavailable, pdf_from_html
from livingwell.core.personal_data import Held, personal_data_modules
from livingwell.core.refusals import Refused
from livingwell.people.models import Person
from livingwell.rights.models import SubjectAccess

log = logging.getLogger(__name__)
STYLES = Path(__file__).parent / "pdf_styles" / "subject_access.css"
DOCUMENT_STYLES = Path(__file__).parent / "pdf_styles" / "subject_access_document.css"
FOLDER = "subject-access"


# Their record first, and their account and who read their records last; the rest in the apps' order.
FIRST, LAST = (
    ("livingwell.people.personal_data",),
    ("livingwell.accounts.personal_data", "livingwell.audit.personal_data"),
)


def _place(module: ModuleType) -> int:
    return -1 if module.__name__ in FIRST else (LAST.index(module.__name__) + 1 if module.__name__ in LAST else 0)


def held_everywhere(person: Person) -> list[Held]:
    """What every app holds about ``person``, kind by kind: their record first, who read it last."""
    modules = sorted(personal_data_modules(), key=_place)
    return [held for module in modules for held in module.held(person)]


def document_make(person: Person, made_at: datetime.datetime) -> dict[str, bytes]:
    """The files of the export: the document as HTML and PDF, the same as JSON, and a note if the PDF could
    not be drawn on this server."""
    sections = held_everywhere(person)
    context = {
        "sections": sections,
        "made_at": made_at,
        "controller": settings.LW_CONTROLLER_NAME,
        "controller_address": settings.LW_CONTROLLER_ADDRESS,
        "dpo_email": settings.LW_DPO_EMAIL,
        "service_name": settings.LW_SERVICE_NAME,
        "styles": DOCUMENT_STYLES.read_text(),
    }
    html = render_to_string("rights/subject_access_document.html", context)
    data = {
        "controller": settings.LW_CONTROLLER_NAME,
        "made_at": made_at.isoformat(),
        "person_id": str(person.pk),
        "sections": [{"title": held.title, "records": held.rows} for held in sections],
    }
    files = {
        "subject-access.html": html.encode(),
        "subject-access.json": json.dumps(data, ensure_ascii=False, indent=2).encode(),
    }
    try:
        files["subject-access.pdf"] = pdf_from_html(html, STYLES)
    except PdfUnavailable:
        files["README.txt"] = b"The PDF could not be drawn on this server (Pango is missing): print the HTML.\n"
    return files


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def subject_access_ask(*, actor: User, person: Person) -> SubjectAccess:
    """Ask the worker to make a person's export. While one is being made or waits to be downloaded, asking
    again (a double click) gives that one."""
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        if locked.erased_at is not None:
            raise Refused(_("This record has been erased: there is nothing left to export."))
        waiting = SubjectAccess.Status.MAKING, SubjectAccess.Status.READY
        export = SubjectAccess.objects.filter(person=person, status__in=waiting).first()
        if export is not None:
            return export
        export = SubjectAccess.objects.create(person=person, asked_by=actor)
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.EXPORT,
            record=export,
            person_id=person.pk,
            detail="subject access asked",
        )
        transaction.on_commit(lambda: subject_access_make.enqueue(export_id=str(export.pk)))
    return export


@task()
def subject_access_make(*, export_id: str) -> None:
    """Make the export, seal it and keep it in file storage until it is downloaded."""
    export = SubjectAccess.objects.select_related("person", "asked_by").filter(pk=export_id).first()
    if export is None or export.status != SubjectAccess.Status.MAKING:
        return
    made_at = timezone.now()
    try:
        content = zip_of(document_make(export.person, made_at))
        name = file_keep(FOLDER, content)
    except Exception:
        SubjectAccess.objects.filter(pk=export.pk).update(status=SubjectAccess.Status.FAILED)
        log.exception("subject access export %s could not be made", export.pk)
        raise
    with transaction.atomic():
        SubjectAccess.objects.filter(pk=export.pk).update(
            status=SubjectAccess.Status.READY, made_at=made_at, file_name=name
        )
        audit_event_record(
            actor=export.asked_by,
            action=AuditEvent.Action.EXPORT,
            record=export,
            person_id=export.person_id,
            detail="subject access made",
        )


def subject_access_download(*, actor: User, export_id: uuid.UUID) -> bytes:
    """The export's zip, once: it is deleted as it is handed over, and the download is audited."""
    with transaction.atomic():
        export = SubjectAccess.objects.select_for_update().filter(pk=export_id).first()
        if export is None or export.status != SubjectAccess.Status.READY:
            raise Refused(_("This export has already been downloaded, or is not ready. Ask for a new one."))
        content = file_read(export.file_name)
        name = export.file_name
        export.status = SubjectAccess.Status.DOWNLOADED
        export.downloaded_at = timezone.now()
        export.downloaded_by = actor
        export.file_name = ""
        export.save(update_fields=["status", "downloaded_at", "downloaded_by", "file_name"])
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.EXPORT,
            record=export,
            person_id=export.person_id,
            detail="subject access downloaded",
        )
        transaction.on_commit(lambda: file_delete(name))
    return content


def exports_delete(exports: "list[SubjectAccess]", status: str) -> int:
    """Delete the files of exports not downloaded (erased, or kept too long), marking them ``status``."""
    for export in exports:
        file_delete(export.file_name)
    return SubjectAccess.objects.filter(pk__in=[export.pk for export in exports]).update(status=status, file_name="")
