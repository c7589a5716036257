"""Reads for the directory's public pages: each returns what a page needs, or raises Http404."""

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.http import Http404

from livingwell.directory.models import Service
from livingwell.directory.oruk import services_with_everything
from livingwell.directory.schedules import schedule_in_words
from livingwell.directory.services import listings_stale_before


def reportable_service_or_404(service_id: UUID) -> Service:
    """A published listing of ours: a neighbour's is reported to the neighbour, who keeps it (decision 0063)."""
    service = Service.objects.published_by_us().select_related("organization").filter(pk=service_id).first()
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
    service = services_with_everything(Service.objects.published()).filter(pk=service_id).first()
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
