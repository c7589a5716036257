"""The borough's population by group, loaded from a CSV with the columns ``grouping`` (``age_band``,
``gender``, ``ethnic_group`` or ``neighbourhood``), ``group`` (as the introductions give it; a
neighbourhood by its name) and ``people``. The figures set each group's share of the introductions beside
its share of the borough, so the Collaborative can see who is not reaching the network. Loading a group
again replaces its number; a bad row is reported with its line number and the reason, and the good rows
still load."""

from collections.abc import Iterable
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from livingwell.insight.history import (
    BadRow,
    LoadReport,
    Row,
    count_cell,
    csv_file_load,
    neighbourhoods_by_name,
    text_cell,
)
from livingwell.insight.models import Population

Grouping = Population.Grouping


def _values(row: dict[str, str], neighbourhoods: dict[str, str]) -> tuple[str, str, int]:
    if None in row:
        raise BadRow("the row has more cells than there are columns")
    grouping = (row.get("grouping") or "").strip()
    if grouping not in Grouping.values:
        raise BadRow(f"grouping {grouping[:40]!r} is not one of {', '.join(Grouping.values)}")
    group = text_cell(row, "group", 100)
    if not group:
        raise BadRow("group is missing")
    if grouping == Grouping.NEIGHBOURHOOD:
        if slugify(group) not in neighbourhoods:
            raise BadRow(f"neighbourhood {group[:40]!r} is not one of this borough's")
        group = neighbourhoods[slugify(group)]
    people = count_cell(row, "people")
    if people is None:
        raise BadRow("people is missing")
    return grouping, group, people


def population_load_rows(rows: Iterable[Row]) -> LoadReport:
    """Load (line number, row) pairs, a group each."""
    report = LoadReport()
    neighbourhoods = neighbourhoods_by_name("name")
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        try:
            grouping, group, people = _values(row, neighbourhoods)
        except BadRow as problem:
            report.problems.append((line, str(problem)))
            continue
        if (grouping, group) in seen:
            report.problems.append((line, f"{grouping} {group[:40]!r} is also on line {seen[grouping, group]}"))
            continue
        seen[grouping, group] = line
        with transaction.atomic():
            held = Population.objects.select_for_update().filter(grouping=grouping, group=group).first()
            if held is None:
                Population.objects.create(grouping=grouping, group=group, people=people)
                report.created += 1
            elif held.people != people:
                Population.objects.filter(pk=held.pk).update(people=people)
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def population_load_file(path: Path) -> LoadReport:
    return csv_file_load(path, ["grouping", "group", "people"], population_load_rows)
