"""Writing rows: one by one in savepoints, or collected and written a batch at a time, parents first."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from livingwell.directory.importer.common import _Changes
from livingwell.directory.importer.records import _comparable, _differences, _has_last_modified, _pk
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
                if model._default_manager.bulk_update(instances, list(fields), batch_size=500) < len(instances):
                    # A row deleted above took with it a row this batch moves elsewhere (a schedule whose
                    # service at a location has a new id): one record at a time keeps it.
                    raise _OneByOneInstead


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
