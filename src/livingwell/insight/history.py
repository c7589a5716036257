"""Bringing in past introductions from the system a borough used before, one CSV row each, so that they
count in every figure like the front door's. Re-importing changes nothing; a bad row is reported with its
line number and the reason, and the good rows still import.

Columns: ``reference``, ``arrived_on``, ``first_contact_on``, ``first_conversation_on``, ``route`` (one of
``information``, ``community``, ``hub_support``, ``secondary_care`` or ``closed``, or empty while
waiting), ``routed_on``, ``neighbourhood``, ``age_band``, ``gender``, ``ethnic_group``. Dates are
``YYYY-MM-DD``.
"""

import csv
import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from livingwell.core.models import Neighbourhood
from livingwell.insight.counting import counted_dates
from livingwell.insight.models import CountedIntroduction, Route
from livingwell.insight.summaries import months_summarise

COLUMNS = [
    "reference", "arrived_on", "first_contact_on", "first_conversation_on", "route", "routed_on",
    "neighbourhood", "age_band", "gender", "ethnic_group",
]  # fmt: skip
BATCH_SIZE = 2_000
Row = tuple[int, dict[str, str]]  # a CSV row with the line it ends on


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


class BadRow(ValueError):
    pass


def _date(row: dict[str, str], name: str, *, required: bool = False) -> datetime.date | None:
    text = (row.get(name) or "").strip()
    if not text:
        if required:
            raise BadRow(f"{name} is missing")
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise BadRow(f"{name} {text[:40]!r} is not a date as YYYY-MM-DD") from None


def text_cell(row: dict[str, str], name: str, limit: int) -> str:
    text = (row.get(name) or "").strip()
    if len(text) > limit:
        raise BadRow(f"{name} is longer than {limit} characters")
    return text


def count_cell(row: dict[str, str], name: str) -> int | None:
    """A whole number of nought or more (thousands may be marked with commas), or ``None`` if empty."""
    text = (row.get(name) or "").strip().replace(",", "")
    if not text:
        return None
    if text.isdigit() and len(text) < 10:
        return int(text)
    raise BadRow(f"{name} {text[:40]!r} is not a whole number of nought or more")


def neighbourhoods_by_name(value: str = "pk") -> dict[str, Any]:
    """Each neighbourhood's ``value`` (its id, or its ``name``), found by its name or its slug written any way."""
    found = {}
    for wanted, name, slug in Neighbourhood.objects.values_list(value, "name", "slug"):
        found[slugify(name)] = found[slug] = wanted
    return found


def _values(row: dict[str, str], neighbourhoods: dict[str, int]) -> dict[str, Any]:
    """What one row counts as, or ``BadRow`` with the reason."""
    if None in row:
        raise BadRow("the row has more cells than there are columns")
    reference = text_cell(row, "reference", 40)
    if not reference:
        raise BadRow("reference is missing")
    arrived_on = _date(row, "arrived_on", required=True)
    assert arrived_on is not None  # noqa: S101 - required above
    first_contact_on = _date(row, "first_contact_on")
    first_conversation_on = _date(row, "first_conversation_on")
    routed_on = _date(row, "routed_on")
    for name, day in (
        ("first_contact_on", first_contact_on),
        ("first_conversation_on", first_conversation_on),
        ("routed_on", routed_on),
    ):
        if day is not None and day < arrived_on:
            raise BadRow(f"{name} is before arrived_on")
    route = (row.get("route") or "").strip()
    if route not in Route.values and route != "":
        raise BadRow(f"route {route[:40]!r} is not one of {', '.join(Route.values)}, or empty while waiting")
    if route and routed_on is None:
        raise BadRow("routed_on is missing for a route")
    if routed_on is not None and not route:
        raise BadRow("routed_on is given without a route")
    neighbourhood = text_cell(row, "neighbourhood", 100)
    neighbourhood_id = None
    if neighbourhood:
        neighbourhood_id = neighbourhoods.get(slugify(neighbourhood))
        if neighbourhood_id is None:
            raise BadRow(f"neighbourhood {neighbourhood!r} is not one of this borough's")
    return {
        **counted_dates(
            arrived_on=arrived_on,
            first_contact_on=first_contact_on,
            first_conversation_on=first_conversation_on,
            routed_on=routed_on,
        ),
        "reference": reference,
        "route": route,
        "neighbourhood_id": neighbourhood_id,
        "age_band": text_cell(row, "age_band", 20),
        "gender": text_cell(row, "gender", 100),
        "ethnic_group": text_cell(row, "ethnic_group", 100),
    }


FIELDS = [
    "arrived_on", "month", "first_contact_on", "first_conversation_on", "routed_on", "waiting_ended_month",
    "days_to_first_contact", "days_to_first_conversation", "route", "neighbourhood_id", "age_band", "gender",
    "ethnic_group",
]  # fmt: skip


@transaction.atomic
def _write(report: LoadReport, batch: list[dict[str, Any]], months: set[datetime.date | None]) -> None:
    """Write a batch, adding to ``months`` every month a row of it was or is now counted in. Unchanged
    rows' months are added too: running a file again then also sums up the months that an interrupted
    run wrote rows for but did not get as far as summing up."""
    held = {
        row.reference: row
        for row in CountedIntroduction.objects.filter(
            origin=CountedIntroduction.Origin.HISTORY, reference__in=[values["reference"] for values in batch]
        )
    }
    new, changed = [], []
    for values in batch:
        row = held.get(values["reference"])
        months |= {values["month"], values["waiting_ended_month"]}
        if row is None:
            new.append(CountedIntroduction(origin=CountedIntroduction.Origin.HISTORY, **values))
        elif any(getattr(row, name) != values[name] for name in FIELDS):
            months |= {row.month, row.waiting_ended_month}
            for name in FIELDS:
                setattr(row, name, values[name])
            changed.append(row)
        else:
            report.unchanged += 1
    CountedIntroduction.objects.bulk_create(new, batch_size=500)
    CountedIntroduction.objects.bulk_update(changed, FIELDS, batch_size=500)
    report.created += len(new)
    report.updated += len(changed)


def history_import_rows(rows: Iterable[Row]) -> LoadReport:
    """Import (line number, row) pairs, a batch at a time."""
    report = LoadReport()
    neighbourhoods = neighbourhoods_by_name()
    seen: dict[str, int] = {}
    batch: list[dict[str, Any]] = []
    months: set[datetime.date | None] = set()
    for line, row in rows:
        try:
            values = _values(row, neighbourhoods)
        except BadRow as problem:
            report.problems.append((line, str(problem)))
            continue
        if values["reference"] in seen:
            report.problems.append(
                (line, f"reference {values['reference']!r} is also on line {seen[values['reference']]}")
            )
            continue
        seen[values["reference"]] = line
        batch.append(values)
        if len(batch) == BATCH_SIZE:
            _write(report, batch, months)
            batch = []
    if batch:
        _write(report, batch, months)
    months_summarise(months)
    return report


def csv_file_load(path: Path, required: list[str], load: Callable[[Iterator[Row]], LoadReport]) -> LoadReport:
    """Read a UTF-8 CSV file with a header naming ``required`` columns, and ``load`` its (line, row) pairs.
    A file that is not such a CSV is reported, not raised."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in required if name not in (reader.fieldnames or [])]
            if missing:
                return LoadReport(problems=[(1, f"the header has no {', '.join(missing)} column")])
            return load((reader.line_num, row) for row in reader)
    except UnicodeDecodeError:
        return LoadReport(problems=[(0, "the file is not UTF-8 text")])
    except csv.Error as error:
        return LoadReport(problems=[(0, f"the file is not CSV: {error}")])


def history_import_file(path: Path) -> LoadReport:
    return csv_file_load(path, ["reference", "arrived_on"], history_import_rows)
