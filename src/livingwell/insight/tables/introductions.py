"""The tables of introductions: who made them, where they went, referrals to secondary care and the waits,
with the counts they share suppressed together."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from livingwell.core.suppression import SMALL_NUMBER, Grid, cell, hidden_at, suppressed_grid
from livingwell.insight.models import Route
from livingwell.insight.selectors import KNOWN, MADE_BY, AreaWaits, Figures
from livingwell.insight.tables.common import (
    Table,
    Value,
    baseline_mean,
    change_text,
    count_summary,
    mean,
    month_label,
    share,
    wait_text,
)

ROUTE_ORDER = [Route.INFORMATION, Route.COMMUNITY, Route.HUB_SUPPORT, Route.SECONDARY_CARE, Route.CLOSED]


ROUTE_WIDTH = len(ROUTE_ORDER) + 1  # each route, and not routed yet


def route_columns() -> list[str]:
    """The columns of a table by route: each route, not routed yet, and all of them."""
    return [*(str(route.label) for route in ROUTE_ORDER), _("Not routed yet"), _("All introductions")]


def route_counts(routes: dict[str, int], introductions: int) -> list[int]:
    """Counts by route in the tables' order, and last those not routed yet."""
    return [routes[route] for route in ROUTE_ORDER] + [introductions - sum(routes.values())]


@dataclass
class Grids:
    """The period's counts, suppressed together: every table is made from these."""

    made: Grid  # months by who made the introduction
    known: Grid  # months by whether the person was known before
    routes: Grid  # months by route
    groups: dict[str, Grid]  # for each grouping, its groups by route


def suppressed_together(figures: Figures) -> Grids:
    """Suppress the grids that share totals until they agree: a month's introductions, a route's for the
    period and the period's are each hidden in every table once any table hides them (suppression.py)."""
    made = [[month.made_by[key] for key in MADE_BY] for month in figures.months]
    known = [[month.known[key] for key in KNOWN] for month in figures.months]
    routes = [route_counts(month.routes, month.introductions) for month in figures.months]
    groups = {
        grouping: [route_counts(group.routes, group.introductions) for group in in_groups]
        for grouping, in_groups in figures.groups.items()
    }
    months: frozenset[int] = frozenset()
    route_totals: frozenset[int] = frozenset()
    total = False
    while True:
        grids = Grids(
            made=suppressed_grid(made, width=3, hidden_rows=months, hidden_total=total),
            known=suppressed_grid(known, width=3, hidden_rows=months, hidden_total=total),
            routes=suppressed_grid(
                routes, width=ROUTE_WIDTH, hidden_rows=months, hidden_columns=route_totals, hidden_total=total
            ),
            groups={
                grouping: suppressed_grid(counts, width=ROUTE_WIDTH, hidden_columns=route_totals, hidden_total=total)
                for grouping, counts in groups.items()
            },
        )
        by_month = [grids.made, grids.known, grids.routes]
        by_route = [grids.routes, *grids.groups.values()]
        now = (
            frozenset().union(*(hidden_at(grid.row_totals) for grid in by_month)),
            frozenset().union(*(hidden_at(grid.column_totals) for grid in by_route)),
            any(grid.total.hidden for grid in [*by_month, *by_route]),
        )
        if now == (months, route_totals, total):
            return grids
        months, route_totals, total = now


def introductions_table(figures: Figures, grids: Grids) -> Table:
    made, known = grids.made, grids.known
    summary, before = count_summary(figures, made.total, _("introductions"), "introductions")
    return Table(
        slug="introductions",
        title=_("Introductions"),
        summary=summary,
        first_column=_("Month"),
        columns=[
            _("Made by the person"),
            _("Made by someone else"),
            _("Not recorded who made it"),
            _("New to the network"),
            _("Known before"),
            _("Not recorded if known"),
            _("All introductions"),
        ],
        rows=[
            (month_label(month.month), [*made.rows[index], *known.rows[index], made.row_totals[index]])
            for index, month in enumerate(figures.months)
        ],
        footer=[(_("All months"), [*made.column_totals, *known.column_totals, made.total])],
        charted=[6],
        baseline=before,
        baseline_label=_("Before the network, a month on average"),
    )


def routes_table(figures: Figures, grids: Grids) -> Table:
    grid = grids.routes
    shares: list[Value] = [share(total, grid.total) for total in grid.column_totals]
    return Table(
        slug="routes",
        title=_("Where introductions went"),
        summary=_(
            "Where the introductions that arrived each month went, counted in the month they arrived, with each "
            "route's share of the period at the foot."
        ),
        first_column=_("Month"),
        columns=route_columns(),
        rows=[
            (month_label(month.month), [*grid.rows[index], grid.row_totals[index]])
            for index, month in enumerate(figures.months)
        ],
        footer=[
            (_("All months"), [*grid.column_totals, grid.total]),
            (_("Share of the period"), [*shares, share(grid.total, grid.total)]),
        ],
    )


def secondary_care_table(figures: Figures, grids: Grids) -> Table:
    """The routes' secondary-care column on its own, hidden just as it is there."""
    column = ROUTE_ORDER.index(Route.SECONDARY_CARE)
    months = [[row[column]] for row in grids.routes.rows]
    total = grids.routes.column_totals[column]
    summary, before = count_summary(figures, total, _("introductions to secondary care"), "secondary_care_referrals")
    return Table(
        slug="secondary-care",
        title=_("Introductions to secondary care"),
        summary=summary,
        first_column=_("Month"),
        columns=[_("Introductions to secondary care")],
        rows=[(month_label(month.month), list[Value](months[index])) for index, month in enumerate(figures.months)],
        footer=[(_("All months"), [total])],
        charted=[0],
        baseline=before,
        baseline_label=_("Before the network, a month on average"),
    )


def waits_table(figures: Figures) -> Table:
    rows: list[tuple[str, list[Value]]] = []
    medians = []
    for month in figures.months:
        contact_median, contact_p90 = wait_text(month.days_to_first_contact)
        talk_median, talk_p90 = wait_text(month.days_to_first_conversation)
        if month.days_to_first_contact.count >= SMALL_NUMBER and month.days_to_first_contact.median is not None:
            medians.append(month.days_to_first_contact.median)
        rows.append(
            (
                month_label(month.month),
                [contact_median, contact_p90, talk_median, talk_p90, cell(month.still_waiting)],
            )
        )
    before = baseline_mean(figures.baseline, "median_days_to_first_contact")
    return Table(
        slug="waits",
        title=_("How long people waited"),
        summary=_(
            "Calendar days from an introduction arriving to the first contact attempt and to the first "
            "conversation, by the month it arrived. And how many were still waiting for contact at the month's end."
        )
        + change_text(before, mean(medians), _("days to first contact")),
        first_column=_("Month"),
        columns=[
            _("Days to first contact: median"),
            _("Days to first contact: 90th percentile"),
            _("Days to first conversation: median"),
            _("Days to first conversation: 90th percentile"),
            _("Still waiting at the month's end"),
        ],
        rows=rows,
        charted=[0, 2],
        baseline=before,
        baseline_label=_("Median days to first contact before the network"),
    )


def neighbourhood_waits_table(areas: list[AreaWaits]) -> Table:
    rows: list[tuple[str, list[Value]]] = []
    for area in areas:
        rows.append((area.name, [*wait_text(area.first_contact), *wait_text(area.first_conversation)]))
    return Table(
        slug="waits-by-neighbourhood",
        title=_("How long people waited, by neighbourhood"),
        summary=_(
            "Calendar days to the first contact attempt and the first conversation over the whole period, "
            "for each neighbourhood."
        ),
        first_column=_("Neighbourhood"),
        columns=[
            _("Days to first contact: median"),
            _("Days to first contact: 90th percentile"),
            _("Days to first conversation: median"),
            _("Days to first conversation: 90th percentile"),
        ],
        rows=rows,
    )
