"""Checking a record against the ORUK schema, and working out the values each row will hold."""

import functools
import json
import uuid
from collections.abc import Iterable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import fastjsonschema
from django.core.exceptions import ValidationError
from django.db import models
from jsonschema import Draft202012Validator, FormatChecker

from livingwell.directory.importer.common import Record

SCHEMAS = Path(__file__).parent.parent / "oruk" / "schema"


IMPORT_NAMESPACE = uuid.UUID("3c1d6a8e-52b4-4c7e-9d0a-6e2f1b7c8d90")


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


LIVING_WELL = "living_well"
"""This project's extension to an ORUK record, for what the standard has no field for (decision 0021)."""


def _extension_of(record: Record) -> Record:
    extension = record.get(LIVING_WELL, {})
    if not isinstance(extension, dict):
        raise ValidationError(f"{LIVING_WELL}: must be an object")
    return extension


def _extension(model: type[models.Model], record: Record, fields: Iterable[str]) -> dict[str, Any]:
    """The values ``record``'s Living Well extension gives for ``fields``, each one of its field's choices."""
    try:
        values = _values(model, _extension_of(record), fields)
    except ValidationError as error:
        raise ValidationError(f"{LIVING_WELL}.{'; '.join(error.messages)}") from error
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        choices = [str(choice) for choice, _label in getattr(model_field, "flatchoices", [])]
        if choices and value not in ("", None) and value not in choices:
            raise ValidationError(f"{LIVING_WELL}.{name}: {value!r} is not one of {', '.join(choices)}")
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
