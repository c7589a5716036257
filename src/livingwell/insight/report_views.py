"""The quarterly report's pages (decision 0032): the list, a report (a draft for the Collaborative's members
and those who read the figures, a published one for anyone), its PDF and charts, and its steps: start, write,
approve by the Collaborative's decision, publish."""

import datetime

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.models import Topic
from livingwell.core.forms import fresh_token
from livingwell.core.refusals import Refused
from livingwell.insight import reports
from livingwell.insight.access import (
    REPORT_APPROVERS,
    REPORT_PUBLISHERS,
    REPORT_WRITERS,
    access_critical_friend_for,
    access_report_for,
    access_report_published,
    access_reports_for,
    critical_friend_of,
    report_tables,
    table_or_404,
)
from livingwell.insight.forms import QuarterForm, ReportApproveForm, ReportCommentForm, ReportIntroductionForm
from livingwell.insight.models import QuarterlyReport
from livingwell.insight.open_data import licence_line
from livingwell.insight.pdf import report_pdf
from livingwell.insight.quarters import Quarter, quarter_parse, quarters_ended
from livingwell.insight.selectors import first_counted_month
from livingwell.insight.views import chart_response, sections_of
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.voice.stories import stories_in_report

Status = QuarterlyReport.Status


def _quarters_to_start(existing: list[QuarterlyReport]) -> list[Quarter]:
    started = {report.quarter_start for report in existing}
    return [quarter for quarter in quarters_ended(first_counted_month()) if quarter.start not in started]


def _report_url(report: QuarterlyReport) -> str:
    return reverse("insight:report", args=[report.quarter.slug])


@require_GET
@role_required()
def reports_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    existing = access_reports_for(request.user)
    writes = request.user.role in REPORT_WRITERS
    form = QuarterForm(quarters=_quarters_to_start(existing)) if writes else None
    return render(request, "insight/reports.html", {"reports": existing, "form": form})


@require_POST
@role_required(*REPORT_WRITERS)
def report_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    existing = access_reports_for(request.user)
    form = QuarterForm(request.POST, quarters=_quarters_to_start(existing))
    quarter = quarter_parse(request.POST.get("quarter", "")[:20])
    already = next((report for report in existing if quarter and report.quarter_start == quarter.start), None)
    if already is not None:  # started by a first click, or by a colleague: open it
        return HttpResponseRedirect(_report_url(already))
    if not form.is_valid() or quarter is None:
        return render(request, "insight/reports.html", {"reports": existing, "form": form}, status=400)
    try:
        report = reports.report_start(actor=request.user, quarter=quarter)
    except Refused as refused:
        form.add_error("quarter", str(refused))
        return render(request, "insight/reports.html", {"reports": existing, "form": form}, status=400)
    messages.success(request, _("The report for %(quarter)s is started.") % {"quarter": quarter.label})
    return HttpResponseRedirect(_report_url(report))


def _report_context(report: QuarterlyReport, *, public: bool = False) -> dict[str, object]:
    slug = report.quarter.slug
    chart = "public_figures:report_chart" if public else "insight:report_chart"
    tables = report_tables(report)
    return {
        "report": report,
        "quarter": report.quarter,
        "tables": tables,
        "sections": sections_of(tables, chart=lambda table: reverse(chart, args=[slug, table])),
        "licence_line": licence_line(),
        "public": public,
        # Up to the first day after the quarter: its last month's first day, a month on.
        "stories": stories_in_report(
            report.quarter.start, (report.quarter.end + datetime.timedelta(days=32)).replace(day=1)
        ),
    }


@require_GET
@role_required()
def report_view(request: AuthenticatedHttpRequest, quarter: str) -> HttpResponse:
    report = access_report_for(request.user, quarter, as_what="page")
    role = request.user.role
    context = {
        **_report_context(report),
        "writes": role in REPORT_WRITERS and report.status == Status.DRAFT,
        "approve_form": (
            ReportApproveForm(decisions=reports.decisions_to_approve_with())
            if role in REPORT_APPROVERS and report.status == Status.DRAFT
            else None
        ),
        "publishes": role in REPORT_PUBLISHERS and report.status == Status.APPROVED,
        "comments": reports.report_comments(report),
        "comment_form": (
            ReportCommentForm(initial=fresh_token())
            if report.status != Status.PUBLISHED and critical_friend_of(request.user) is not None
            else None
        ),
    }
    return render(request, "insight/report.html", context)


@require_POST
@role_required()
def report_comment(request: AuthenticatedHttpRequest, quarter: str) -> HttpResponse:
    """The Collaborative's critical friend: a member comments on the report before it is published."""
    membership = access_critical_friend_for(request.user)
    report = access_report_for(request.user, quarter, as_what="comment")
    form = ReportCommentForm(request.POST)
    if form.is_valid():
        text = form.cleaned_data["text"]
        words_read(
            request,
            texts=[text],
            where=RiskFlag.Where.TOPIC,
            writer_name=membership.member.name,
            writer_contact=membership.member.email or membership.member.phone,
            once=once_for(RiskFlag.Where.TOPIC, str(membership.pk), text),
        )
        try:
            comment = reports.report_comment_add(
                actor=request.user,
                membership=membership,
                report=report,
                text=text,
                submission_id=form.cleaned_data["submission_id"],
            )
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            scheduled = comment.topic is not None and comment.topic.status == Topic.Status.SCHEDULED
            messages.success(
                request,
                _("Thank you. Your comment is on the agenda of the Collaborative's next meeting.")
                if scheduled
                else _("Thank you. Your comment is in the Collaborative's rolling programme, for its next meeting."),
            )
    else:
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    return HttpResponseRedirect(_report_url(report))


@require_http_methods(["GET", "POST"])
@role_required(*REPORT_WRITERS)
def report_edit(request: AuthenticatedHttpRequest, quarter: str) -> HttpResponse:
    report = access_report_for(request.user, quarter, as_what="edit")
    form = ReportIntroductionForm(request.POST or None, instance=report)
    if report.status != Status.DRAFT:
        messages.error(request, _("This report has been approved, so its words can no longer change."))
        return HttpResponseRedirect(_report_url(report))
    if request.method == "POST" and form.is_valid():
        try:
            reports.report_introduction_save(
                actor=request.user, report=report, introduction=form.cleaned_data["introduction"]
            )
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Saved."))
        return HttpResponseRedirect(_report_url(report))
    context = {
        "form": form,
        "heading": _("What this quarter shows"),
        "caption": _("Quarterly report: %(quarter)s") % {"quarter": report.quarter.label},
        "back": _report_url(report),
        "button": _("Save"),
    }
    return render(request, "core/form_page.html", context, status=400 if request.method == "POST" else 200)


@require_POST
@role_required(*REPORT_APPROVERS)
def report_approve(request: AuthenticatedHttpRequest, quarter: str) -> HttpResponse:
    report = access_report_for(request.user, quarter, as_what="approve")
    form = ReportApproveForm(request.POST, decisions=reports.decisions_to_approve_with())
    if report.status != Status.DRAFT:
        messages.error(request, _("This report has already been approved."))
    elif form.is_valid():
        try:
            reports.report_approve(
                actor=request.user,
                report=report,
                decision=form.cleaned_data["decision"],
                tables=report_tables(report),
            )
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Approved. Its figures are now kept as they are."))
    else:
        messages.error(request, " ".join(str(error) for error in form.errors.get("decision", [])))
    return HttpResponseRedirect(_report_url(report))


@require_POST
@role_required(*REPORT_PUBLISHERS)
def report_publish(request: AuthenticatedHttpRequest, quarter: str) -> HttpResponse:
    report = access_report_for(request.user, quarter, as_what="publish")
    try:
        reports.report_publish(actor=request.user, report=report)
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Published. Anyone can now read it on “How we are doing”."))
    return HttpResponseRedirect(_report_url(report))


PDF_SECONDS = 24 * 60 * 60


def _pdf(report: QuarterlyReport, context: dict[str, object]) -> bytes:
    """The report's PDF. An approved report never changes, so its PDF is made once a day at most: anyone
    may ask for a published one, and each takes a second or so to draw."""
    if report.status == Status.DRAFT:
        return report_pdf(report, context)
    key = f"insight:report-pdf:{report.pk}:{report.updated_at.timestamp()}:{get_language()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = report_pdf(report, context)
        cache.set(key, pdf, PDF_SECONDS)
    return pdf


def _pdf_response(request: HttpRequest, report: QuarterlyReport) -> HttpResponse:
    context = _report_context(report)
    try:
        pdf = _pdf(report, context)
    except Refused as refused:
        return render(request, "insight/report_no_pdf.html", {**context, "why": str(refused)}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    slug = report.quarter.slug
    response["Content-Disposition"] = f'attachment; filename="quarterly-report-{slug}.pdf"'
    return response


def _chart(report: QuarterlyReport, slug: str) -> HttpResponse:
    return chart_response(table_or_404(report_tables(report), slug, charted=True))


@require_GET
@role_required()
def report_pdf_view(request: AuthenticatedHttpRequest, quarter: str) -> HttpResponse:
    return _pdf_response(request, access_report_for(request.user, quarter, as_what="pdf"))


@require_GET
@role_required()
def report_chart(request: AuthenticatedHttpRequest, quarter: str, slug: str) -> HttpResponse:
    return _chart(access_report_for(request.user, quarter, as_what=f"chart: {slug}"[:60]), slug)


# Published reports, for anyone.


@require_GET
def public_report_view(request: HttpRequest, quarter: str) -> HttpResponse:
    report = access_report_published(quarter)
    return render(request, "insight/report.html", _report_context(report, public=True))


@require_GET
def public_report_pdf(request: HttpRequest, quarter: str) -> HttpResponse:
    return _pdf_response(request, access_report_published(quarter))


@require_GET
def public_report_chart(request: HttpRequest, quarter: str, slug: str) -> HttpResponse:
    return _chart(access_report_published(quarter), slug)
