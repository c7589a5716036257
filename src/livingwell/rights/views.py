"""A person's rights, for the Hub manager: their subject access exports and the erasure of their record."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from livingwell.accounts.models import HUB_MANAGER_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.refusals import Refused, change_told
from livingwell.rights.access import (
    access_person_erase_for,
    access_rights_person_for,
    access_subject_access_ask_for,
    access_subject_access_download_for,
)
from livingwell.rights.forms import ErasureForm
from livingwell.rights.models import SubjectAccess


def _page(request: AuthenticatedHttpRequest, person_id: UUID, form: ErasureForm) -> HttpResponse:
    person, exports = access_rights_person_for(request.user, person_id)
    status = 400 if form.is_bound else 200
    return render(
        request, "rights/person_rights.html", {"person": person, "exports": exports, "form": form}, status=status
    )


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def person_rights(request: AuthenticatedHttpRequest, person_id: UUID) -> HttpResponse:
    return _page(request, person_id, ErasureForm())


@require_POST
@role_required(*HUB_MANAGER_ROLES)
def subject_access_ask(request: AuthenticatedHttpRequest, person_id: UUID) -> HttpResponse:
    try:
        export = access_subject_access_ask_for(request.user, person_id)
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        if export.status == SubjectAccess.Status.READY:
            messages.info(request, _("Their export is ready to download below. It can be downloaded once."))
        else:
            messages.success(
                request, _("Their export is being made. It takes a minute or two: refresh this page to download it.")
            )
    return redirect("rights:person_rights", person_id=person_id)


@require_POST
@role_required(*HUB_MANAGER_ROLES)
def subject_access_download(request: AuthenticatedHttpRequest, export_id: UUID) -> HttpResponse:
    person_id = SubjectAccess.objects.filter(pk=export_id).values_list("person_id", flat=True).first()
    try:
        content = access_subject_access_download_for(request.user, export_id)
    except Refused as refused:
        messages.error(request, str(refused))
        return redirect("rights:person_rights", person_id=person_id) if person_id else redirect("people:person_list")
    response = HttpResponse(content, content_type="application/zip")
    name = f"subject-access-{timezone.localdate().isoformat()}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@role_required(*HUB_MANAGER_ROLES)
def person_erase(request: AuthenticatedHttpRequest, person_id: UUID) -> HttpResponse:
    form = ErasureForm(request.POST)
    if not form.is_valid():
        return _page(request, person_id, form)
    change_told(
        request,
        lambda: (
            _("Their record has been erased: %(rows)s entries cleared. The audit trail keeps that it was done.")
            % {"rows": sum(access_person_erase_for(request.user, person_id).values())}
        ),
    )
    return redirect("rights:person_rights", person_id=person_id)
