"""Import Open Referral UK data: a JSON feed (paged, from a URL or a file) or a CSV datapackage.

Every service is checked against the ORUK schema, then upserted by id with everything that hangs off
it, a batch at a time, or one record at a time in its own savepoint when the database refuses a batch.
A bad record is reported with the reason and skipped; the good ones are imported
(docs/decisions/0008-importing.md). Importing the same data again changes nothing.
"""

import csv
import functools
import json
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastjsonschema
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from jsonschema import Draft202012Validator, FormatChecker

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
from livingwell.directory.tasks import fulltext_tidy_task

SCHEMAS = Path(__file__).parent / "oruk" / "schema"
IMPORT_NAMESPACE = uuid.UUID("3c1d6a8e-52b4-4c7e-9d0a-6e2f1b7c8d90")
Record = dict[str, Any]


@dataclass
class ImportProblem:
    record: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


class _Changes:
    """Counts whether anything about one service was created or changed."""

    def __init__(self) -> None:
        self.created = False
        self.changed = False


class _ServiceSchema:
    """The ORUK service schema. A compiled check passes good records quickly; a record it fails is
    checked again by jsonschema, whose reasons people can read, and only a failure there counts."""

    def __init__(self) -> None:
        schema = json.loads((SCHEMAS / "compiled" / "service.json").read_text())
        self.quick = fastjsonschema.compile(schema, formats={"csv": lambda _value: True})
        self.exact = Draft202012Validator(schema, format_checker=FormatChecker())

    def problem(self, record: Record) -> str | None:
        try:
            self.quick(record)
        except fastjsonschema.JsonSchemaException:
            errors = sorted(self.exact.iter_errors(record), key=lambda error: list(error.path))
            if errors:
                where = ".".join(str(part) for part in errors[0].path) or "the record"
                return f"{where}: {errors[0].message}"
        return None


@functools.cache
def _service_schema() -> _ServiceSchema:
    return _ServiceSchema()  # compiled once: compiling takes a while


# While a batch is imported, each record's values as worked out by the first pass, for the second.
_batch_values: ContextVar[dict[tuple[Any, ...], dict[str, Any]] | None] = ContextVar("_batch_values", default=None)


def _values(model: type[models.Model], record: Record, fields: Iterable[str], **extra: Any) -> dict[str, Any]:
    """Take ``fields`` from ``record`` and turn each into the Python value its model field holds."""
    memo = _batch_values.get()
    fields = tuple(fields)
    key = (model, id(record), fields)
    if memo is not None and key in memo:
        values = dict(memo[key])
    else:
        values = _converted(model, record, fields)
        if memo is not None:
            memo[key] = dict(values)
    values.update(extra)
    return values


def _converted(model: type[models.Model], record: Record, fields: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in fields:
        source, _, target = name.partition(":")
        target = target or source
        if source not in record:
            continue
        model_field = model._meta.get_field(target)
        if not isinstance(model_field, models.Field):
            raise TypeError(f"{target} is not a field of {model.__name__}")
        value = record[source]
        if value in (None, "") and (model_field.null or model_field.blank):
            value = None if model_field.null else ""
        try:
            value = model_field.to_python(value)
            if value not in model_field.empty_values:
                # Lengths, addresses and ranges are checked here, the same on every database.
                model_field.run_validators(value)
        except ValidationError as error:
            raise ValidationError(f"{source}: {'; '.join(error.messages)}") from error
        values[target] = value
    return values


def _comparable(value: object) -> object:
    return value.pk if isinstance(value, models.Model) else value


def _differences(instance: models.Model, values: dict[str, Any]) -> list[str]:
    """The names in ``values`` whose value differs from ``instance``'s (foreign keys by id)."""
    return [
        name
        for name, value in values.items()
        if getattr(instance, name if not hasattr(instance, f"{name}_id") else f"{name}_id") != _comparable(value)
    ]


def _pk(model: type[models.Model], pk: Any) -> Any:
    """An id from a feed as the model holds it (a UUID from its text)."""
    if isinstance(pk, str):
        return _pk_from_text(model, pk)  # each id is looked up several times in a batch
    return model._meta.pk.to_python(pk)  # type: ignore[union-attr]


@functools.lru_cache(maxsize=16_384)
def _pk_from_text(model: type[models.Model], pk: str) -> Any:
    return model._meta.pk.to_python(pk)  # type: ignore[union-attr]


def _has_last_modified(model: type[models.Model]) -> bool:
    return any(f.name == "last_modified" for f in model._meta.fields)


class _OneByOne:
    """Writes each record as it is read, each in its own savepoint: slower, and always exact."""

    def get(self, model: type[models.Model], pk: Any) -> Any:
        return model._default_manager.filter(pk=pk).first()

    def upsert(self, model: type[models.Model], pk: Any, values: dict[str, Any], changes: _Changes) -> Any:
        instance = self.get(model, pk)
        if instance is None:
            changes.created = True
            return model._default_manager.create(pk=pk, **values)
        changed = _differences(instance, values)
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            instance.save(update_fields=[*changed, *(["last_modified"] if _has_last_modified(model) else [])])
            changes.changed = True
        return instance

    def prune(
        self, model: type[models.Model], owner_field: str, owner: models.Model, keep: Iterable[Any], changes: _Changes
    ) -> None:
        """Remove the owner's records the feed no longer has."""
        deleted, _by_model = model._default_manager.filter(**{owner_field: owner}).exclude(pk__in=list(keep)).delete()
        if deleted:
            changes.changed = True


@dataclass(frozen=True)
class _Stub:
    pk: Any


class _Collect:
    """The first pass over a batch: notes which rows it touches, so they can be read in a few queries."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.owners: dict[tuple[type[models.Model], str], set[Any]] = defaultdict(set)

    def get(self, model: type[models.Model], pk: Any) -> Any:
        pk = _pk(model, pk)
        self.wanted[model].add(pk)
        return _Stub(pk)  # all the first pass needs of a row is its id

    def upsert(self, model: type[models.Model], pk: Any, values: dict[str, Any], changes: _Changes) -> Any:
        return self.get(model, pk)

    def prune(
        self, model: type[models.Model], owner_field: str, owner: models.Model, keep: Iterable[Any], changes: _Changes
    ) -> None:
        self.owners[(model, owner_field)].add(owner.pk)


class _OneByOneInstead(Exception):
    """A batch does something only the one-by-one writer gets exactly right."""


# Parents before children, so rows can be created in this order.
WRITE_ORDER: list[type[models.Model]] = [
    Organization, Taxonomy, TaxonomyTerm, Location, Address, Accessibility, Service, ServiceAtLocation, Schedule,
    ServiceArea, Language, CostOption, Contact, Phone, Attribute,
]  # fmt: skip


class _Batch:
    """The second pass: the same upserts and prunes, against rows read up front, written in bulk at the end."""

    def __init__(self, collected: _Collect) -> None:
        self.rows: dict[type[models.Model], dict[Any, Any]] = {
            model: {row.pk: row for row in model._default_manager.filter(pk__among=pks)}
            for model, pks in collected.wanted.items()
        }
        self.owned: dict[tuple[type[models.Model], str], dict[Any, set[Any]]] = {}
        for (model, owner_field), owners in collected.owners.items():
            attname = model._meta.get_field(owner_field).attname  # type: ignore[union-attr]
            by_owner: dict[Any, set[Any]] = defaultdict(set)
            for pk, owner in model._default_manager.filter(**{f"{attname}__among": owners}).values_list("pk", attname):
                by_owner[owner].add(pk)
            self.owned[(model, owner_field)] = by_owner
        self.new: dict[type[models.Model], dict[Any, Any]] = defaultdict(dict)
        self.changed: dict[type[models.Model], dict[Any, set[str]]] = defaultdict(dict)
        self.deleted: dict[type[models.Model], set[Any]] = defaultdict(set)

    def get(self, model: type[models.Model], pk: Any) -> Any:
        return self.rows.get(model, {}).get(_pk(model, pk))

    def upsert(self, model: type[models.Model], pk: Any, values: dict[str, Any], changes: _Changes) -> Any:
        pk = _pk(model, pk)
        if pk in self.deleted[model]:
            raise _OneByOneInstead
        rows = self.rows.setdefault(model, {})
        instance = rows.get(pk)
        if instance is None:
            instance = rows[pk] = self.new[model][pk] = _new(model, pk, values)
            changes.created = True
        else:
            changed = _differences(instance, values)
            if changed:
                for name in changed:
                    setattr(instance, name, values[name])
                if pk not in self.new[model]:
                    self.changed[model].setdefault(pk, set()).update(changed)
                changes.changed = True
        for (owned_model, owner_field), by_owner in self.owned.items():
            if owned_model is model and owner_field in values:
                by_owner[_comparable(values[owner_field])].add(pk)
        return instance

    def prune(
        self, model: type[models.Model], owner_field: str, owner: models.Model, keep: Iterable[Any], changes: _Changes
    ) -> None:
        attname = model._meta.get_field(owner_field).attname  # type: ignore[union-attr]
        kept = {_pk(model, pk) for pk in keep}
        for pk in self.owned[(model, owner_field)][owner.pk] - kept - self.deleted[model]:
            instance = self.rows.get(model, {}).get(pk)
            if instance is not None and getattr(instance, attname) != owner.pk:
                continue  # moved to another owner since
            changes.changed = True
            if self.new[model].pop(pk, None) is None:
                self.deleted[model].add(pk)
            self.rows.get(model, {}).pop(pk, None)

    def write(self) -> None:
        now = timezone.now()
        for model in reversed(WRITE_ORDER):
            if self.deleted[model]:
                model._default_manager.filter(pk__in=self.deleted[model]).delete()
        for model in WRITE_ORDER:
            _insert(model, list(self.new[model].values()))
            by_fields: dict[tuple[str, ...], list[Any]] = defaultdict(list)
            for pk, names in self.changed[model].items():
                instance = self.rows[model][pk]
                if _has_last_modified(model):
                    instance.last_modified = now
                    names = names | {"last_modified"}
                by_fields[tuple(sorted(names))].append(instance)
            for fields, instances in by_fields.items():
                model._default_manager.bulk_update(instances, list(fields), batch_size=500)


def _new(model: type[models.Model], pk: Any, values: dict[str, Any]) -> models.Model:
    """``model(pk=pk, **values)``, through Django's quicker path of one value per column in order."""
    args = []
    used = 0
    for model_field in model._meta.concrete_fields:
        if model_field.primary_key:
            args.append(pk)
        elif model_field.name in values:
            args.append(_comparable(values[model_field.name]))
            used += 1
        else:
            args.append(model_field.get_default())
    if used != len(values):
        raise TypeError(f"{sorted(values)} are not all columns of {model.__name__}")
    return model(*args)


# SQLite allows 32,766 parameters to a statement (since 3.32).
SQLITE_MAX_PARAMETERS = 32_766


def _insert(model: type[models.Model], instances: list[models.Model]) -> None:
    """Insert new rows as ``bulk_create`` would, without building SQL value by value.

    Each row is a tuple of values prepared by their fields, as Django prepares them; PostgreSQL takes
    them through COPY, SQLite in statements of many rows each. Triggers and generated columns (the
    full-text index) work as for any insert.
    """
    if not instances:
        return
    database = transaction.get_connection()  # the connection itself, not the per-thread proxy
    fields = model._meta.concrete_fields
    # Only fields that set their own value on saving (auto_now) need pre_save.
    automatic = [getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) for field in fields]
    rows = [
        tuple(
            field.get_db_prep_save(
                field.pre_save(instance, True) if auto else getattr(instance, field.attname), database
            )
            for field, auto in zip(fields, automatic, strict=True)
        )
        for instance in instances
    ]
    quote = database.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(str(field.column)) for field in fields)
    with database.cursor() as cursor:
        if database.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            # Many rows to a statement: SQLite's full-text index does part of its upkeep once per
            # statement, so a statement per row takes twice as long.
            placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
            size = max(1, min(500, SQLITE_MAX_PARAMETERS // len(fields)))
            for start in range(0, len(rows), size):
                chunk = rows[start : start + size]
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholders] * len(chunk))}",  # noqa: S608
                    [value for row in chunk for value in row],
                )
    for instance in instances:
        instance._state.adding = False
        instance._state.db = database.alias


Writer = _OneByOne | _Collect | _Batch


def _taxonomy_term(writer: Writer, record: Record, changes: _Changes) -> Any:
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


def _location(writer: Writer, record: Record, changes: _Changes) -> Any:
    fields = [
        "location_type", "name", "description", "transportation", "latitude", "longitude", "external_identifier",
        "external_identifier_type",
    ]  # fmt: skip
    location = writer.upsert(Location, record["id"], _values(Location, record, fields), changes)
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
            _values(Organization, organisation_record, ["name", "description", "email", "website", "uri"]),
            changes,
        )
    fields = [
        "name", "description", "url", "email", "status", "fees:fees_description", "accreditations",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert",
    ]  # fmt: skip
    values = _values(Service, record, fields, organization=organisation)
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
    writer.prune(ServiceAtLocation, "service", service, _ids(records), changes)


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
    for attribute in records:
        if "taxonomy_term" in attribute:
            term = _taxonomy_term(writer, attribute["taxonomy_term"], changes)
        else:
            term = _known(writer, TaxonomyTerm, attribute["taxonomy_term_id"])
        values = {"service": service, "taxonomy_term": term, "link_type": attribute.get("link_type", "")}
        writer.upsert(Attribute, attribute["id"], values, changes)
    writer.prune(Attribute, "service", service, _ids(records), changes)


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

RECORD_ERRORS = (DatabaseError, ValidationError, ValueError, KeyError, TypeError, LookupError)
BATCH_SIZE = 500


def _count(report: ImportReport, changes: _Changes) -> None:
    if changes.created:
        report.created += 1
    elif changes.changed:
        report.updated += 1
    else:
        report.unchanged += 1


def _one_by_one(report: ImportReport, batch: list[tuple[str, Record]]) -> None:
    writer = _OneByOne()
    for label, record in batch:
        try:
            with transaction.atomic():
                changes = _import_service(writer, record)
        except RECORD_ERRORS as error:
            report.problems.append(ImportProblem(label, _reason(error)))
            continue
        _count(report, changes)


def _import_batch(report: ImportReport, batch: list[tuple[str, Record]]) -> None:
    """Import a batch of valid records in a few queries; if the database objects, one by one instead.

    A first pass finds the bad records and which rows the rest touch; those rows are read at once; a
    second pass works out every change in memory; the changes are written in bulk, all or nothing.
    """
    token = _batch_values.set({})
    try:
        _import_batch_twice(report, batch)
    finally:
        _batch_values.reset(token)


def _import_batch_twice(report: ImportReport, batch: list[tuple[str, Record]]) -> None:
    collected = _Collect()
    good = []
    for label, record in batch:
        try:
            _import_service(collected, record)
        except RECORD_ERRORS as error:
            report.problems.append(ImportProblem(label, _reason(error)))
            continue
        good.append((label, record))
    service_ids = [str(record["id"]) for _label, record in good]
    if len(set(service_ids)) < len(service_ids):
        _one_by_one(report, good)  # the same service twice: the later one must see the earlier one
        return
    try:
        with transaction.atomic():
            writer = _Batch(collected)
            counted = [_import_service(writer, record) for _label, record in good]
            writer.write()
    except (_OneByOneInstead, *RECORD_ERRORS):
        _one_by_one(report, good)  # each record in its own savepoint, to find and report the one at fault
        return
    for changes in counted:
        _count(report, changes)


def import_services(records: Iterable[tuple[str, Record]]) -> ImportReport:
    """Import (label, service) pairs; the label names the record in the report."""
    report = ImportReport()
    schema = _service_schema()
    batch: list[tuple[str, Record]] = []
    for label, record in records:
        problem = schema.problem(record)
        if problem is not None:
            report.problems.append(ImportProblem(label, problem))
            continue
        batch.append((label, record))
        if len(batch) == BATCH_SIZE:
            _import_batch(report, batch)
            batch = []
    if batch:
        _import_batch(report, batch)
    if (report.created or report.updated) and connection.vendor == "sqlite":
        # Imported rows are searchable at once; merging the index keeps "which of these match?" quick.
        fulltext_tidy_task.enqueue()
    return report


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, KeyError):
        return f"missing {error.args[0]}"
    return str(error).splitlines()[0][:300] or error.__class__.__name__


# JSON ------------------------------------------------------------------------------------------------


def _services_in(document: Any) -> Iterator[Record]:
    if isinstance(document, list):
        for item in document:
            yield from _services_in(item)
    elif isinstance(document, dict) and "contents" in document:
        yield from _services_in(document["contents"])
    elif isinstance(document, dict) and "services" in document and "status" not in document:
        # An organisation with its services.
        organisation = {key: value for key, value in document.items() if key != "services"}
        for service in document["services"]:
            yield {"organization": organisation, **service}
    elif isinstance(document, dict) and "service" in document and "location" in document:
        # A service at a location, as /service_at_locations/{id} once returned it.
        yield {
            **document["service"],
            "service_at_locations": [{"id": document["id"], "location": document["location"]}],
        }
    elif isinstance(document, dict):
        yield document
    else:
        raise ValueError("not an Open Referral UK document")


def import_json_file(path: Path) -> ImportReport:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        services = list(_services_in(document))
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as error:
        return ImportReport(problems=[ImportProblem(path.name, f"not valid JSON: {error}")])
    return import_services((f"{path.name} service {s.get('id', index + 1)}", s) for index, s in enumerate(services))


Fetch = Callable[[str], Any]


def _fetch_json(url: str) -> Any:
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError("only http and https addresses can be imported")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - scheme checked
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - scheme checked
        return json.loads(response.read().decode("utf-8"))


def import_json_feed(base_url: str, *, per_page: int = 50, fetch: Fetch = _fetch_json) -> ImportReport:
    """Import every service from an ORUK API: page through /services, then fetch each in full."""
    base = base_url.rstrip("/")
    report = ImportReport()
    page = 1
    while True:
        try:
            listing = fetch(f"{base}/services?page={page}&per_page={per_page}")
        except (OSError, ValueError) as error:
            report.problems.append(ImportProblem(f"{base}/services page {page}", f"could not be read: {error}"))
            return report
        records = []
        for item in listing.get("contents", []):
            url = f"{base}/services/{item['id']}"
            try:
                records.append((url, fetch(url)))
            except (OSError, ValueError) as error:
                report.problems.append(ImportProblem(url, f"could not be read: {error}"))
        page_report = import_services(records)
        report.created += page_report.created
        report.updated += page_report.updated
        report.unchanged += page_report.unchanged
        report.problems += page_report.problems
        if listing.get("last_page", True) or not listing.get("contents"):
            return report
        page += 1


# CSV datapackage -----------------------------------------------------------------------------------------


def _rows(folder: Path, *names: str) -> list[tuple[str, int, Record]]:
    """Rows of the first of ``names`` that exists, with empty cells dropped."""
    for name in names:
        path = folder / name
        if path.exists():
            with path.open(newline="", encoding="utf-8-sig") as handle:
                return [
                    (name, number, {key: value for key, value in row.items() if key and value not in (None, "")})
                    for number, row in enumerate(csv.DictReader(handle), start=2)
                ]
    return []


def _numbers(record: Record, *names: str) -> Record:
    for name in names:
        if name in record:
            try:
                number = float(record[name])
            except ValueError:
                continue
            record[name] = int(number) if number.is_integer() and name not in {"latitude", "longitude"} else number
    return record


def import_csv_datapackage(folder: Path) -> ImportReport:
    """Join the datapackage's tables into ORUK services, then import them like JSON."""
    by: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))

    def group(rows: list[tuple[str, int, Record]], key: str, table: str) -> None:
        for _name, _number, row in rows:
            if key in row:
                by[table][row[key]].append(row)

    organisations = {row["id"]: row for _n, _num, row in _rows(folder, "organizations.csv") if "id" in row}
    locations = {
        row["id"]: _numbers(row, "latitude", "longitude")
        for _n, _num, row in _rows(folder, "locations.csv")
        if "id" in row
    }
    terms = {row["id"]: row for _n, _num, row in _rows(folder, "taxonomy_terms.csv") if "id" in row}
    group(_rows(folder, "addresses.csv", "address.csv"), "location_id", "addresses")
    group(_rows(folder, "accessibility.csv"), "location_id", "accessibility")
    group(
        [(n, i, _numbers(r, "interval")) for n, i, r in _rows(folder, "schedules.csv", "schedule.csv")],
        "service_id",
        "schedules",
    )
    group(_rows(folder, "service_at_locations.csv", "service_at_location.csv"), "service_id", "service_at_locations")
    group(_rows(folder, "service_areas.csv"), "service_id", "service_areas")
    group(_rows(folder, "languages.csv"), "service_id", "languages")
    group(
        [(n, i, _numbers(r, "amount")) for n, i, r in _rows(folder, "cost_options.csv")], "service_id", "cost_options"
    )
    group(_rows(folder, "contacts.csv"), "service_id", "contacts")
    group(_rows(folder, "phones.csv"), "contact_id", "contact_phones")
    group(_rows(folder, "attributes.csv", "attribute.csv"), "link_id", "attributes")

    def service(row: Record) -> Record:
        record = _numbers(dict(row), "minimum_age", "maximum_age")
        if record.get("organization_id") in organisations:
            record["organization"] = organisations[record["organization_id"]]
        schedules = by["schedules"].get(record["id"], [])
        record["schedules"] = [s for s in schedules if not s.get("service_at_location_id")]
        record["service_at_locations"] = []
        for link in by["service_at_locations"].get(record["id"], []):
            location = dict(locations.get(link.get("location_id", ""), {"id": link.get("location_id")}))
            location["addresses"] = by["addresses"].get(location.get("id", ""), [])
            location["accessibility"] = by["accessibility"].get(location.get("id", ""), [])
            record["service_at_locations"].append(
                {
                    **link,
                    "location": location,
                    "schedules": [s for s in schedules if s.get("service_at_location_id") == link["id"]],
                }
            )
        for table in ("service_areas", "languages", "cost_options"):
            record[table] = by[table].get(record["id"], [])
        record["contacts"] = [
            {**contact, "phones": by["contact_phones"].get(contact["id"], [])}
            for contact in by["contacts"].get(record["id"], [])
        ]
        record["attributes"] = [
            {**attribute, "taxonomy_term": terms[attribute["taxonomy_term_id"]]}
            for attribute in by["attributes"].get(record["id"], [])
            if attribute.get("taxonomy_term_id") in terms
        ]
        return record

    services = _rows(folder, "services.csv")
    if not services:
        return ImportReport(problems=[ImportProblem(folder.name, "there is no services.csv")])
    return import_services((f"{name} row {number}", service(row)) for name, number, row in services)
