"""The public figures as open data, one quarter at a time: JSON with the tables as the page shows them, and
CSV with one row a figure. Hidden numbers stay hidden: their text says so ("fewer than 5", "not shown")
and their number is empty (decision 0031)."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from livingwell.core.suppression import SMALL_NUMBER, Cell
from livingwell.insight.quarters import Quarter
from livingwell.insight.tables import Table

CSV_HEADER = ["quarter", "table", "row", "column", "value", "number"]


def licence_line() -> str:
    return _("Published by %(service)s under the %(licence)s: %(url)s") % {
        "service": settings.LW_SERVICE_NAME,
        "licence": settings.LW_OPEN_DATA_LICENCE,
        "url": settings.LW_OPEN_DATA_LICENCE_URL,
    }


def _number(value: Cell | str) -> float | int | None:
    if isinstance(value, Cell):
        return value.number
    try:
        number = float(value.replace(",", "").removeprefix("£").removesuffix("%"))
    except ValueError:
        return None
    return int(number) if number.is_integer() and not value.endswith("%") else number


def _figures(table: Table) -> list[tuple[str, str, Cell | str]]:
    """Every figure of the table as (row, column, value), the totals last."""
    return [
        (label, column, value)
        for label, values in [*table.rows, *table.footer]
        for column, value in zip(table.columns, values, strict=True)
    ]


def _text(value: Cell | str) -> str:
    return value.text if isinstance(value, Cell) else value


def open_data_json(quarter: Quarter, tables: list[Table]) -> dict[str, Any]:
    return {
        "title": str(_("How we are doing")),
        "publisher": settings.LW_SERVICE_NAME,
        "quarter": quarter.slug,
        "from": quarter.start.strftime("%Y-%m"),
        "to": quarter.end.strftime("%Y-%m"),
        "licence": {"name": settings.LW_OPEN_DATA_LICENCE, "url": settings.LW_OPEN_DATA_LICENCE_URL},
        "licence_line": licence_line(),
        "suppression": str(
            _(
                "Numbers from 1 to %(largest)s are shown as “fewer than %(limit)s”, and a total that would let one "
                "be worked out is not shown; both have no number."
            )
            % {"largest": SMALL_NUMBER - 1, "limit": SMALL_NUMBER}
        ),
        "tables": [
            {
                "slug": table.slug,
                "title": str(table.title),
                "summary": str(table.summary),
                "first_column": str(table.first_column),
                "columns": [str(column) for column in table.columns],
                "rows": [
                    {"label": label, "values": [{"text": _text(value), "number": _number(value)} for value in values]}
                    for label, values in table.rows
                ],
                "totals": [
                    {"label": label, "values": [{"text": _text(value), "number": _number(value)} for value in values]}
                    for label, values in table.footer
                ],
            }
            for table in tables
        ],
    }


def open_data_csv_rows(quarter: Quarter, tables: list[Table]) -> list[list[Any]]:
    return [
        [quarter.slug, table.slug, label, column, _text(value), "" if (number := _number(value)) is None else number]
        for table in tables
        for label, column, value in _figures(table)
    ]
