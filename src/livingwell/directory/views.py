"""The public directory: search, and a page for each listing."""

import uuid
from uuid import UUID

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from livingwell.directory.forms import DirectorySearchForm, ListingReportForm
from livingwell.directory.models import Attribute, Contact, Service, ServiceAtLocation
from livingwell.directory.my_list import my_list_ids
from livingwell.directory.postcodes import postcode_point
from livingwell.directory.schedules import schedule_in_words
from livingwell.directory.search import DEFAULT_MILES, DirectoryQuery, directory_search
from livingwell.directory.services import listing_report_submit, listings_stale_before

RESULTS_PER_PAGE = 20


def _page_number(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = DirectorySearchForm(request.GET or None)
    form.is_valid()
    data = form.cleaned_data if form.is_bound else {}
    postcode = data.get("postcode", "")
    near = postcode_point(postcode) if postcode else None
    query = DirectoryQuery(
        text=data.get("q", ""),
        category=data.get("category", ""),
        kind=data.get("kind", ""),
        near=near,
        miles=float(data.get("miles") or DEFAULT_MILES),
        open_at=timezone.now() if data.get("open_now") else None,
        free=bool(data.get("free")),
        language=data.get("language", ""),
        access=tuple(data.get("access", ())),
    )
    results = directory_search(query, page_number=_page_number(request), per_page=RESULTS_PER_PAGE)
    context = {
        "form": form,
        "results": results,
        "unknown_postcode": postcode if postcode and near is None else "",
        "near_postcode": postcode if near is not None else "",
    }
    return render(request, "directory/search.html", context)


@require_safe
def service_detail(request: HttpRequest, service_id: UUID) -> HttpResponse:
    service = (
        Service.objects.published()
        .select_related("organization")
        .prefetch_related(
            "schedules",
            "cost_options",
            "languages",
            "phones",
            "service_areas",
            Prefetch("contacts", queryset=Contact.objects.prefetch_related("phones")),
            Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term")),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "schedules", "location__addresses", "location__accessibility", "location__phones"
                ),
            ),
        )
        .filter(pk=service_id)
        .first()
    )
    if service is None:
        raise Http404
    opening_times = [schedule_in_words(schedule) for schedule in service.schedules.all()]
    places = [
        {
            "service_at_location": service_at_location,
            "opening_times": [schedule_in_words(schedule) for schedule in service_at_location.schedules.all()],
        }
        for service_at_location in service.service_at_locations.all()
    ]
    stale_before = listings_stale_before()
    context = {
        "service": service,
        "opening_times": opening_times,
        "places": places,
        "may_be_out_of_date": service.assured_date is None or service.assured_date < stale_before,
        "in_my_list": str(service.pk) in my_list_ids(request.session),
    }
    return render(request, "directory/service_detail.html", context)


def _published_service(service_id: UUID) -> Service:
    service = Service.objects.published().select_related("organization").filter(pk=service_id).first()
    if service is None:
        raise Http404
    return service


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, service_id: UUID) -> HttpResponse:
    """Anyone may say a listing is wrong; it goes to the organisation's queue."""
    service = _published_service(service_id)
    if request.method == "POST":
        form = ListingReportForm(request.POST)
        if form.is_valid():
            listing_report_submit(
                service=service,
                message=form.cleaned_data["message"],
                submission_id=form.cleaned_data["submission_id"],
            )
            return redirect("directory:report_thanks", service_id=service.pk)
    else:
        form = ListingReportForm(initial={"submission_id": uuid.uuid4()})
    return render(request, "directory/report.html", {"form": form, "service": service})


@require_safe
def report_thanks(request: HttpRequest, service_id: UUID) -> HttpResponse:
    return render(request, "directory/report_thanks.html", {"service": _published_service(service_id)})
