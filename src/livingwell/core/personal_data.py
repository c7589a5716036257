"""What each app holds about a person, for their rights under UK GDPR: subject access and erasure (decision 0052).

An app that keeps anything about a person we support names a module in its ``AppConfig`` as ``personal_data``.
The module has:

- ``MODELS``: every model of the app that holds something about a person (a test checks that every model
  with a link to a person record or an account is named by some app);
- ``held(person)``: the kinds of record it holds about them, each a title and a queryset or rows;
- ``erase(person)``: clears what identifies them or what they said, keeping the numbers and dates that must
  be kept (money, outcome figures, that a risk was handled), and returns how many rows it changed by kind;
- ``active_since(moment)``: querysets of ``person_id`` values active since then, which the retention rules
  use to know who is still in touch.

The helpers here turn rows into words (``rows_of``) and blank fields (``fields_blank``) the same way for all.
"""

import datetime
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db import models

# Fields never shown to anyone, the person included: digests and tokens that only join things up.
NEVER_SHOWN = frozenset(
    {"phone_key", "email_key", "submission_id", "submission_token", "feed_token", "source_key", "once"}
)
ERASED = "[erased]"
# A delivery's fields that only make sending work.
MESSAGE_PLUMBING = (
    "key",
    "build",
    "ids",
    "message_key",
    "receipt_for",
    "last_error",
    "urgent",
    "attempts",
    "changed_at",
)

Row = dict[str, str]


@dataclass(frozen=True)
class Held:
    """One kind of record held about a person: its title, and each row as labels and values in words."""

    title: str
    rows: list[Row]


def personal_data_modules() -> Iterator[ModuleType]:
    """Each app's ``personal_data`` module, in the order the apps are installed."""
    for config in apps.get_app_configs():
        if path := getattr(config, "personal_data", ""):
            yield import_module(path)


def _value(instance: models.Model, field: models.Field[Any, Any]) -> str:
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    if field.is_relation:
        related = getattr(instance, field.name)
        return "" if related is None else str(related)
    value = getattr(instance, field.attname)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return ", ".join(str(item) for item in value)  # a list of choices or words, as words
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    return str(value)


def rows_of(queryset: models.QuerySet[Any], *, leave_out: Sequence[str] = ()) -> list[Row]:
    """Every row of ``queryset`` as labels and values in words, without the person's own link (it is them)
    and without ``NEVER_SHOWN`` and ``leave_out``. Related rows are fetched in the same query."""
    model = queryset.model
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.name not in NEVER_SHOWN and field.name not in leave_out and field.name != "person"
    ]
    related = [field.name for field in fields if field.is_relation]
    return [
        {str(field.verbose_name): _value(instance, field) for field in fields}
        for instance in (queryset.select_related(*related) if related else queryset)
    ]


def of_account(queryset: models.QuerySet[Any], person: Any, field: str = "user_id") -> models.QuerySet[Any]:
    """The rows of ``queryset`` whose ``field`` is the person's account; none when they have no account."""
    if person.user_id is None:
        return queryset.none()
    return queryset.filter(**{field: person.user_id})


def held_as(title: str, queryset: models.QuerySet[Any], *, leave_out: Sequence[str] = ()) -> Held:
    return Held(title=title, rows=rows_of(queryset, leave_out=leave_out))


def _empty(field: models.Field[Any, Any]) -> object:
    if field.null:
        return None
    if isinstance(field, models.JSONField):
        return field.get_default()
    if isinstance(field, models.BooleanField):
        return False
    return ""


def fields_blank(queryset: models.QuerySet[Any], *names: str, **values: object) -> int:
    """Clear ``names`` on every row of ``queryset`` (empty text, no date, an empty list), and set ``values``;
    the rows changed."""
    model = queryset.model
    return queryset.update(**{name: _empty(model._meta.get_field(name)) for name in names}, **values)


def counts_merge(counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Kinds and how many rows of each changed, leaving out kinds with none."""
    merged: dict[str, int] = {}
    for kind, count in counts:
        if count:
            merged[kind] = merged.get(kind, 0) + count
    return merged


def counts_words(counts: dict[str, int]) -> str:
    """How many rows of each kind, as the audit trail, the log and the commands say it."""
    return ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())) or "nothing"


def messages_about(title: str, **ids: Iterable[object]) -> Held:
    """The emails, texts and letters sent about the person's records: those whose builder was given one of
    the ids (``introduction_id=[...]``). Their words are not kept (``core.outbox``), so this says what each
    was, how and when it went, and what came of it."""
    from livingwell.core.models import Delivery

    matches = models.Q(pk__in=[])
    for name, values in ids.items():
        wanted = [str(value) for value in values]
        if wanted:
            matches |= models.Q(**{f"ids__{name}__in": wanted})
    deliveries = Delivery.objects.filter(matches).order_by("started_at", "id")
    return held_as(title, deliveries, leave_out=MESSAGE_PLUMBING)
