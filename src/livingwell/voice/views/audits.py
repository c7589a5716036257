"""Co-production audits against the six principles: who runs a body starts one (of the body, or of a partner
organisation), invites members and contributors to score it, agrees a rating and an action plan for each
principle as facilitator, and publishes the summary and plan."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.access import body_run_by
from livingwell.collaborative.views.common import _form_page
from livingwell.core.access import one_or_404
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.directory.models import Organization
from livingwell.voice import access, services
from livingwell.voice.forms import AgreeForm, AuditForm, PlanActionForm, RatingForm
from livingwell.voice.models import Principle
from livingwell.voice.views.rounds import contributor_page, invite


def _audit_back(audit_id: int) -> str:
    return reverse("voice:audit", args=[audit_id])


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def audit_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    organisations = Organization.objects.filter(constituencies__body=body).distinct().order_by("name")
    form = AuditForm(posted(request), initial=fresh_token(), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            audit = services.audit_create(
                actor=request.user,
                body=body,
                organisation=data["organisation"],
                title=data["title"],
                year=data["year"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                submission_id=data["submission_id"],
            )
        except Refused as refused:
            form.add_error("closes_on", str(refused))
        else:
            messages.success(request, _("The audit is made. Invite the members to score it when you are ready."))
            return redirect("voice:audit", audit_id=audit.pk)
    back = reverse("voice:body_rounds", args=[body.slug])
    return _form_page(request, form, body.name, _("Start a co-production audit"), back, _("Make the audit"))


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def audit_page(request: AuthenticatedHttpRequest, audit_id: int) -> HttpResponse:
    view = access.access_audit_running_for(request.user, audit_id)
    return render(request, "voice/audit.html", {"view": view, "audit": view.audit, "body": view.audit.body})


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def audit_invite(request: AuthenticatedHttpRequest, audit_id: int) -> HttpResponse:
    audit = access.audit_run_by(request.user, audit_id)
    invite(request, audit)
    return redirect("voice:audit", audit_id=audit.pk)


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def audit_contributor_add(request: AuthenticatedHttpRequest, audit_id: int) -> HttpResponse:
    audit = access.audit_run_by(request.user, audit_id)
    return contributor_page(request, audit, _audit_back(audit.pk))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def rating(request: AuthenticatedHttpRequest, audit_id: int, principle_id: int) -> HttpResponse:
    audit = access.audit_run_by(request.user, audit_id)
    principle = one_or_404(Principle.objects.all(), principle_id)
    form = RatingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rating_agree(
                actor=request.user, audit=audit, principle=principle, point=data["point"], reasons=data["reasons"]
            )
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The rating for “%(name)s” is agreed.") % {"name": principle.name})
        return redirect(_audit_back(audit.pk))
    return _form_page(request, form, principle.name, _("Agree a rating"), _audit_back(audit.pk), _("Agree"))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def plan_action_add(request: AuthenticatedHttpRequest, audit_id: int, principle_id: int) -> HttpResponse:
    audit = access.audit_run_by(request.user, audit_id)
    principle = one_or_404(Principle.objects.all(), principle_id)
    form = PlanActionForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_action_add(
                actor=request.user,
                audit=audit,
                principle=principle,
                what=data["what"],
                who=data["who"],
                due_on=data["due_on"],
                submission_id=data["submission_id"],
            )
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Added to the plan, and to the group’s rolling programme."))
        return redirect(_audit_back(audit.pk))
    return _form_page(request, form, principle.name, _("Add to the action plan"), _audit_back(audit.pk), _("Add"))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def audit_agree(request: AuthenticatedHttpRequest, audit_id: int) -> HttpResponse:
    audit = access.audit_run_by(request.user, audit_id)
    form = AgreeForm(posted(request), initial={"summary": audit.summary})
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_agree(actor=request.user, audit=audit, summary=form.cleaned_data["summary"])
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The audit is agreed. Scoring is closed."))
        return redirect(_audit_back(audit.pk))
    return _form_page(request, form, audit.title, _("Agree the audit"), _audit_back(audit.pk), _("Agree the audit"))


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def audit_publish(request: AuthenticatedHttpRequest, audit_id: int) -> HttpResponse:
    audit = access.audit_run_by(request.user, audit_id)

    def publish() -> str:
        services.audit_publish(actor=request.user, audit=audit)
        return _("The audit's summary and action plan are published.")

    change_told(request, publish)
    return redirect(_audit_back(audit.pk))


@require_GET
def audit_public(request: HttpRequest, audit_id: int) -> HttpResponse:
    view = access.audit_public_for(request.user, audit_id)  # type: ignore[arg-type]
    return render(request, "voice/audit_public.html", {"view": view, "audit": view.audit, "body": view.audit.body})
