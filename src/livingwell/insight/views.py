"""The figures dashboard: parse the period, call access, render the page, its charts and its CSVs."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from livingwell.accounts.models import FIGURES_ROLES, HUB_MANAGER_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.exports import csv_text
from livingwell.core.languages import in_site_language
from livingwell.insight.access import (
    access_dashboard_for,
    access_dashboard_table_for,
    access_experience_for,
    access_team_table_for,
    access_time_bank_figures_for,
    public_tables,
    reads_reports,
    reports_published,
    table_or_404,
)
from livingwell.insight.charts import chart_svg
from livingwell.insight.forms import PeriodForm, QuarterForm, default_period
from livingwell.insight.open_data import CSV_HEADER, licence_line, open_data_csv_rows, open_data_json
from livingwell.insight.quarters import Quarter, quarter_parse, quarters_ended
from livingwell.insight.selectors import first_counted_month
from livingwell.insight.tables import Table


@dataclass
class Section:
    """A table as a page shows it, with where its chart and its CSV are (none where it has none)."""

    table: Table
    chart_url: str = ""
    csv_url: str = ""


def sections_of(
    tables: list[Table], *, chart: Callable[[str], str] | None = None, csv: Callable[[str], str] | None = None
) -> list[Section]:
    """The tables' sections; ``chart`` and ``csv`` give the address of a table's chart and CSV by its slug."""
    return [
        Section(table, chart(table.slug) if chart and table.charted else "", csv(table.slug) if csv else "")
        for table in tables
    ]


# A chart is an image: its own inline styles may apply, and nothing in it may run.
CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


def period_form(request: AuthenticatedHttpRequest, first: datetime.date | None = None) -> PeriodForm:
    """The period asked for, from the months there are figures for (or from ``first``, where earlier)."""
    months = [month for month in (first_counted_month(), first) if month is not None]
    return PeriodForm(request.GET or None, first_month=min(months, default=default_period()[0]))


def period_query(start: datetime.date, end: datetime.date) -> str:
    return urlencode({"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"})


@require_GET
@role_required(*FIGURES_ROLES)
def dashboard_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = period_form(request)
    start, end = form.period()
    tables = access_dashboard_for(request.user, start, end)
    query = period_query(start, end)
    context = {
        "form": form,
        "sections": sections_of(
            tables,
            chart=lambda slug: f"{reverse('insight:table_chart', args=[slug])}?{query}",
            csv=lambda slug: f"{reverse('insight:table_csv', args=[slug])}?{query}",
        ),
        "start": start,
        "end": end,
        "sees_team": request.user.role in HUB_MANAGER_ROLES,
    }
    return render(request, "insight/dashboard.html", context)


@require_GET
@role_required(*FIGURES_ROLES)
def time_bank_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The time bank's members, active members, hours exchanged, and who both gave and received."""
    form = period_form(request)
    start, end = form.period()
    figures = access_time_bank_figures_for(request.user, start, end)
    return render(request, "insight/time_bank.html", {"form": form, "figures": figures, "start": start, "end": end})


@require_GET
@role_required(*FIGURES_ROLES)
def experience_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """How people say their support was, from the experience-of-support survey: counted, suppressed."""
    form = period_form(request)
    start, end = form.period()
    figures = access_experience_for(request.user, start, end)
    return render(request, "insight/experience.html", {"form": form, "figures": figures, "start": start, "end": end})


@require_GET
@role_required(*FIGURES_ROLES)
def table_csv(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    start, end = period_form(request).period()
    table = access_dashboard_table_for(request.user, start, end, slug, as_what="csv")
    return csv_response(table, f"{slug}-{start:%Y-%m}-to-{end:%Y-%m}.csv")


def csv_response(table: Table, filename: str) -> HttpResponse:
    """The table as a CSV download."""
    header, *rows = table.csv_rows()
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def chart_response(table: Table) -> HttpResponse:
    response = HttpResponse(chart_svg(table), content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = CHART_POLICY
    return response


@require_GET
@role_required(*FIGURES_ROLES)
def table_chart(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    start, end = period_form(request).period()
    return chart_response(access_dashboard_table_for(request.user, start, end, slug, as_what="chart"))


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def team_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "insight/team.html", {"table": access_team_table_for(request.user, as_what="page")})


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def team_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    return csv_response(access_team_table_for(request.user, as_what="csv"), "team-today.csv")


# The public figures: "How we are doing", for quarters that have ended (decision 0031).


def _quarter_or_404(slug: str) -> Quarter:
    quarter = quarter_parse(slug)
    if quarter is None or quarter not in quarters_ended(first_counted_month()):
        raise Http404
    return quarter


@require_GET
def public_view(request: HttpRequest) -> HttpResponse:
    quarters = quarters_ended(first_counted_month())
    form = QuarterForm(request.GET or None, quarters=quarters)
    quarter = form.chosen()
    context = {
        "form": form,
        "quarter": quarter,
        "sections": sections_of(
            public_tables(quarter) if quarter else [],
            chart=lambda slug: reverse("public_figures:chart", args=[quarter.slug if quarter else "", slug]),
        ),
        "licence_line": licence_line(),
        "licence": settings.LW_OPEN_DATA_LICENCE,
        "licence_url": settings.LW_OPEN_DATA_LICENCE_URL,
        "reports": reports_published(),
        "reads_reports": reads_reports(request.user),  # type: ignore[arg-type]
    }
    return render(request, "insight/public.html", context)


@require_GET
def public_chart(request: HttpRequest, quarter: str, slug: str) -> HttpResponse:
    return chart_response(table_or_404(public_tables(_quarter_or_404(quarter)), slug))


def _licensed(response: HttpResponse) -> HttpResponse:
    response["Link"] = f'<{settings.LW_OPEN_DATA_LICENCE_URL}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"  # open data, for anyone's own tools
    return response


@require_GET
def public_json(request: HttpRequest, quarter: str) -> HttpResponse:
    chosen = _quarter_or_404(quarter)
    with in_site_language():  # open data reads the same whichever language its page was read in
        data = open_data_json(chosen, public_tables(chosen))
    return _licensed(JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1}))


@require_GET
def public_csv(request: HttpRequest, quarter: str) -> HttpResponse:
    chosen = _quarter_or_404(quarter)
    with in_site_language():
        text = csv_text(CSV_HEADER, open_data_csv_rows(chosen, public_tables(chosen)))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="how-we-are-doing-{chosen.slug}.csv"'
    return _licensed(response)
