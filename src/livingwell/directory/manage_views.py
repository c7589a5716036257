"""Provider editors keep their own organisations' listings true."""

from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core import plain_words
from livingwell.directory.access import access_service_to_edit, reports_for_editor, services_editable_by
from livingwell.directory.forms import ListingForm
from livingwell.directory.models import ListingChange, ListingReport
from livingwell.directory.services import (
    WORDED_FIELDS,
    listing_confirm_checked,
    listing_report_resolve,
    listing_update,
    listings_stale_before,
)


@require_safe
@role_required(Role.PROVIDER_EDITOR)
def listing_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    services = services_editable_by(request.user).select_related("organization").order_by("organization__name", "name")
    pending = set(
        ListingChange.objects.filter(service__in=services, status=ListingChange.Status.PENDING).values_list(
            "service_id", flat=True
        )
    )
    open_reports = reports_for_editor(request.user).filter(status=ListingReport.Status.OPEN).count()
    context = {
        "services": services,
        "pending": pending,
        "stale_before": listings_stale_before(),
        "open_reports": open_reports,
    }
    return render(request, "directory/manage/listing_list.html", context)


@require_http_methods(["GET", "POST"])
@role_required(Role.PROVIDER_EDITOR)
def listing_edit(request: AuthenticatedHttpRequest, service_id: UUID) -> HttpResponse:
    service = access_service_to_edit(request.user, service_id)
    form = ListingForm(request.POST if request.method == "POST" else None, instance=service)
    checking = "check_wording" in request.POST
    if request.method == "POST" and not checking and form.is_valid():
        change = listing_update(actor=request.user, service=service, values=form.cleaned_data)
        if change is not None:
            messages.success(request, _("Thank you. Your changes will go live once they have been reviewed."))
        else:
            messages.success(request, _("Your changes are live."))
        return redirect("directory:listing_list")
    # The wording as sent when they asked for it to be checked, else as it is now: suggestions, never a block.
    words = request.POST if checking else {field: getattr(service, field) for field in WORDED_FIELDS}
    context = {
        "form": form,
        "service": service,
        "review": settings.LW_DIRECTORY_REVIEW_CHANGES,
        "plain": plain_words.read_texts(*(str(words.get(field, "")) for field in WORDED_FIELDS)),
    }
    return render(request, "directory/manage/listing_edit.html", context)


@require_POST
@role_required(Role.PROVIDER_EDITOR)
def listing_confirm(request: AuthenticatedHttpRequest, service_id: UUID) -> HttpResponse:
    service = access_service_to_edit(request.user, service_id)
    listing_confirm_checked(actor=request.user, service=service)
    messages.success(request, _("Thank you for checking %(name)s.") % {"name": service.name})
    return redirect("directory:listing_list")


@require_safe
@role_required(Role.PROVIDER_EDITOR)
def report_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    reports = (
        reports_for_editor(request.user)
        .filter(status=ListingReport.Status.OPEN)
        .select_related("service")
        .order_by("created_at")
    )
    return render(request, "directory/manage/report_list.html", {"reports": reports})


@require_POST
@role_required(Role.PROVIDER_EDITOR)
def report_resolve(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    report = reports_for_editor(request.user).filter(pk=report_id).first()
    if report is None:
        raise Http404
    listing_report_resolve(actor=request.user, report=report)
    messages.success(request, _("Marked as dealt with."))
    return redirect("directory:report_list")
