"""An alliance's tables: budget, spend and cost per person by partner beside the baseline, and the
wellbeing of the people each partner supported. Counts of people are suppressed as everywhere; a cost or a
mean is shown only beside a shown count of the people it comes from (decision 0033)."""

import dataclasses
import datetime
from decimal import Decimal

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from livingwell.core.suppression import Cell, cell
from livingwell.insight.alliances import AllianceFigures, alliance_figures, version_key
from livingwell.insight.models import Alliance
from livingwell.insight.tables.common import Table, Value


def _money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def _people(counts: list[int], together: int) -> tuple[list[Cell], Cell]:
    """Each partner's people, and everyone (a person supported by two partners counts once): hidden when
    only one partner's count is, as it could be taken from the total."""
    cells = [cell(count) for count in counts]
    total = cell(together)
    total.hidden |= sum(each.hidden for each in cells) == 1
    return cells, total


def _cost(cost: Decimal | None, people: Cell) -> str:
    """A cost per person, not shown beside a hidden count of the people it is for."""
    if cost is None:
        return "–"
    return str(_("not shown")) if people.number is None else _money(cost)


def _change(now: Decimal | None, before: Decimal | None, people: Cell) -> str:
    if now is None or before is None or people.number is None:
        return "–"
    percent = round(100 * (now - before) / before)
    if percent == 0:
        return str(_("the same"))
    return (_("%(percent)s%% more") if percent > 0 else _("%(percent)s%% less")) % {"percent": abs(percent)}


def finance_table(figures: AllianceFigures) -> Table:
    before = figures.alliance.baseline_cost_per_person
    partners = figures.partners
    everyone = set().union(*(partner.people for partner in partners))
    cells, total = _people([len(partner.people) for partner in partners], len(everyone))
    rows: list[tuple[str, list[Value]]] = []
    for partner, people in zip(partners, cells, strict=True):
        cost = figures.cost_per_person_year(partner.spent, len(partner.people))
        rows.append(
            (
                partner.partner.organisation.name,
                [
                    _money(partner.budget),
                    _money(partner.spent),
                    people,
                    _cost(cost, people),
                    _change(cost, before, people),
                ],
            )
        )
    spent = sum((partner.spent for partner in partners), Decimal(0))
    cost = figures.cost_per_person_year(spent, len(everyone))
    footer: list[tuple[str, list[Value]]] = [
        (
            _("All partners"),
            [
                _money(sum((partner.budget for partner in partners), Decimal(0))),
                _money(spent),
                total,
                _cost(cost, total),
                _change(cost, before, total),
            ],
        )
    ]
    summary = _(
        "Each partner's budget and spend in the records that fall within the period, the people it supported, "
        "and the cost per person supported for a year, beside the cost before the alliance."
    )
    if before is not None:
        summary += " " + _("Before the alliance: £%(before)s per person a year.") % {"before": f"{before:,.2f}"}
    return Table(
        slug="alliance-spend",
        title=_("Budget, spend and cost per person"),
        summary=summary,
        first_column=_("Partner"),
        columns=[
            _("Budget"),
            _("Spent"),
            _("People supported"),
            _("Cost per person a year"),
            _("Change from before the alliance"),
        ],
        rows=rows,
        footer=footer,
    )


def outcomes_table(figures: AllianceFigures) -> Table:
    partners = figures.partners
    measured = [cell(partner.measured) for partner in partners]
    rows: list[tuple[str, list[Value]]] = []
    for partner, people in zip(partners, measured, strict=True):
        mean = partner.mean_change
        rows.append(
            (
                partner.partner.organisation.name,
                [
                    people,
                    "–" if mean is None or people.number is None else f"{mean:g}",
                    cell(partner.better) if figures.threshold_set else "–",
                ],
            )
        )
    return Table(
        slug="alliance-outcomes",
        title=_("Wellbeing of the people each partner supported"),
        summary=_(
            "For the people each partner supported in the period who filled in the Short Warwick-Edinburgh Mental "
            "Wellbeing Scale at least twice: the mean change from their first score to their latest (higher is "
            "better), and how many changed for the better by the amount this borough counts as meaningful."
        ),
        first_column=_("Partner"),
        columns=[_("People measured twice or more"), _("Mean change"), _("Better by a meaningful amount")],
        rows=rows,
    )


def alliance_tables(figures: AllianceFigures) -> list[Table]:
    return [finance_table(figures), outcomes_table(figures)]


# Kept a few minutes, as the dashboard's are: at London scale an alliance's people and their wellbeing take
# a second or so to count. A change to the alliance's partners or budgets counts them afresh.
ALLIANCE_SECONDS = 300


def alliance_tables_cached(alliance: Alliance, first: datetime.date, last: datetime.date) -> list[Table]:
    version = cache.get_or_set(version_key(alliance.pk), 1)
    key = f"insight:alliance:{alliance.pk}:{version}:{get_language()}:{first:%Y-%m}:{last:%Y-%m}"
    tables = cache.get(key)
    if tables is None:
        tables = alliance_tables(alliance_figures(alliance, first, last))
        cache.set(key, tables, ALLIANCE_SECONDS)
    return tables


def alliances_tables(first: datetime.date, last: datetime.date) -> list[Table]:
    """Every alliance with partners, its tables for the period named for it: for "How we are doing" and the
    quarterly report, where the Collaborative is the alliances' critical friend (decision 0036)."""
    return [
        dataclasses.replace(
            table,
            slug=f"alliance-{alliance.pk}-{table.slug.removeprefix('alliance-')}",
            title=f"{alliance.name}: {table.title}",
        )
        for alliance in Alliance.objects.filter(partners__isnull=False).distinct().order_by("name")
        for table in alliance_tables_cached(alliance, first, last)
    ]
