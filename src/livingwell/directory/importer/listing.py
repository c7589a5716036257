"""One service and everything that hangs off it, upserted by id."""

import uuid
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from livingwell.core.models import Neighbourhood
from livingwell.directory.importer.common import Record, _Changes
from livingwell.directory.importer.records import IMPORT_NAMESPACE, LIVING_WELL, _extension, _extension_of, _values
from livingwell.directory.importer.writers import Writer
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
from livingwell.directory.taxonomy import (
    StandardList,
    StandardTerm,
    category_for,
    category_id,
    standard_list_of,
    terms_stood_for,
)


def _taxonomy_term(writer: Writer, record: Record, changes: _Changes) -> Any:
    standard = standard_list_of(str(record.get("term_uri") or ""))
    if standard is not None:
        return _standard_term(writer, record, *standard, changes)
    name = record.get("taxonomy") or "Imported"
    # Without an id, the taxonomy is known by its name, with an id made from it.
    taxonomy_id = record.get("taxonomy_id") or uuid.uuid5(IMPORT_NAMESPACE, f"taxonomy:{name}")
    taxonomy = writer.get(Taxonomy, taxonomy_id)
    if taxonomy is None:
        taxonomy = writer.upsert(Taxonomy, taxonomy_id, {"name": name, "description": name}, changes)
    values = _values(TaxonomyTerm, record, ["name", "description", "term_uri"])
    values["code"] = slugify(record.get("term") or record["name"])[:100] or str(record["id"])
    values["taxonomy"] = taxonomy
    return writer.upsert(TaxonomyTerm, record["id"], values, changes)


def _standard_term(writer: Writer, record: Record, standard: StandardList, identifier: str, changes: _Changes) -> Any:
    """A term of a published list, known by its address whatever id the feed gave it, so that every feed's
    "Walking" is the one term here (decision 0065). One already here is linked to, never changed."""
    term = StandardTerm(standard, identifier, str(record.get("name") or identifier)[:255])
    known = writer.get(TaxonomyTerm, term.id)
    return known if known is not None else writer.upsert(TaxonomyTerm, term.id, term.values(), changes)


def _known(writer: Writer, model: type[models.Model], pk: Any) -> Any:
    """A record the feed refers to by id alone, which must already be here."""
    instance = writer.get(model, pk)
    if instance is None:
        raise LookupError(f"{model._meta.verbose_name} {pk} is not known")
    return instance


def _ids(records: list[Record]) -> list[Any]:
    return [record["id"] for record in records]


def _phones(writer: Writer, records: list[Record], changes: _Changes, **owner: Any) -> list[Any]:
    for record in records:
        writer.upsert(Phone, record["id"], _values(Phone, record, ["number", "description"], **owner), changes)
    return _ids(records)


def _schedules(writer: Writer, records: list[Record], changes: _Changes, **owner: Any) -> list[Any]:
    fields = [
        "valid_from", "valid_to", "dtstart", "freq", "interval", "byday", "bymonthday", "opens_at", "closes_at",
        "description", "attending_type", "notes", "schedule_link",
    ]  # fmt: skip
    for record in records:
        writer.upsert(Schedule, record["id"], _values(Schedule, record, fields, **owner), changes)
    return _ids(records)


def _neighbourhood(slug: object) -> Neighbourhood | None:
    if slug in ("", None):
        return None
    neighbourhood = Neighbourhood.objects.filter(slug=str(slug)).first()
    if neighbourhood is None:
        raise LookupError(f"{LIVING_WELL}.neighbourhood: there is no neighbourhood {slug!r} here")
    return neighbourhood


def _location(writer: Writer, record: Record, changes: _Changes) -> Any:
    fields = [
        "location_type", "name", "description", "transportation", "latitude", "longitude", "external_identifier",
        "external_identifier_type",
    ]  # fmt: skip
    values = _values(Location, record, fields)
    extension = _extension_of(record)
    if "neighbourhood" in extension:
        values["neighbourhood"] = _neighbourhood(extension["neighbourhood"])
    location = writer.upsert(Location, record["id"], values, changes)
    address_fields = [
        "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country",
        "address_type",
    ]  # fmt: skip
    if "addresses" in record:
        for address in record["addresses"]:
            values = _values(Address, address, address_fields, location=location)
            writer.upsert(Address, address["id"], values, changes)
        writer.prune(Address, "location", location, _ids(record["addresses"]), changes)
    if "accessibility" in record:
        for entry in record["accessibility"]:
            values = _values(Accessibility, entry, ["description", "details", "url"], location=location)
            values["description"] = values.get("description") or entry.get("accessibility") or ""
            writer.upsert(Accessibility, entry["id"], values, changes)
        writer.prune(Accessibility, "location", location, _ids(record["accessibility"]), changes)
    if "phones" in record:
        kept = _phones(writer, record["phones"], changes, location=location)
        writer.prune(Phone, "location", location, kept, changes)
    return location


def _import_service(writer: Writer, record: Record) -> _Changes:
    changes = _Changes()
    organisation_record = record.get("organization") or {"id": record["organization_id"]}
    organisation = writer.get(Organization, organisation_record["id"])
    if "name" in organisation_record or organisation is None:
        organisation = writer.upsert(
            Organization,
            organisation_record["id"],
            _values(Organization, organisation_record, ["name", "description", "email", "website", "uri"])
            | _extension(Organization, organisation_record, ["kind"]),
            changes,
        )
    fields = [
        "name", "description", "url", "email", "status", "fees:fees_description", "accreditations",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert",
    ]  # fmt: skip
    values = _values(Service, record, fields, organization=organisation)
    values.update(_extension(Service, record, ["kind", "opportunity_type"]))
    if values.get("opportunity_type") and values.get("kind") != Service.Kind.OPPORTUNITY:
        raise ValidationError(f"{LIVING_WELL}.opportunity_type: only an opportunity has one (kind opportunity)")
    service = writer.upsert(Service, record["id"], values, changes)

    for key, sync in SERVICE_COLLECTIONS:
        # A collection the record leaves out (as list items do) is left as it is.
        if key in record:
            sync(writer, service, record[key], changes)
    return changes


def _sync_schedules(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    kept = _schedules(writer, records, changes, service=service, service_at_location=None)
    writer.prune(Schedule, "service", service, kept, changes)


def _sync_service_areas(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    for area in records:
        values = _values(ServiceArea, area, ["name", "extent", "extent_type", "uri", "service_area:description"])
        values["name"] = values.get("name") or values.get("description", "")[:255]
        writer.upsert(ServiceArea, area["id"], {**values, "service": service}, changes)
    writer.prune(ServiceArea, "service", service, _ids(records), changes)


def _sync_service_at_locations(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    # Pruned first: a new id for the same place would clash with the old row while it is still there.
    writer.prune(ServiceAtLocation, "service", service, _ids(records), changes)
    for item in records:
        if "location" in item:
            location = _location(writer, item["location"], changes)
        else:
            location = _known(writer, Location, item["location_id"])
        values = _values(ServiceAtLocation, item, ["description"], service=service, location=location)
        service_at_location = writer.upsert(ServiceAtLocation, item["id"], values, changes)
        if "schedules" in item:
            owner = {"service_at_location": service_at_location, "service": None}
            kept = _schedules(writer, item["schedules"], changes, **owner)
            writer.prune(Schedule, "service_at_location", service_at_location, kept, changes)


def _sync_languages(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    for language in records:
        values = _values(Language, language, ["name", "code", "note"], service=service)
        writer.upsert(Language, language["id"], values, changes)
    writer.prune(Language, "service", service, _ids(records), changes)


def _sync_cost_options(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    fields = ["option", "amount", "amount_description", "valid_from", "valid_to"]
    for cost in records:
        writer.upsert(CostOption, cost["id"], _values(CostOption, cost, fields, service=service), changes)
    writer.prune(CostOption, "service", service, _ids(records), changes)


def _sync_contacts(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    for record in records:
        values = _values(Contact, record, ["name", "title", "email"], service=service)
        contact = writer.upsert(Contact, record["id"], values, changes)
        if "phones" in record:
            writer.prune(
                Phone, "contact", contact, _phones(writer, record["phones"], changes, contact=contact), changes
            )
    writer.prune(Contact, "service", service, _ids(records), changes)


def _sync_phones(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    writer.prune(Phone, "service", service, _phones(writer, records, changes, service=service), changes)


def _sync_attributes(writer: Writer, service: Service, records: list[Record], changes: _Changes) -> None:
    links: dict[Any, tuple[Any, Any, str]] = {}  # by term: the attribute's id, the term, its link type
    categories: list[tuple[str, Any, str]] = []
    for attribute in records:
        if "taxonomy_term" in attribute:
            term = _taxonomy_term(writer, attribute["taxonomy_term"], changes)
        else:
            term = _known(writer, TaxonomyTerm, attribute["taxonomy_term_id"])
        links.setdefault(term.pk, (attribute["id"], term, attribute.get("link_type", "")))
        # A published list's term that stands for one of our categories puts the listing in that category too.
        code = category_for(term.pk, (attribute.get("taxonomy_term") or {}).get("term_uri"))
        if code:
            categories.append((code, attribute["id"], attribute.get("link_type", "")))
    for code, attribute_id, link_type in categories:
        category = writer.get(TaxonomyTerm, category_id(code))
        if category is not None and category.pk not in links:
            links[category.pk] = (uuid.uuid5(IMPORT_NAMESPACE, f"{attribute_id}:{code}"), category, link_type)
    # And the terms our categories stand for are not kept twice: they are given with the category (a Living
    # Well feed sends them so), so reading our own feed back changes nothing.
    for term_id in terms_stood_for(links):
        links.pop(term_id, None)
    writer.prune(Attribute, "service", service, [link[0] for link in links.values()], changes)  # first, as for places
    for attribute_id, term, link_type in links.values():
        values = {"service": service, "taxonomy_term": term, "link_type": link_type}
        writer.upsert(Attribute, attribute_id, values, changes)


SERVICE_COLLECTIONS: list[tuple[str, Callable[[Writer, Service, list[Record], _Changes], None]]] = [
    ("schedules", _sync_schedules),
    ("service_areas", _sync_service_areas),
    ("service_at_locations", _sync_service_at_locations),
    ("languages", _sync_languages),
    ("cost_options", _sync_cost_options),
    ("contacts", _sync_contacts),
    ("phones", _sync_phones),
    ("attributes", _sync_attributes),
]
