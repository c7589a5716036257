"""Directory records as Open Referral UK 3.0 JSON.

Each function returns the object that the ORUK schema of the same name describes. Optional fields
that are empty are left out rather than sent as "" or null, which the schemas' formats would refuse.
"""

import uuid
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from typing import Any

from django.db.models import Prefetch, QuerySet

from livingwell.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from livingwell.directory.taxonomy import MAPPINGS, TAXONOMY_ID, StandardTerm

Json = dict[str, Any]
HSDS_VERSION = "3.0"
PROFILE_URL = "https://openreferraluk.org/"


def _value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _object(required: Json, optional: Json | None = None) -> Json:
    """Required fields always; optional ones only when they hold something."""
    result = {key: _value(value) for key, value in required.items()}
    for key, value in (optional or {}).items():
        if value is None or value == "" or value == []:
            continue
        result[key] = _value(value)
    return result


def taxonomy_term(term: TaxonomyTerm) -> Json:
    return _object(
        {"id": str(term.id), "name": term.name, "description": term.description},
        {
            "parent_id": str(term.parent_id) if term.parent_id else None,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy_id),
            "term_uri": term.term_uri,
            "term": term.code,
        },
    )


def taxonomy(item: Taxonomy, *, with_terms: bool = False) -> Json:
    optional: Json = {"uri": item.uri, "version": item.version}
    if with_terms:
        optional["taxonomy_terms"] = [taxonomy_term(term) for term in item.terms.all()]
    return _object({"id": str(item.id), "name": item.name, "description": item.description}, optional)


def organization(item: Organization) -> Json:
    return _object(
        {"id": str(item.id), "name": item.name, "description": item.description},
        {"email": item.email, "website": item.website, "uri": item.uri},
    )


def _attribute(item: Attribute) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "link_id": str(item.service_id),
            "taxonomy_term_id": str(item.taxonomy_term_id),
            "link_type": item.link_type,
            "taxonomy_term": taxonomy_term(item.taxonomy_term),
        },
    )


@cache
def _standard_term(term: StandardTerm) -> TaxonomyTerm:
    """A published list's term as ``default_taxonomy_ensure`` keeps it, without asking the database."""
    row = TaxonomyTerm(id=term.id, **term.values())
    row.taxonomy = Taxonomy(id=term.standard.id, name=term.standard.name)
    return row


def _attributes(item: Service) -> list[Json]:
    """A listing's own attributes, then the terms of the published lists that its categories stand for
    (decision 0065), each once, with an id made from the attribute's and the term's."""
    attributes = list(item.attributes.all())
    given = {attribute.taxonomy_term_id for attribute in attributes}
    result = [_attribute(attribute) for attribute in attributes]
    for attribute in attributes:
        term = attribute.taxonomy_term
        if term.taxonomy_id != TAXONOMY_ID:
            continue
        for standard in MAPPINGS.get(term.code, []):
            if standard.id in given:
                continue
            given.add(standard.id)
            derived = Attribute(
                id=uuid.uuid5(attribute.id, standard.term_uri),
                service_id=item.id,
                taxonomy_term=_standard_term(standard),
                link_type=attribute.link_type,
            )
            result.append(_attribute(derived))
    return result


def _phone(item: Phone) -> Json:
    return _object(
        {"id": str(item.id), "number": item.number},
        {"contact_id": str(item.contact_id) if item.contact_id else None, "description": item.description},
    )


def _address(item: Address) -> Json:
    return _object(
        {
            "id": str(item.id),
            "address_1": item.address_1,
            "city": item.city,
            "state_province": item.state_province,
            "postal_code": item.postal_code,
            "country": item.country,
            "address_type": item.address_type,
        },
        {
            "location_id": str(item.location_id),
            "attention": item.attention,
            "address_2": item.address_2,
            "region": item.region,
        },
    )


def _accessibility(item: Accessibility) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "location_id": str(item.location_id),
            "description": item.description,
            "details": item.details,
            "url": item.url,
        },
    )


def location(item: Location, *, full: bool = True) -> Json:
    optional: Json = {
        "name": item.name,
        "description": item.description,
        "transportation": item.transportation,
        "latitude": item.latitude,
        "longitude": item.longitude,
        "external_identifier": item.external_identifier,
        "external_identifier_type": item.external_identifier_type,
    }
    if full:
        optional["addresses"] = [_address(address) for address in item.addresses.all()]
        optional["accessibility"] = [_accessibility(entry) for entry in item.accessibility.all()]
        optional["phones"] = [_phone(phone) for phone in item.phones.all()]
    return _object({"id": str(item.id), "location_type": item.location_type}, optional)


def _schedule(item: Schedule) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "service_id": str(item.service_id) if item.service_id else None,
            "service_at_location_id": str(item.service_at_location_id) if item.service_at_location_id else None,
            "valid_from": item.valid_from,
            "valid_to": item.valid_to,
            "dtstart": item.dtstart,
            "freq": item.freq,
            "interval": item.interval if item.freq else None,
            "byday": item.byday,
            "bymonthday": item.bymonthday,
            "opens_at": item.opens_at,
            "closes_at": item.closes_at,
            "description": item.description,
            "attending_type": item.attending_type,
            "notes": item.notes,
            "schedule_link": item.schedule_link,
        },
    )


def _service_fields(item: Service) -> tuple[Json, Json]:
    required = {"id": str(item.id), "name": item.name, "status": item.status}
    optional = {
        "organization_id": str(item.organization_id),
        "description": item.description,
        "url": item.url,
        "email": item.email,
        "fees": item.fees_description,
        "accreditations": item.accreditations,
        "eligibility_description": item.eligibility_description,
        "minimum_age": item.minimum_age,
        "maximum_age": item.maximum_age,
        "assured_date": item.assured_date,
        "assurer_email": item.assurer_email,
        "alert": item.alert,
        "last_modified": item.last_modified,
    }
    return required, optional


def service_minimal(item: Service) -> Json:
    """A service as ``minimal`` asks: its id and when it last changed."""
    return {"id": str(item.id), "last_modified": _value(item.last_modified)}


def service_list_item(item: Service) -> Json:
    """A service with only its one-to-one fields and its organisation (compiled/service_list.json)."""
    required, optional = _service_fields(item)
    optional["organization"] = organization(item.organization)
    return _object(required, optional)


def _contact(item: Contact) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "service_id": str(item.service_id),
            "name": item.name,
            "title": item.title,
            "email": item.email,
            "phones": [_phone(phone) for phone in item.phones.all()],
        },
    )


def _service_at_location(item: ServiceAtLocation) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "service_id": str(item.service_id),
            "location_id": str(item.location_id),
            "description": item.description,
            "location": location(item.location),
            "schedules": [_schedule(schedule) for schedule in item.schedules.all()],
        },
    )


def _cost_option(item: CostOption) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "service_id": str(item.service_id),
            "option": item.option,
            "amount": item.amount,
            "amount_description": item.amount_description,
            "valid_from": item.valid_from,
            "valid_to": item.valid_to,
        },
    )


def _language(item: Language) -> Json:
    return _object(
        {"id": str(item.id)},
        {"service_id": str(item.service_id), "name": item.name, "code": item.code, "note": item.note},
    )


def _service_area(item: ServiceArea) -> Json:
    return _object(
        {"id": str(item.id)},
        {
            "service_id": str(item.service_id),
            "name": item.name,
            "service_area": item.description,
            "extent": item.extent,
            "extent_type": item.extent_type,
            "uri": item.uri,
        },
    )


def service(item: Service) -> Json:
    """A service with all its related records (compiled/service.json)."""
    required, optional = _service_fields(item)
    optional.update(
        {
            "organization": organization(item.organization),
            "schedules": [_schedule(schedule) for schedule in item.schedules.all()],
            "service_areas": [_service_area(area) for area in item.service_areas.all()],
            "service_at_locations": [_service_at_location(sal) for sal in item.service_at_locations.all()],
            "languages": [_language(language) for language in item.languages.all()],
            "cost_options": [_cost_option(cost) for cost in item.cost_options.all()],
            "contacts": [_contact(contact) for contact in item.contacts.all()],
            "phones": [_phone(phone) for phone in item.phones.all()],
            "attributes": _attributes(item),
        }
    )
    return _object(required, optional)


def service_at_location_list_item(item: ServiceAtLocation) -> Json:
    """A service at a location, one-to-one fields only (compiled/service_at_location_list.json)."""
    return _object(
        {"id": str(item.id)},
        {
            "service_id": str(item.service_id),
            "location_id": str(item.location_id),
            "location": location(item.location, full=False),
            "service": service_list_item(item.service),
        },
    )


def services_with_everything(services: QuerySet[Service]) -> QuerySet[Service]:
    """Prefetch what ``service`` needs, in a fixed number of queries."""
    return services.select_related("organization", "source").prefetch_related(
        "schedules",
        "service_areas",
        "languages",
        "cost_options",
        "phones",
        Prefetch("contacts", queryset=Contact.objects.prefetch_related("phones")),
        Prefetch("attributes", queryset=Attribute.objects.select_related("taxonomy_term__taxonomy")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                "schedules", "location__addresses", "location__accessibility", "location__phones"
            ),
        ),
    )


def page(items: Iterable[Json], *, total_items: int, page_number: int, per_page: int) -> Json:
    """The ORUK paging envelope."""
    contents = list(items)
    total_pages = max(1, -(-total_items // per_page))
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
