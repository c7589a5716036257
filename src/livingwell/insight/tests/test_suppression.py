"""Small numbers hidden at 1 to 4 and shown at 5, and totals hidden wherever a hidden count could be
worked out from them."""

import datetime

from livingwell.core.suppression import cell, suppressed_grid
from livingwell.insight.models import Route
from livingwell.insight.selectors import KNOWN, MADE_BY, Figures, GroupFigures, MonthFigures
from livingwell.insight.tables import ROUTE_ORDER, dashboard_tables, suppressed_together


def _texts(cells: list) -> list[str]:
    return [each.text for each in cells]


def test_four_is_hidden_five_and_nought_are_shown() -> None:
    assert [cell(value).text for value in (0, 1, 4, 5, 1234)] == ["0", "fewer than 5", "fewer than 5", "5", "1,234"]
    assert [cell(value).number for value in (0, 4, 5)] == [0, None, 5]
    assert cell(None).text == "not known"


def test_a_total_with_one_hidden_part_is_hidden_and_one_with_two_is_shown() -> None:
    grid = suppressed_grid([[4, 10, 6], [3, 2, 9]], width=3)
    # Row one: only the 4 is hidden, so 20 less 10 and 6 would give it away.
    assert _texts(grid.rows[0]) == ["fewer than 5", "10", "6"]
    assert grid.row_totals[0].text == "not shown"
    # Row two: 3 and 2 are both hidden; 14 gives away only their sum.
    assert grid.row_totals[1].text == "14"
    # Column one: 4 and 3 hidden, 7 shown; column two: only the 2 hidden, so its total is hidden.
    assert _texts(grid.column_totals) == ["7", "not shown", "15"]
    # The grand total: one row total hidden (20) and one column total hidden (12): hidden too.
    assert grid.total.text == "not shown"


def test_nothing_small_means_nothing_hidden() -> None:
    grid = suppressed_grid([[5, 0, 12], [0, 0, 0]], width=3)
    assert not any(each.hidden for row in grid.rows for each in row)
    assert (grid.total.text, _texts(grid.row_totals)) == ("17", ["17", "0"])


def test_a_small_total_is_itself_hidden_as_fewer_than_5() -> None:
    grid = suppressed_grid([[1, 2]], width=2)
    assert grid.row_totals[0].text == "fewer than 5"
    assert grid.total.text == "fewer than 5"


def test_two_hidden_months_leave_the_period_s_total_shown() -> None:
    grid = suppressed_grid([[2, 50], [2, 60], [9, 70]], width=2)
    assert _texts(grid.column_totals) == ["13", "180"]  # two small counts in column one: only their sum
    assert [total.text for total in grid.row_totals] == ["not shown", "not shown", "79"]
    # 193 less 79 is the two hidden months together; with 50 and 60 shown, that is again only 2 + 2.
    assert grid.total.text == "193"


def test_the_period_s_total_hides_when_one_month_s_total_is_hidden() -> None:
    grid = suppressed_grid([[3, 50], [8, 60]], width=2)
    assert [total.text for total in grid.row_totals] == ["not shown", "68"]
    assert grid.column_totals[0].text == "not shown"  # 11 less 8 is the hidden 3
    assert grid.total.text == "not shown"


def _month(day: int, made_by: list[int], routes: list[int]) -> MonthFigures:
    figures = MonthFigures(datetime.date(2025, day, 1), introductions=sum(made_by))
    figures.made_by = dict(zip(MADE_BY, made_by, strict=True))
    figures.known = dict(zip(KNOWN, [sum(made_by), 0, 0], strict=True))
    figures.routes = dict(zip(ROUTE_ORDER, routes, strict=True))
    return figures


def test_a_total_one_table_hides_is_hidden_in_every_table_that_shows_it() -> None:
    # January's 20 split 10 and 10 by who made them hides nothing, but by route only its 3 is small:
    # the routes table hides January's total, so the introductions table must hide it too.
    months = [_month(1, [10, 10, 0], [3, 5, 6, 6, 0]), _month(2, [30, 0, 0], [10, 5, 5, 5, 5])]
    ages = [GroupFigures("16 to 24", introductions=44), GroupFigures("", introductions=6)]
    ages[0].routes = dict(zip(ROUTE_ORDER, [13, 10, 11, 10, 0], strict=True))
    ages[1].routes = dict(zip(ROUTE_ORDER, [0, 0, 0, 1, 5], strict=True))
    figures = Figures(months[0].month, months[1].month, months, [], groups={"age_band": ages})
    grids = suppressed_together(figures)
    assert [total.hidden for total in grids.routes.row_totals] == [True, False]
    assert [total.hidden for total in grids.made.row_totals] == [True, False]
    assert [total.hidden for total in grids.known.row_totals] == [True, False]
    # By age, only the 1 in secondary care is small: that route's total for the period is hidden there,
    # and so in the routes table; with January's total hidden too, the period's is hidden everywhere.
    secondary = ROUTE_ORDER.index(Route.SECONDARY_CARE)
    assert grids.routes.column_totals[secondary].hidden
    assert grids.groups["age_band"].column_totals[secondary].hidden
    assert all(grid.total.hidden for grid in (grids.made, grids.known, grids.routes, grids.groups["age_band"]))
    tables = {table.slug: table for table in dashboard_tables(figures)}
    assert tables["secondary-care"].footer[0][1][0].text == "not shown"
