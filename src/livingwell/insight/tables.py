"""The dashboard's tables, worked out once from the figures and suppressed: the same table is shown on the
page, drawn as its chart and downloaded as its CSV, so the three always agree."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from livingwell.insight.models import Baseline, Population, Route
from livingwell.insight.selectors import KNOWN, MADE_BY, AreaWaits, Figures, GroupFigures, Wait, figures_for
from livingwell.insight.suppression import SMALL_NUMBER, Cell, Grid, cell, hidden_at, suppressed_grid

Value = Cell | str


@dataclass
class Table:
    slug: str
    title: str
    summary: str  # one sentence saying what it shows
    columns: list[str]  # after the first, which names the row
    rows: list[tuple[str, list[Value]]]
    first_column: str = ""
    footer: list[tuple[str, list[Value]]] = field(default_factory=list)  # totals, shares
    charted: list[int] = field(default_factory=list)  # which columns the chart draws
    baseline: float | None = None  # a month before the network, on average, drawn beside the chart's series
    baseline_label: str = ""

    def csv_rows(self) -> list[list[str]]:
        rows = [[self.first_column, *self.columns]]
        for label, values in [*self.rows, *self.footer]:
            rows.append([label, *(value.text if isinstance(value, Cell) else value for value in values)])
        return rows


def month_label(month: datetime.date) -> str:
    return date_format(month, "M Y")


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def _baseline_mean(baseline: list[Baseline], name: str) -> float | None:
    return _mean([float(value) for row in baseline if (value := getattr(row, name)) is not None])


def _change(before: float | None, now: float | None, unit: str) -> str:
    """A sentence part comparing a month on average before the network with one now."""
    if before is None or now is None:
        return ""
    if before == 0:
        return _(" Before the network: %(before)s %(unit)s a month.") % {"before": f"{before:,.1f}", "unit": unit}
    percent = round(100 * (now - before) / before)
    direction = _("fewer") if now < before else _("more")
    return _(
        " Before the network: %(before)s %(unit)s a month on average; in this period %(now)s, "
        "%(difference)s %(direction)s (%(percent)s%%)."
    ) % {
        "before": f"{before:,.1f}",
        "unit": unit,
        "now": f"{now:,.1f}",
        "difference": f"{abs(now - before):,.1f}",
        "direction": direction,
        "percent": f"{percent:+d}",
    }


def _wait_text(wait: Wait) -> tuple[str, str]:
    if wait.count == 0:
        return "–", "–"
    if wait.count < SMALL_NUMBER:
        hidden = str(_("fewer than %(limit)s waits") % {"limit": SMALL_NUMBER})
        return hidden, hidden
    return f"{wait.median:g}", f"{wait.p90}"


def _period_count(total: Cell, months: int, what: str) -> str:
    """A sentence giving the period's total, or saying why it is not shown."""
    if total.number is None:
        return _("The period's total of %(what)s is not shown, so that a small month's cannot be worked out.") % {
            "what": what
        }
    return ngettext("%(count)s %(what)s in this month.", "%(count)s %(what)s in these %(months)s months.", months) % {
        "count": total.text,
        "what": what,
        "months": months,
    }


def _count_summary(figures: Figures, total: Cell, what: str, baseline_field: str) -> tuple[str, float | None]:
    """The sentence summing up a count over the period beside its baseline, and the baseline's mean."""
    months = len(figures.months)
    before = _baseline_mean(figures.baseline, baseline_field)
    per_month = total.number / months if total.number is not None and months else None
    return _period_count(total, months, what) + _change(before, per_month, what), before


ROUTE_ORDER = [Route.INFORMATION, Route.COMMUNITY, Route.HUB_SUPPORT, Route.SECONDARY_CARE, Route.CLOSED]


ROUTE_WIDTH = len(ROUTE_ORDER) + 1  # each route, and not routed yet


def _route_columns() -> list[str]:
    """The columns of a table by route: each route, not routed yet, and all of them."""
    return [*(str(route.label) for route in ROUTE_ORDER), _("Not routed yet"), _("All introductions")]


def _route_counts(routes: dict[str, int], introductions: int) -> list[int]:
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
    routes = [_route_counts(month.routes, month.introductions) for month in figures.months]
    groups = {
        grouping: [_route_counts(group.routes, group.introductions) for group in in_groups]
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
    summary, before = _count_summary(figures, made.total, _("introductions"), "introductions")
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


def _share(part: Cell, whole: Cell) -> str:
    """A part's share of a whole; not shown when either is hidden, as the share would give it away."""
    if not whole.number or part.number is None:
        return "–"
    return f"{round(100 * part.number / whole.number)}%"


def routes_table(figures: Figures, grids: Grids) -> Table:
    grid = grids.routes
    shares: list[Value] = [_share(total, grid.total) for total in grid.column_totals]
    return Table(
        slug="routes",
        title=_("Where introductions went"),
        summary=_(
            "Where the introductions that arrived each month went, counted in the month they arrived, with each "
            "route's share of the period at the foot."
        ),
        first_column=_("Month"),
        columns=_route_columns(),
        rows=[
            (month_label(month.month), [*grid.rows[index], grid.row_totals[index]])
            for index, month in enumerate(figures.months)
        ],
        footer=[
            (_("All months"), [*grid.column_totals, grid.total]),
            (_("Share of the period"), [*shares, _share(grid.total, grid.total)]),
        ],
    )


def secondary_care_table(figures: Figures, grids: Grids) -> Table:
    """The routes' secondary-care column on its own, hidden just as it is there."""
    column = ROUTE_ORDER.index(Route.SECONDARY_CARE)
    months = [[row[column]] for row in grids.routes.rows]
    total = grids.routes.column_totals[column]
    summary, before = _count_summary(figures, total, _("referrals to secondary care"), "secondary_care_referrals")
    return Table(
        slug="secondary-care",
        title=_("Referrals to secondary care"),
        summary=summary,
        first_column=_("Month"),
        columns=[_("Referrals to secondary care")],
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
        contact_median, contact_p90 = _wait_text(month.days_to_first_contact)
        talk_median, talk_p90 = _wait_text(month.days_to_first_conversation)
        if month.days_to_first_contact.count >= SMALL_NUMBER and month.days_to_first_contact.median is not None:
            medians.append(month.days_to_first_contact.median)
        rows.append(
            (
                month_label(month.month),
                [contact_median, contact_p90, talk_median, talk_p90, cell(month.still_waiting)],
            )
        )
    before = _baseline_mean(figures.baseline, "median_days_to_first_contact")
    return Table(
        slug="waits",
        title=_("How long people waited"),
        summary=_(
            "Calendar days from an introduction arriving to the first contact attempt and to the first "
            "conversation, by the month it arrived, and how many were still waiting for contact at the month's end."
        )
        + _change(before, _mean(medians), _("days to first contact")),
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
        rows.append((area.name, [*_wait_text(area.first_contact), *_wait_text(area.first_conversation)]))
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


GROUPINGS: dict[str, tuple[str | Promise, str | Promise]] = {
    Population.Grouping.AGE_BAND: (_lazy("Introductions by age"), _lazy("Age")),
    Population.Grouping.GENDER: (_lazy("Introductions by gender"), _lazy("Gender")),
    Population.Grouping.ETHNIC_GROUP: (_lazy("Introductions by ethnic group"), _lazy("Ethnic group")),
    Population.Grouping.NEIGHBOURHOOD: (_lazy("Introductions by neighbourhood"), _lazy("Neighbourhood")),
}


def group_table(grouping: str, groups: list[GroupFigures], grid: Grid) -> Table:
    """The period's introductions in each group by route, and each group's share of them beside its share
    of the borough's people where the deployment loaded them."""
    title, first_column = GROUPINGS[grouping]
    people = sum(group.population or 0 for group in groups)
    columns = [*_route_columns(), _("Share of introductions")]
    if people:
        columns.append(_("Share of the borough's people"))
    rows: list[tuple[str, list[Value]]] = []
    for index, group in enumerate(groups):
        values: list[Value] = [*grid.rows[index], grid.row_totals[index], _share(grid.row_totals[index], grid.total)]
        if people:
            values.append(f"{round(100 * group.population / people)}%" if group.population is not None else "–")
        rows.append((group.name or _("Not given"), values))
    footer: list[Value] = [*grid.column_totals, grid.total, _share(grid.total, grid.total)]
    if people:
        footer.append("100%")
    summary = _(
        "The introductions that arrived in the period in each group, where the person gave it, and where they went."
    )
    if people:
        summary += " " + _(
            "Beside each group's share of the introductions is its share of the borough's people, so that "
            "groups the network is not reaching stand out."
        )
    return Table(
        slug=f"by-{grouping.replace('_', '-')}",
        title=str(title),
        summary=summary,
        first_column=str(first_column),
        columns=columns,
        rows=rows,
        footer=[(_("All groups"), footer)],
    )


def group_tables(figures: Figures, grids: Grids) -> list[Table]:
    return [
        group_table(grouping, figures.groups[grouping], grids.groups[grouping])
        for grouping in GROUPINGS
        if grouping in figures.groups
    ]


def dashboard_tables(figures: Figures) -> list[Table]:
    grids = suppressed_together(figures)
    return [
        introductions_table(figures, grids),
        routes_table(figures, grids),
        secondary_care_table(figures, grids),
        waits_table(figures),
        neighbourhood_waits_table(figures.areas),
        *group_tables(figures, grids),
    ]


DASHBOARD_SECONDS = 300


def dashboard(start: datetime.date, end: datetime.date) -> list[Table]:
    """The dashboard's tables for the period, kept in the cache for a few minutes: they are counted from
    rows that the task worker keeps a little behind anyway, and the page's charts and downloads ask for
    them again."""
    key = f"insight:dashboard:{get_language()}:{start:%Y-%m}:{end:%Y-%m}"
    tables = cache.get(key)
    if tables is None:
        tables = dashboard_tables(figures_for(start, end))
        cache.set(key, tables, DASHBOARD_SECONDS)
    return tables
