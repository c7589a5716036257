"""The deployment's figures from before the network, month by month, loaded from a CSV with the columns
``month`` (``YYYY-MM``), ``secondary_care_referrals``, ``introductions``, ``median_days_to_first_contact``,
``residential_entries`` and ``discharges``. An empty cell is a figure not known. Loading a month again
replaces it; a bad row is reported with its line number and the reason, and the good rows still load."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction

from livingwell.insight.counting import month_parse
from livingwell.insight.history import BadRow, LoadReport, Row, count_cell, csv_file_load
from livingwell.insight.models import Baseline

COUNTS = ["secondary_care_referrals", "introductions", "residential_entries", "discharges"]


def _month_of_row(row: dict[str, str]) -> datetime.date:
    try:
        return month_parse((row.get("month") or "").strip())
    except ValueError as error:
        raise BadRow(f"month: {error}") from None


def _values(row: dict[str, str]) -> dict[str, Any]:
    if None in row:
        raise BadRow("the row has more cells than there are columns")
    values: dict[str, Any] = {}
    for name in COUNTS:
        values[name] = count_cell(row, name)
    text = (row.get("median_days_to_first_contact") or "").strip()
    try:
        median = Decimal(text) if text else None
    except InvalidOperation:
        raise BadRow(f"median_days_to_first_contact {text[:40]!r} is not a number") from None
    if median is not None and not (median.is_finite() and 0 <= median < 10_000):
        raise BadRow("median_days_to_first_contact is not a number of days from 0 to 9,999")
    values["median_days_to_first_contact"] = median.quantize(Decimal("0.1")) if median is not None else None
    return values


def baseline_load_rows(rows: Iterable[Row]) -> LoadReport:
    """Load (line number, row) pairs, a month each."""
    report = LoadReport()
    seen: dict[datetime.date, int] = {}
    for line, row in rows:
        try:
            month = _month_of_row(row)
            values = _values(row)
        except BadRow as problem:
            report.problems.append((line, str(problem)))
            continue
        if month in seen:
            report.problems.append((line, f"month {month:%Y-%m} is also on line {seen[month]}"))
            continue
        seen[month] = line
        with transaction.atomic():
            held = Baseline.objects.filter(month=month).first()
            if held is None:
                Baseline.objects.create(month=month, **values)
                report.created += 1
            elif any(getattr(held, name) != value for name, value in values.items()):
                Baseline.objects.filter(pk=held.pk).update(**values)
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def baseline_load_file(path: Path) -> LoadReport:
    return csv_file_load(path, ["month"], baseline_load_rows)
