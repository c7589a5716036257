"""What every table of the figures is made of: the table itself, and the sentences and cells they share."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from livingwell.core.suppression import SMALL_NUMBER, Cell
from livingwell.insight.figure_parts import Wait
from livingwell.insight.models import Baseline
from livingwell.insight.selectors import Figures

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


def mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def baseline_mean(baseline: list[Baseline], name: str) -> float | None:
    return mean([float(value) for row in baseline if (value := getattr(row, name)) is not None])


def change_text(before: float | None, now: float | None, unit: str) -> str:
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


def wait_text(wait: Wait) -> tuple[str, str]:
    if wait.count == 0:
        return "–", "–"
    if wait.count < SMALL_NUMBER:
        hidden = str(_("fewer than %(limit)s waits") % {"limit": SMALL_NUMBER})
        return hidden, hidden
    return f"{wait.median:g}", f"{wait.p90}"


def period_count(total: Cell, months: int, what: str) -> str:
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


def count_summary(figures: Figures, total: Cell, what: str, baseline_field: str) -> tuple[str, float | None]:
    """The sentence summing up a count over the period beside its baseline, and the baseline's mean."""
    months = len(figures.months)
    before = baseline_mean(figures.baseline, baseline_field)
    per_month = total.number / months if total.number is not None and months else None
    return period_count(total, months, what) + change_text(before, per_month, what), before


def share(part: Cell, whole: Cell) -> str:
    """A part's share of a whole; not shown when either is hidden, as the share would give it away."""
    if not whole.number or part.number is None:
        return "–"
    return f"{round(100 * part.number / whole.number)}%"
