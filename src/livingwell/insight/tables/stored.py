"""A table kept as JSON and read back the same, so that an approved report shows, draws and downloads its
figures as they were when it was approved."""

from typing import Any

from livingwell.core.suppression import Cell
from livingwell.insight.tables.common import Table, Value


def _value_as_json(value: Value) -> Any:
    return {"value": value.value, "hidden": value.hidden} if isinstance(value, Cell) else str(value)


def _value_from_json(data: Any) -> Value:
    return Cell(data["value"], data["hidden"]) if isinstance(data, dict) else str(data)


def _lines_as_json(lines: list[tuple[str, list[Value]]]) -> list[Any]:
    return [[str(label), [_value_as_json(value) for value in values]] for label, values in lines]


def _lines_from_json(lines: list[Any]) -> list[tuple[str, list[Value]]]:
    return [(label, [_value_from_json(value) for value in values]) for label, values in lines]


def table_as_json(table: Table) -> dict[str, Any]:
    return {
        "slug": table.slug,
        "title": str(table.title),
        "summary": str(table.summary),
        "first_column": str(table.first_column),
        "columns": [str(column) for column in table.columns],
        "rows": _lines_as_json(table.rows),
        "footer": _lines_as_json(table.footer),
        "charted": list(table.charted),
        "baseline": table.baseline,
        "baseline_label": str(table.baseline_label),
    }


def table_from_json(data: dict[str, Any]) -> Table:
    return Table(
        slug=data["slug"],
        title=data["title"],
        summary=data["summary"],
        first_column=data["first_column"],
        columns=data["columns"],
        rows=_lines_from_json(data["rows"]),
        footer=_lines_from_json(data["footer"]),
        charted=data["charted"],
        baseline=data["baseline"],
        baseline_label=data["baseline_label"],
    )
