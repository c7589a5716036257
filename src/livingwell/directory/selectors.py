"""Reads for the directory's public pages: each returns what a page needs, or raises Http404."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Prefetch
from django.http import Http404

from livingwell.directory.models import Attribute, Contact, Service, ServiceAtLocation
from livingwell.directory.schedules import schedule_in_words
from livingwell.directory.services import listings_stale_before


def published_service_or_404(service_id: UUID) -> Service:
    service = Service.objects.published().select_related("organization").filter(pk=service_id).first()
    if service is None:
        raise Http404
    return service


@dataclass(frozen=True)
class ServicePage:
    service: Service
    opening_times: list[str]
    places: list[dict[str, Any]]  # each service at a location, with its opening times in words
    may_be_out_of_date: bool


def service_page(service_id: UUID) -> ServicePage:
    """A published listing with everything its page shows, in a fixed number of queries."""
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
    places = [
        {
            "service_at_location": service_at_location,
            "opening_times": [schedule_in_words(schedule) for schedule in service_at_location.schedules.all()],
        }
        for service_at_location in service.service_at_locations.all()
    ]
    return ServicePage(
        service=service,
        opening_times=[schedule_in_words(schedule) for schedule in service.schedules.all()],
        places=places,
        may_be_out_of_date=service.assured_date is None or service.assured_date < listings_stale_before(),
    )
