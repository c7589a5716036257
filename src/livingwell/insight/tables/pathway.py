"""The table of the accommodation pathway and personal budgets, month by month, beside the baseline's
residential entries and discharges."""

from decimal import Decimal

from django.utils.translation import gettext as _

from livingwell.core.suppression import Cell, cell, money_per_person_shown, suppressed_grid
from livingwell.insight.selectors import Figures
from livingwell.insight.tables.common import Table, Value, count_summary, month_label


def _money(amount: float, people: Cell) -> str:
    """A sum of a month's money: not shown beside a hidden count of people, as it would be theirs alone."""
    if people.value == 0:
        return "–"
    if people.number is None:
        return str(_("not shown"))
    return f"£{amount:,.2f}"


def _per_person(amount: float, people: Cell) -> str:
    if not people.value:
        return "–"
    return money_per_person_shown(Decimal(str(round(amount / people.value, 2))), people.value, True)


def pathway_table(figures: Figures) -> Table:
    """The pathway's counts are suppressed as a grid (their period totals at the foot); each month's budget
    sums only beside a shown count of the people they are for."""
    months = [month.pathway for month in figures.months]
    grid = suppressed_grid(
        [[m.into_own_home, m.from_residential, m.residential_entries, m.discharges] for m in months], width=4
    )
    rows: list[tuple[str, list[Value]]] = []
    for index, (month, pathway) in enumerate(zip(figures.months, months, strict=True)):
        spending, allocated = cell(pathway.people_spending), cell(pathway.people_allocated)
        rows.append(
            (
                month_label(month.month),
                [
                    *grid.rows[index],
                    spending,
                    _money(pathway.spent, spending),
                    _per_person(pathway.spent, spending),
                    allocated,
                    _money(pathway.allocated, allocated),
                ],
            )
        )
    summary, before = count_summary(figures, grid.column_totals[2], _("new residential entries"), "residential_entries")
    return Table(
        slug="pathway",
        title=_("Accommodation and personal budgets"),
        summary=summary,
        first_column=_("Month"),
        columns=[
            _("Moved into their own home"),
            _("… of them from residential care"),
            _("New residential entries"),
            _("Discharges from hospital or residential care"),
            _("People with budget spending"),
            _("Spent"),
            _("Spent per person"),
            _("People with budgets from this month"),
            _("Allocated"),
        ],
        rows=rows,
        footer=[(_("All months"), [*grid.column_totals, "–", "–", "–", "–", "–"])],
        charted=[0, 2, 3],
        baseline=before,
        baseline_label=_("New residential entries before the network, a month on average"),
    )
