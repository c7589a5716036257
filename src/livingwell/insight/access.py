"""Who may read the figures, and the audit event for each read. The figures name nobody; every view,
chart and download of them is still audited, as an aggregate read of a period."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404

from livingwell.accounts.models import BODY_RUNNING_ROLES, FIGURES_ROLES, HUB_MANAGER_ROLES, Role, User
from livingwell.accounts.permissions import user_is_verified
from livingwell.audit.services import audit_aggregate_record
from livingwell.collaborative.models import Body, Membership
from livingwell.insight.models import Alliance, PartnerFinance, QuarterlyReport
from livingwell.insight.quarters import Quarter, quarter_parse
from livingwell.insight.reports import report_stored_tables
from livingwell.insight.tables import Table, dashboard
from livingwell.insight.tables.alliance import alliance_tables_cached, alliances_tables
from livingwell.insight.team import team_figures, team_of, team_table
from livingwell.insight.timebank_figures import TimeBankFigures, time_bank_figures
from livingwell.voice.experience import ExperienceFigures, experience_figures

FIGURES_READERS = frozenset(FIGURES_ROLES)


def _figures_check(user: User) -> None:
    if not user.is_authenticated or user.role not in FIGURES_READERS:
        raise PermissionDenied


def table_or_404(tables: list[Table], slug: str, *, charted: bool = False) -> Table:
    """The table of that slug (one drawn as a chart, if ``charted``), or not found."""
    table = next((table for table in tables if table.slug == slug and (table.charted or not charted)), None)
    if table is None:
        raise Http404
    return table


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
    table = table_or_404(dashboard(start, end), slug)
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
    but for payments, and each alliance's (decision 0036). Not audited: they are published figures, and the
    public read them without an account (decision 0031)."""
    tables = [table for table in dashboard(quarter.start, quarter.end) if table.slug not in NOT_PUBLIC]
    return tables + alliances_tables(quarter.start, quarter.end)


# The quarterly report (decision 0032). Analysts write it; those who run the Collaborative's meetings
# approve it there; either publishes it. Its members, and everyone who reads the figures, read it as a
# draft; once published, anyone does.
REPORT_WRITERS = (Role.ANALYST, Role.ADMINISTRATOR)
REPORT_APPROVERS = BODY_RUNNING_ROLES
REPORT_PUBLISHERS = tuple(dict.fromkeys((*REPORT_WRITERS, *REPORT_APPROVERS)))


def reads_reports(user: User) -> bool:
    """Whether ``user`` reads every report, drafts too: figures readers, those who run meetings, and members
    of a Collaborative. Staff only once they have given their second factor."""
    if not user.is_authenticated or (user.is_staff_role and not user_is_verified(user)):
        return False
    if user.role in {*FIGURES_ROLES, *REPORT_PUBLISHERS}:
        return True
    return Membership.objects.filter(
        member__user=user, body__kind=Body.Kind.COLLABORATIVE, left_on__isnull=True
    ).exists()


def critical_friend_of(user: User) -> Membership | None:
    """The user's current membership of a Collaborative, the body that comments on reports; None for none."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(member__user=user, body__kind=Body.Kind.COLLABORATIVE, left_on__isnull=True)
        .select_related("body", "member__user")
        .first()
    )


def access_critical_friend_for(user: User) -> Membership:
    membership = critical_friend_of(user)
    if membership is None:
        raise PermissionDenied
    return membership


def _report_or_404(slug: str) -> QuarterlyReport:
    quarter = quarter_parse(slug)
    report = QuarterlyReport.objects.filter(quarter_start=quarter.start).first() if quarter else None
    if report is None:
        raise Http404
    return report


def access_reports_for(user: User) -> list[QuarterlyReport]:
    if not reads_reports(user):
        raise PermissionDenied
    audit_aggregate_record(actor=user, what="insight.reports", period="all", detail="list")
    return list(QuarterlyReport.objects.select_related("decision__meeting"))


def access_report_for(user: User, slug: str, *, as_what: str) -> QuarterlyReport:
    """A report for a reader (any report) or anyone (a published one); audited for those signed in."""
    report = _report_or_404(slug)
    if report.status != QuarterlyReport.Status.PUBLISHED and not reads_reports(user):
        raise Http404  # not published yet
    if user.is_authenticated:
        audit_aggregate_record(actor=user, what="insight.report", period=slug, detail=as_what)
    return report


def access_report_published(slug: str) -> QuarterlyReport:
    """A published report, for anyone; not audited, like the rest of the public figures."""
    report = _report_or_404(slug)
    if report.status != QuarterlyReport.Status.PUBLISHED:
        raise Http404
    return report


def report_tables(report: QuarterlyReport) -> list[Table]:
    """A draft's figures as the quarter's are now; an approved report's as they were when approved."""
    if report.status == QuarterlyReport.Status.DRAFT:
        return public_tables(report.quarter)
    return report_stored_tables(report)


def reports_published() -> list[QuarterlyReport]:
    return list(QuarterlyReport.objects.filter(status=QuarterlyReport.Status.PUBLISHED))


# Alliances (decision 0033): those who read the figures read them; analysts set them up.
ALLIANCE_WRITERS = REPORT_WRITERS


def access_alliances_for(user: User) -> list[Alliance]:
    _figures_check(user)
    audit_aggregate_record(actor=user, what="insight.alliances", period="all", detail="list")
    return list(Alliance.objects.all())


def alliance_or_404(alliance_id: int) -> Alliance:
    alliance = Alliance.objects.filter(pk=alliance_id).first()
    if alliance is None:
        raise Http404
    return alliance


def first_finance_month(alliance_id: int) -> datetime.date | None:
    """The first month of an alliance's budgets, which its period may start from."""
    finances = PartnerFinance.objects.filter(partner__alliance_id=alliance_id).order_by("first_month")
    return finances.values_list("first_month", flat=True).first()


def access_alliance_for(
    user: User, alliance_id: int, start: datetime.date, end: datetime.date, *, as_what: str
) -> tuple[Alliance, list[Table]]:
    """An alliance's tables for the period: budgets, spend and the outcomes of the people its partners
    supported, suppressed; audited as an aggregate read."""
    _figures_check(user)
    alliance = alliance_or_404(alliance_id)
    audit_aggregate_record(
        actor=user, what=f"insight.alliance.{alliance.pk}", period=_period(start, end), detail=as_what
    )
    return alliance, alliance_tables_cached(alliance, start, end)


def access_experience_for(user: User, start: datetime.date, end: datetime.date) -> ExperienceFigures:
    """The experience-of-support answers for the months from ``start`` to ``end``, counted and suppressed;
    an aggregate read, audited as one."""
    audit_aggregate_record(actor=user, what="insight.experience", period=f"{start:%Y-%m}..{end:%Y-%m}")
    before = (end + datetime.timedelta(days=32)).replace(day=1)
    return experience_figures(start, before)


def access_time_bank_figures_for(user: User, start: datetime.date, end: datetime.date) -> TimeBankFigures:
    """The time bank's figures for the months from ``start`` to ``end``, suppressed; an aggregate read."""
    audit_aggregate_record(actor=user, what="insight.time_bank", period=f"{start:%Y-%m}..{end:%Y-%m}")
    return time_bank_figures(start, (end + datetime.timedelta(days=32)).replace(day=1))
