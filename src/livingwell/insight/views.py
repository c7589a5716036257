"""The figures dashboard: parse the period, call access, render the page, its charts and its CSVs."""

import datetime
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from livingwell.accounts.models import FIGURES_ROLES, HUB_MANAGER_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.exports import csv_text
from livingwell.insight.access import access_dashboard_for, access_dashboard_table_for, access_team_table_for
from livingwell.insight.charts import chart_svg
from livingwell.insight.forms import PeriodForm, default_period
from livingwell.insight.selectors import first_counted_month

# A chart is an image: its own inline styles may apply, and nothing in it may run.
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


def _period_form(request: AuthenticatedHttpRequest) -> PeriodForm:
    return PeriodForm(request.GET or None, first_month=first_counted_month() or default_period()[0])


def _query(start: datetime.date, end: datetime.date) -> str:
    return urlencode({"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"})


@require_GET
@role_required(*FIGURES_ROLES)
def dashboard_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _period_form(request)
    start, end = form.period()
    tables = access_dashboard_for(request.user, start, end)
    context = {
        "form": form,
        "tables": tables,
        "start": start,
        "end": end,
        "query": _query(start, end),
        "sees_team": request.user.role in HUB_MANAGER_ROLES,
    }
    return render(request, "insight/dashboard.html", context)


@require_GET
@role_required(*FIGURES_ROLES)
def table_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    start, end = _period_form(request).period()
    table = access_dashboard_table_for(request.user, start, end, slug, as_what="csv")
    header, *rows = table.csv_rows()
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{start:%Y-%m}-to-{end:%Y-%m}.csv"'
    return response


@require_GET
@role_required(*FIGURES_ROLES)
def table_chart(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    start, end = _period_form(request).period()
    table = access_dashboard_table_for(request.user, start, end, slug, as_what="chart")
    response = HttpResponse(chart_svg(table), content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = CHART_POLICY
    return response


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def team_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "insight/team.html", {"table": access_team_table_for(request.user, as_what="page")})


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def team_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    table = access_team_table_for(request.user, as_what="csv")
    header, *rows = table.csv_rows()
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="team-today.csv"'
    return response
