"""The tables of onward introductions: month by month, and by the kind of organisation they went to, with
the period's totals, which both tables show, hidden in both once either hides them."""

from django.utils.translation import gettext as _

from livingwell.core.suppression import Grid, hidden_at, suppressed_grid
from livingwell.directory.models import Organization
from livingwell.insight.figure_parts import ONWARD_STEPS, OnwardFigures, wait_from
from livingwell.insight.selectors import Figures
from livingwell.insight.tables.common import Table, Value, month_label, wait_text


def _columns() -> list[str]:
    return [
        _("Sent"),
        _("Accepted"),
        _("Started"),
        _("Finished"),
        _("Declined"),
        _("No response"),
        _("Waiting for a reply"),
        _("Days to a reply: median"),
        _("Days to a reply: 90th percentile"),
    ]


def _steps(onward: list[OnwardFigures]) -> list[list[int]]:
    return [[figures.steps[step] for step in ONWARD_STEPS] for figures in onward]


def _suppressed_together(by_month: list[list[int]], by_kind: list[list[int]]) -> tuple[Grid, Grid]:
    """The two grids, with each step's period total hidden in both once either hides it."""
    width = len(ONWARD_STEPS)
    hidden: frozenset[int] = frozenset()
    while True:
        months = suppressed_grid(by_month, width=width, hidden_columns=hidden)
        kinds = suppressed_grid(by_kind, width=width, hidden_columns=hidden)
        now = hidden_at(months.column_totals) | hidden_at(kinds.column_totals)
        if now == hidden:
            return months, kinds
        hidden = now


def onward_tables(figures: Figures) -> list[Table]:
    """The steps are not a partition (a started one was accepted first; one accepted may be declined
    later), so no row has a total; each step's total over the period is the foot of both tables."""
    kinds = list(figures.onward_by_kind)
    by_kind = [figures.onward_by_kind[kind] for kind in kinds]
    months, kind_grid = _suppressed_together(_steps([month.onward for month in figures.months]), _steps(by_kind))
    period = wait_text(wait_from([reply for onward in by_kind for reply in onward.reply]))
    footer: list[Value] = [*months.column_totals, *period]
    labels = dict(Organization.Kind.choices)
    return [
        Table(
            slug="onward",
            title=_("Onward introductions"),
            summary=_(
                "Introductions the Hub made to services in the network, by the month they were sent. How many "
                "were accepted, started, finished or declined, had no response or are still waiting for a reply. "
                "And the calendar days to the service's reply."
            ),
            first_column=_("Month"),
            columns=_columns(),
            rows=[
                (month_label(month.month), [*months.rows[index], *wait_text(month.onward.days_to_reply)])
                for index, month in enumerate(figures.months)
            ],
            footer=[(_("All months"), footer)],
            charted=[0, 1],
        ),
        Table(
            slug="onward-by-organisation",
            title=_("Onward introductions by kind of organisation"),
            summary=_(
                "The period's onward introductions by the kind of organisation they went to. It shows where "
                "people are welcomed quickly, and where introductions go unanswered."
            ),
            first_column=_("Kind of organisation"),
            columns=_columns(),
            rows=[
                (str(labels.get(kind, _("Not recorded"))), [*kind_grid.rows[index], *wait_text(onward.days_to_reply)])
                for index, (kind, onward) in enumerate(zip(kinds, by_kind, strict=True))
            ],
            footer=[(_("All kinds"), footer)],
        ),
    ]
