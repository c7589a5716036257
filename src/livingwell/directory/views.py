"""The public directory: search, and a page for each listing."""

import uuid
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.directory.forms import DirectorySearchForm, ListingReportForm
from livingwell.directory.my_list import my_list_ids
from livingwell.directory.postcodes import Point, postcode_point
from livingwell.directory.search import DEFAULT_MILES, DirectoryQuery, directory_search, location_summary
from livingwell.directory.selectors import reportable_service_or_404, service_page
from livingwell.directory.services import listing_report_submit

RESULTS_PER_PAGE = 20
MAP_LIMIT = 300


def _page_number(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


@dataclass
class _Search:
    form: DirectorySearchForm
    query: DirectoryQuery
    postcode: str


def _search_from(request: HttpRequest) -> _Search:
    """The search the visitor asked for, whatever they typed: bad parts are left out, with a message."""
    form = DirectorySearchForm(request.GET or None)
    form.is_valid()
    data = form.cleaned_data if form.is_bound else {}
    postcode = data.get("postcode", "")
    query = DirectoryQuery(
        text=data.get("q", ""),
        category=data.get("category", ""),
        kind=data.get("kind", ""),
        near=postcode_point(postcode) if postcode else None,
        miles=float(data.get("miles") or DEFAULT_MILES),
        open_at=timezone.now() if data.get("open_now") else None,
        free=bool(data.get("free")),
        language=data.get("language", ""),
        access=tuple(data.get("access", ())),
    )
    return _Search(form=form, query=query, postcode=postcode)


def _search_context(search: _Search) -> dict[str, object]:
    return {
        "form": search.form,
        "unknown_postcode": search.postcode if search.postcode and search.query.near is None else "",
        "near_postcode": search.postcode if search.query.near is not None else "",
    }


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    found = _search_from(request)
    results = directory_search(found.query, page_number=_page_number(request), per_page=RESULTS_PER_PAGE)
    return render(request, "directory/search.html", {**_search_context(found), "results": results})


@require_safe
def search_map(request: HttpRequest) -> HttpResponse:
    """The same search on a map. The list stays the accessible alternative, and the page says so."""
    found = _search_from(request)
    results = directory_search(found.query, page_number=1, per_page=MAP_LIMIT)
    # One marker for each place, listing everything there: markers on top of each other cannot be
    # told apart or pressed.
    places: dict[object, dict[str, Any]] = {}
    for result in results.results:
        for service_at_location in result.service.service_at_locations.all():
            location = service_at_location.location
            if location.latitude is None or location.longitude is None:
                continue
            place = places.setdefault(
                location.pk,
                {
                    "latitude": location.latitude,
                    "longitude": location.longitude,
                    "where": location_summary(location),
                    "listings": [],
                },
            )
            url = reverse("directory:service_detail", kwargs={"service_id": result.service.pk})
            place["listings"].append({"name": result.service.name, "url": url})
    centre = found.query.near or Point(*settings.LW_MAP_CENTRE)
    map_data = {
        "places": list(places.values()),
        "tiles": settings.LW_MAP_TILE_URL,
        "attribution": settings.LW_MAP_TILE_ATTRIBUTION,
        "imagePath": static("livingwell/leaflet/images/"),
        "centre": {"latitude": centre.latitude, "longitude": centre.longitude},
    }
    shown = sum(len(place["listings"]) for place in places.values())
    context = {**_search_context(found), "results": results, "map_data": map_data, "shown": shown}
    return render(request, "directory/map.html", context)


@require_safe
def service_detail(request: HttpRequest, service_id: UUID) -> HttpResponse:
    page = service_page(service_id)
    return render(
        request,
        "directory/service_detail.html",
        {
            "service": page.service,
            "opening_times": page.opening_times,
            "places": page.places,
            "may_be_out_of_date": page.may_be_out_of_date,
            "in_my_list": str(page.service.pk) in my_list_ids(request.session),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report(request: HttpRequest, service_id: UUID) -> HttpResponse:
    """Anyone may say a listing is wrong; it goes to the organisation's queue."""
    service = reportable_service_or_404(service_id)
    if request.method == "POST":
        form = ListingReportForm(request.POST)
        if form.is_valid():
            if over_limit(request, "listing_report"):
                return limited_response(request)
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
    return render(request, "directory/report_thanks.html", {"service": reportable_service_or_404(service_id)})
