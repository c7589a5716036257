"""Small-number suppression: figures for analysts and commissioners are aggregates, and a count small
enough to point at someone is not shown (DESIGN.md §3). So is any figure worked out from such a count."""

from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

SMALL_NUMBER = 5


def suppressed(count: int, suppress: bool) -> bool:
    """Whether ``count`` is too small to show, when figures are suppressed at all. Nought is shown."""
    return suppress and 0 < count < SMALL_NUMBER


def count_shown(count: int, suppress: bool) -> str:
    if suppressed(count, suppress):
        return str(_("fewer than %(limit)s") % {"limit": SMALL_NUMBER})
    return f"{count:,}"


def money_per_person_shown(amount: Decimal | None, people: int, suppress: bool) -> str:
    """An amount per person, suppressed with the count of people it comes from: with it and the total, a
    small group's money could be worked out."""
    if amount is None:
        return str(_("No spending"))
    if suppressed(people, suppress):
        return str(_("not shown: fewer than %(limit)s people") % {"limit": SMALL_NUMBER})
    return f"£{amount:,.2f}"


# Tables of counts.
#
# A count of 1 to 4 shows as "fewer than 5". A total is not shown wherever a hidden count could be worked
# out from it: a total with exactly one hidden part is hidden too, and so on (a hidden month's total hides
# the period's total when it is the only one hidden) until nothing more changes. Two hidden parts of a
# shown total give away only their sum. Nought is shown: it points at nobody.
#
# A total shown in more than one table (a month's introductions, a route's for the period, the period's)
# is hidden in all of them once any of them hides it, so that one table cannot undo another's hiding.


@dataclass
class Cell:
    value: int | None
    hidden: bool = False

    @property
    def text(self) -> str:
        if self.value is None:
            return str(_("not known"))
        if self.hidden and not suppressed(self.value, True):
            return str(_("not shown"))  # a total hidden so that no small count can be worked out
        return count_shown(self.value, self.hidden)

    @property
    def number(self) -> int | None:
        """The value as open data and charts give it: None when hidden or not known."""
        return None if self.hidden else self.value


def cell(value: int | None) -> Cell:
    """One count on its own, hidden when small."""
    return Cell(value, value is not None and suppressed(value, True))


@dataclass
class Grid:
    """Counts in rows and columns with the totals of each, suppressed together."""

    rows: list[list[Cell]]
    row_totals: list[Cell]
    column_totals: list[Cell]
    total: Cell = field(default_factory=lambda: Cell(0))


def suppressed_grid(
    counts: list[list[int]],
    *,
    width: int,
    hidden_rows: Collection[int] = (),
    hidden_columns: Collection[int] = (),
    hidden_total: bool = False,
) -> Grid:
    """The grid of ``counts`` (each row ``width`` long) with its totals, suppressed. The totals of the
    rows and columns given, and the grand total if asked, are hidden from the start: another table
    showing the same totals hid them (see ``tables.introductions.suppressed_together``)."""
    rows = [[cell(value) for value in row] for row in counts]
    grid = Grid(
        rows=rows,
        row_totals=[cell(sum(row)) for row in counts],
        column_totals=[cell(sum(row[index] for row in counts)) for index in range(width)],
        total=cell(sum(sum(row) for row in counts)),
    )
    for index in hidden_rows:
        grid.row_totals[index].hidden = True
    for index in hidden_columns:
        grid.column_totals[index].hidden = True
    grid.total.hidden |= hidden_total
    lines = [
        *zip(rows, grid.row_totals, strict=True),
        *(([row[index] for row in rows], total) for index, total in enumerate(grid.column_totals)),
        (grid.row_totals, grid.total),
        (grid.column_totals, grid.total),
    ]
    changed = True
    while changed:
        changed = False
        for parts, total in lines:
            if not total.hidden and sum(part.hidden for part in parts) == 1:
                total.hidden = changed = True
    return grid


def hidden_with_another(counts: list[int]) -> list[Cell]:
    """Each count, hidden from 1 to 4; where exactly one is hidden, the smallest other above nought too. For
    counts whose total another table shows (decision 0034): with only one hidden, the total less the
    others would give it away."""
    cells = [cell(count) for count in counts]
    if sum(each.hidden for each in cells) == 1:
        shown = [each for each in cells if not each.hidden and each.value]
        if shown:
            min(shown, key=lambda each: each.value or 0).hidden = True
    return cells


def hidden_at(cells: list[Cell]) -> frozenset[int]:
    """Where in a line of cells the hidden ones are."""
    return frozenset(index for index, each in enumerate(cells) if each.hidden)
