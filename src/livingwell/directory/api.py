"""The Open Referral UK 3.0 read API: public, CORS *, only published records."""

import functools
import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any
from uuid import UUID

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from livingwell.directory import oruk
from livingwell.directory.fulltext import fulltext_filter
from livingwell.directory.models import (
    Attribute,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from livingwell.directory.postcodes import bounding_box, postcode_normalise, postcode_point, within
from livingwell.directory.taxonomy import categories_standing_for

OPENAPI_PATH = Path(__file__).parent / "oruk" / "schema" / "openapi.json"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# ``minimal`` asks for every service on one call: this many at most a page.
MAX_MINIMAL_PER_PAGE = 10_000
# RFC 5545's days, as the opening times keep them, with their English names.
DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday",
        "SU": "Sunday"}  # fmt: skip
METRES_PER_MILE = 1609.344
View = Callable[..., HttpResponse]


def oruk_endpoint(view: View) -> View:
    """Answer GET and HEAD only, from anywhere (CORS *), with errors as JSON."""

    @require_safe
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = JsonResponse({"error": _("Not found")}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


class ListParameters(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)
    search = forms.CharField(max_length=200, required=False)
    taxonomy_term_id = forms.UUIDField(required=False)
    taxonomy_id = forms.UUIDField(required=False)
    modified_after = forms.DateTimeField(required=False)
    postcode = forms.CharField(max_length=20, required=False)
    proximity = forms.IntegerField(min_value=1, max_value=100_000, required=False)
    organization_id = forms.UUIDField(required=False)
    minimum_age = forms.IntegerField(min_value=0, max_value=150, required=False)
    maximum_age = forms.IntegerField(min_value=0, max_value=150, required=False)
    day = forms.CharField(max_length=10, required=False)
    start_time = forms.TimeField(required=False)
    end_time = forms.TimeField(required=False)

    def clean_day(self) -> str:
        """A day as RFC 5545 writes it (MO to SU), from that or its English name, in any case."""
        text = self.cleaned_data["day"].strip().upper()
        if not text:
            return ""
        code = text if text in DAYS else {name.upper(): key for key, name in DAYS.items()}.get(text)
        if code is None:
            raise forms.ValidationError(gettext_lazy("Give a day as MO, TU, WE, TH, FR, SA or SU, or its name."))
        return code

    def clean_postcode(self) -> str:
        text = self.cleaned_data["postcode"]
        if not text:
            return ""
        postcode = postcode_normalise(text)
        if postcode is None:
            raise forms.ValidationError(gettext_lazy("Enter a full UK postcode, like KM1 1AA."))
        return postcode

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("proximity") and not cleaned.get("postcode"):
            self.add_error("proximity", gettext_lazy("Give a postcode to measure the proximity from."))
        return cleaned


def _bad_request(form: forms.Form) -> JsonResponse:
    return JsonResponse(
        {
            "error": _("Some query parameters are not valid."),
            "fields": {name: [str(error) for error in errors] for name, errors in form.errors.items()},
        },
        status=400,
    )


def _page_of(items: QuerySet[Any] | list[Any], form: forms.Form, serialise: Callable[[Any], oruk.Json]) -> JsonResponse:
    page_number = form.cleaned_data["page"] or 1
    per_page = form.cleaned_data["per_page"] or DEFAULT_PER_PAGE
    total = items.count() if isinstance(items, QuerySet) else len(items)
    start = (page_number - 1) * per_page
    if start >= total:
        page: list[Any] = []
    elif isinstance(items, QuerySet):
        # The page's ids first, from the index alone, then only those rows: deep pages stay quick.
        ids = list(items.values_list("pk", flat=True)[start : start + per_page])
        by_id = {item.pk: item for item in items.filter(pk__in=ids)}
        page = [by_id[pk] for pk in ids]
    else:
        page = items[start : start + per_page]
    contents = [serialise(item) for item in page]
    return JsonResponse(oruk.page(contents, total_items=total, page_number=page_number, per_page=per_page))


def _services_matching(services: QuerySet[Service], form: ListParameters) -> QuerySet[Service]:
    data = form.cleaned_data
    if data["search"]:
        services = fulltext_filter(services, data["search"])
    # Exists rather than joins, so no row comes twice and no DISTINCT is needed.
    # A published list's term is also found through our categories that stand for it (decision 0065).
    if data["taxonomy_term_id"]:
        term_ids = [data["taxonomy_term_id"], *categories_standing_for(term_id=data["taxonomy_term_id"])]
        terms = Attribute.objects.filter(service=OuterRef("pk"), taxonomy_term_id__in=term_ids)
        services = services.filter(Exists(terms))
    if data["taxonomy_id"]:
        in_it = Q(taxonomy_term__taxonomy_id=data["taxonomy_id"])
        in_it |= Q(taxonomy_term_id__in=categories_standing_for(taxonomy_id=data["taxonomy_id"]))
        terms = Attribute.objects.filter(in_it, service=OuterRef("pk"))
        services = services.filter(Exists(terms))
    if data["modified_after"]:
        # Inclusive: a record changed at the very moment asked for is not missed by a feed reader who asks from
        # the last timestamp they saw.
        services = services.filter(last_modified__gte=data["modified_after"])
    if data["organization_id"]:
        services = services.filter(organization_id=data["organization_id"])
    # The UK profile's words: "a minimum age of at least" the value, "a maximum age equal to or below" it
    # (decision 0058); a service that gives no age is not one of them.
    if data["minimum_age"] is not None:
        services = services.filter(minimum_age__gte=data["minimum_age"])
    if data["maximum_age"] is not None:
        services = services.filter(maximum_age__lte=data["maximum_age"])
    times = _schedules_matching(data)
    if times is not None:
        own = times.filter(service=OuterRef("pk"))
        at_places = times.filter(service_at_location__service=OuterRef("pk"))
        services = services.filter(Exists(own) | Exists(at_places))
    return services


def _schedules_matching(data: dict[str, Any]) -> QuerySet[Schedule] | None:
    """Opening times on ``day``, opening at ``start_time`` or later and closing at ``end_time``
    or earlier, all in one schedule; None when none of them is asked for."""
    if not (data["day"] or data["start_time"] or data["end_time"]):
        return None
    schedules = Schedule.objects.all()
    if data["day"]:
        schedules = schedules.filter(byday__contains=data["day"])  # MO,TU or 2TH: the codes never overlap
    if data["start_time"]:
        schedules = schedules.filter(opens_at__gte=data["start_time"])
    if data["end_time"]:
        schedules = schedules.filter(closes_at__lte=data["end_time"])
    return schedules


@oruk_endpoint
def index(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {
            "version": oruk.HSDS_VERSION,
            "profile": oruk.PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("directory_api:openapi")),
        }
    )


# What the UK profile's OpenAPI describes that this API does not do (ndjson), left out of the copy it serves;
# and the parameters it does take, named on the paths that take them.
NOT_SERVED = ("format",)
TAKEN = {
    "/services": ("modified_after", "organization_id", "minimal", "full"),
    "/service_at_locations": ("modified_after", "organization_id"),
}
# The organisation endpoints, which the profile has schemas for and peers serve, but its OpenAPI has no path for.
ORGANISATION_PATHS = {
    "/organizations": {
        "get": {
            "summary": "Organisations with a published service",
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in ("search", "page", "per_page",
                                                                                   "modified_after")],
            "responses": {"200": {"description": "A page of organisations (organization_list.json)"}},
        }
    },
    "/organizations/{id}": {
        "get": {
            "summary": "An organisation with its published services",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}},
                {"$ref": "#/components/parameters/full_service"},
            ],
            "responses": {
                "200": {"description": "The organisation (organization.json)"},
                "404": {"description": "Not found"},
            },
        }
    },
}  # fmt: skip


@functools.cache
def openapi_served() -> bytes:
    """The UK profile's OpenAPI as this API answers it: every parameter named is one it takes (tested)."""
    document = json.loads(OPENAPI_PATH.read_text())
    parameters = document["components"]["parameters"]
    for name in NOT_SERVED:
        parameters.pop(name, None)
    for path, names in TAKEN.items():
        listed = document["paths"][path]["get"].setdefault("parameters", [])
        listed.extend({"$ref": f"#/components/parameters/{name}"} for name in names if name in parameters)
    document["paths"].update(ORGANISATION_PATHS)
    return json.dumps(document).encode()


@oruk_endpoint
def openapi(request: HttpRequest) -> HttpResponse:
    return HttpResponse(openapi_served(), content_type="application/json")


class ServiceListParameters(ListParameters):
    """/services also takes ``minimal`` (each service's id and last change alone, every one on one page where
    they fit) and ``full`` (each service as its own page gives it)."""

    minimal = forms.BooleanField(required=False)
    full = forms.BooleanField(required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_MINIMAL_PER_PAGE, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("minimal") and cleaned.get("full"):
            self.add_error("full", gettext_lazy("Ask for minimal or full, not both."))
        if not cleaned.get("minimal") and (cleaned.get("per_page") or 0) > MAX_PER_PAGE:
            self.add_error("per_page", gettext_lazy("Ask for %(most)s or fewer a page.") % {"most": MAX_PER_PAGE})
        return cleaned


@oruk_endpoint
def service_list(request: HttpRequest) -> HttpResponse:
    form = ServiceListParameters(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    services = _services_matching(Service.objects.published_by_us(), form)
    if form.cleaned_data["minimal"]:
        form.cleaned_data["per_page"] = form.cleaned_data["per_page"] or MAX_MINIMAL_PER_PAGE
        return _page_of(services.only("id", "last_modified"), form, oruk.service_minimal)
    if form.cleaned_data["full"]:
        return _page_of(oruk.services_with_everything(services), form, oruk.service)
    return _page_of(services.select_related("organization"), form, oruk.service_list_item)


@oruk_endpoint
def service_detail(request: HttpRequest, service_id: UUID) -> HttpResponse:
    item = oruk.services_with_everything(Service.objects.published_by_us()).filter(pk=service_id).first()
    if item is None:
        raise Http404
    return JsonResponse(oruk.service(item))


@oruk_endpoint
def service_at_location_list(request: HttpRequest) -> HttpResponse:
    form = ListParameters(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    matching = _services_matching(Service.objects.published_by_us(), form)
    service_at_locations = ServiceAtLocation.objects.filter(service__in=matching).select_related(
        "location", "service__organization"
    )
    postcode = form.cleaned_data["postcode"]
    if postcode:
        centre = postcode_point(postcode)
        if centre is None:
            return JsonResponse(
                {"error": _("We do not know where %(postcode)s is.") % {"postcode": postcode}}, status=404
            )
        # Proximity is in metres (ORUK); without it, the nearest come first, within 10 km.
        miles = (form.cleaned_data["proximity"] or 10_000) / METRES_PER_MILE
        south, north, west, east = bounding_box(centre, miles)
        in_box = service_at_locations.filter(
            location__latitude__range=(south, north), location__longitude__range=(west, east)
        )
        by_id = {item.pk: item for item in in_box}
        places = ((item.pk, item.location.latitude, item.location.longitude) for item in by_id.values())
        nearest = [by_id[key] for _distance, key in within(centre, miles, places)]
        return _page_of(nearest, form, oruk.service_at_location_list_item)
    return _page_of(service_at_locations.order_by("service__name", "id"), form, oruk.service_at_location_list_item)


@oruk_endpoint
def service_at_location_detail(request: HttpRequest, service_at_location_id: UUID) -> HttpResponse:
    service_at_location = ServiceAtLocation.objects.filter(
        pk=service_at_location_id, service__in=Service.objects.published_by_us()
    ).first()
    if service_at_location is None:
        raise Http404
    item = oruk.services_with_everything(Service.objects.filter(pk=service_at_location.service_id)).get()
    return JsonResponse(oruk.service(item))


def _organisations_shown() -> QuerySet[Organization]:
    """Organisations with a service the public sees: one whose listings are all hidden is not published."""
    return Organization.objects.filter(Exists(Service.objects.published_by_us().filter(organization=OuterRef("pk"))))


class OrganisationListParameters(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)
    search = forms.CharField(max_length=200, required=False)
    modified_after = forms.DateTimeField(required=False)


@oruk_endpoint
def organization_list(request: HttpRequest) -> HttpResponse:
    """Organisations, as Outpost and LocalGov Drupal's directories offer them (the profile's
    organization_list schema)."""
    form = OrganisationListParameters(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    organisations = _organisations_shown()
    if form.cleaned_data["search"]:
        organisations = organisations.filter(name__icontains=form.cleaned_data["search"])
    if form.cleaned_data["modified_after"]:
        organisations = organisations.filter(last_modified__gte=form.cleaned_data["modified_after"])
    return _page_of(organisations.order_by("name", "id"), form, oruk.organization)


class OrganisationParameters(forms.Form):
    full_service = forms.BooleanField(required=False)


@oruk_endpoint
def organization_detail(request: HttpRequest, organization_id: UUID) -> HttpResponse:
    """An organisation with its published services: each as in a list, or whole with ``full_service``."""
    form = OrganisationParameters(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    item = _organisations_shown().filter(pk=organization_id).first()
    if item is None:
        raise Http404
    services = Service.objects.published_by_us().filter(organization=item).order_by("name", "id")
    if form.cleaned_data["full_service"]:
        shown = [oruk.service(service) for service in oruk.services_with_everything(services)]
    else:
        shown = [oruk.service_list_item(service) for service in services.select_related("organization")]
    return JsonResponse({**oruk.organization(item), "services": shown})


@oruk_endpoint
def taxonomy_list(request: HttpRequest) -> HttpResponse:
    form = ListParameters(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    return _page_of(Taxonomy.objects.order_by("name", "id"), form, oruk.taxonomy)


@oruk_endpoint
def taxonomy_detail(request: HttpRequest, taxonomy_id: UUID) -> HttpResponse:
    item = Taxonomy.objects.prefetch_related("terms__taxonomy").filter(pk=taxonomy_id).first()
    if item is None:
        raise Http404
    return JsonResponse(oruk.taxonomy(item, with_terms=True))


@oruk_endpoint
def taxonomy_term_list(request: HttpRequest) -> HttpResponse:
    form = ListParameters(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    terms = TaxonomyTerm.objects.select_related("taxonomy").order_by("name", "id")
    if form.cleaned_data["taxonomy_id"]:
        terms = terms.filter(taxonomy_id=form.cleaned_data["taxonomy_id"])
    return _page_of(terms, form, oruk.taxonomy_term)


@oruk_endpoint
def taxonomy_term_detail(request: HttpRequest, taxonomy_term_id: UUID) -> HttpResponse:
    item = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=taxonomy_term_id).first()
    if item is None:
        raise Http404
    return JsonResponse(oruk.taxonomy_term(item))
