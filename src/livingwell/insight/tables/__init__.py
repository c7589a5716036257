"""The dashboard's tables, worked out once from the figures and suppressed: the same table is shown on the
page, drawn as its chart and downloaded as its CSV, so the three always agree."""

import datetime

from django.core.cache import cache
from django.utils.translation import get_language

from livingwell.insight.selectors import Figures, figures_for
from livingwell.insight.tables.common import Table, month_label
from livingwell.insight.tables.coproduction import coproduction_tables
from livingwell.insight.tables.equality import equality_tables
from livingwell.insight.tables.groups import group_tables
from livingwell.insight.tables.introductions import (
    ROUTE_ORDER,
    introductions_table,
    neighbourhood_waits_table,
    routes_table,
    secondary_care_table,
    suppressed_together,
    waits_table,
)
from livingwell.insight.tables.onward import onward_tables
from livingwell.insight.tables.outcomes import outcome_tables
from livingwell.insight.tables.pathway import pathway_table
from livingwell.insight.tables.support import early_support_table


def dashboard_tables(figures: Figures) -> list[Table]:
    grids = suppressed_together(figures)
    return [
        introductions_table(figures, grids),
        routes_table(figures, grids),
        secondary_care_table(figures, grids),
        waits_table(figures),
        neighbourhood_waits_table(figures.areas),
        early_support_table(figures),
        *onward_tables(figures),
        *outcome_tables(figures.outcomes),
        pathway_table(figures),
        *coproduction_tables(figures.coproduction),
        *group_tables(figures, grids),
        *equality_tables(figures.equality),
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


__all__ = ["ROUTE_ORDER", "Table", "dashboard", "dashboard_tables", "month_label", "suppressed_together"]
