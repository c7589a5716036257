"""Who may read the figures, and the audit event for each read. The figures name nobody; every view,
chart and download of them is still audited, as an aggregate read of a period."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404

from livingwell.accounts.models import FIGURES_ROLES, HUB_MANAGER_ROLES, User
from livingwell.audit.services import audit_aggregate_record
from livingwell.insight.quarters import Quarter
from livingwell.insight.tables import Table, dashboard
from livingwell.insight.team import team_figures, team_of, team_table

FIGURES_READERS = frozenset(FIGURES_ROLES)


def _figures_check(user: User) -> None:
    if not user.is_authenticated or user.role not in FIGURES_READERS:
        raise PermissionDenied


def _period(start: datetime.date, end: datetime.date) -> str:
    return f"{start:%Y-%m}/{end:%Y-%m}"


def access_dashboard_for(user: User, start: datetime.date, end: datetime.date) -> list[Table]:
    _figures_check(user)
    audit_aggregate_record(actor=user, what="insight.dashboard", period=_period(start, end), detail="page")
    return dashboard(start, end)


def access_dashboard_table_for(
    user: User, start: datetime.date, end: datetime.date, slug: str, *, as_what: str
) -> Table:
    """One of the dashboard's tables, for its chart or its CSV (``as_what``)."""
    _figures_check(user)
    table = next((table for table in dashboard(start, end) if table.slug == slug), None)
    if table is None:
        raise Http404
    audit_aggregate_record(
        actor=user, what="insight.dashboard", period=_period(start, end), detail=f"{as_what}: {slug}"
    )
    return table


def access_team_table_for(user: User, *, as_what: str) -> Table:
    """The Hub manager's own team today (an administrator's: every guide with someone in support). Counts
    of staff's work, audited as an aggregate read like the other figures."""
    if not user.is_authenticated or user.role not in HUB_MANAGER_ROLES:
        raise PermissionDenied
    audit_aggregate_record(actor=user, what="insight.team", period="today", detail=as_what)
    return team_table(team_figures(team_of(user)))


# Payments to people stay with those who run the network, though suppressed.
NOT_PUBLIC = frozenset({"attendance"})


def public_tables(quarter: Quarter) -> list[Table]:
    """What anyone may read for a quarter that has ended: the dashboard's tables, suppressed the same way,
    but for payments. Not audited: they are published figures, and the public read them without an
    account (decision 0031)."""
    return [table for table in dashboard(quarter.start, quarter.end) if table.slug not in NOT_PUBLIC]
