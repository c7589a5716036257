"""Alliance reporting's pages (decision 0033): the alliances, and each one's figures for a period with its
partners' budgets and spend; analysts set them up."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from livingwell.accounts.models import FIGURES_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.refusals import Refused
from livingwell.insight import alliances
from livingwell.insight.access import (
    ALLIANCE_WRITERS,
    access_alliance_for,
    access_alliances_for,
    alliance_or_404,
    first_finance_month,
    table_or_404,
)
from livingwell.insight.counting import month_parse
from livingwell.insight.forms import AllianceForm, FinanceForm, PartnerForm
from livingwell.insight.models import Alliance
from livingwell.insight.views import csv_response, period_form, period_query, sections_of


def _alliances_page(request: AuthenticatedHttpRequest, form: AllianceForm | None, status: int = 200) -> HttpResponse:
    context = {"alliances": access_alliances_for(request.user), "form": form}
    return render(request, "insight/alliances.html", context, status=status)


@require_GET
@role_required(*FIGURES_ROLES)
def alliances_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _alliances_page(request, AllianceForm() if request.user.role in ALLIANCE_WRITERS else None)


@require_POST
@role_required(*ALLIANCE_WRITERS)
def alliance_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AllianceForm(request.POST)
    if form.is_valid():
        try:
            alliance = alliances.alliance_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                outcomes=form.cleaned_data["outcomes"],
                baseline=form.cleaned_data["baseline_cost_per_person"],
            )
        except Refused as refused:
            form.add_error("name", str(refused))
        else:
            messages.success(request, _("The alliance is made. Add its partners below."))
            return HttpResponseRedirect(reverse("insight:alliance", args=[alliance.pk]))
    return _alliances_page(request, form, status=400)


def _alliance_page(
    request: AuthenticatedHttpRequest,
    alliance_id: int,
    *,
    partner_form: PartnerForm | None = None,
    finance_form: FinanceForm | None = None,
    status: int = 200,
) -> HttpResponse:
    form = period_form(request, first_finance_month(alliance_id))
    start, end = form.period()
    alliance, tables = access_alliance_for(request.user, alliance_id, start, end, as_what="page")
    writes = request.user.role in ALLIANCE_WRITERS
    context = {
        "alliance": alliance,
        "sections": sections_of(
            tables,
            csv=lambda slug: f"{reverse('insight:alliance_csv', args=[alliance.pk, slug])}?{period_query(start, end)}",
        ),
        "form": form,
        "start": start,
        "end": end,
        "partner_form": partner_form or (PartnerForm(alliance=alliance) if writes else None),
        "finance_form": finance_form or (FinanceForm(alliance=alliance) if writes else None),
    }
    return render(request, "insight/alliance.html", context, status=status)


@require_GET
@role_required(*FIGURES_ROLES)
def alliance_view(request: AuthenticatedHttpRequest, alliance_id: int) -> HttpResponse:
    return _alliance_page(request, alliance_id)


def _back(alliance: Alliance) -> HttpResponse:
    return HttpResponseRedirect(reverse("insight:alliance", args=[alliance.pk]))


@require_POST
@role_required(*ALLIANCE_WRITERS)
def partner_add(request: AuthenticatedHttpRequest, alliance_id: int) -> HttpResponse:
    alliance = alliance_or_404(alliance_id)
    form = PartnerForm(request.POST, alliance=alliance)
    if not form.is_valid():
        return _alliance_page(request, alliance_id, partner_form=form, status=400)
    alliances.partner_add(actor=request.user, alliance=alliance, organisation=form.cleaned_data["organisation"])
    messages.success(request, _("%(name)s is a partner.") % {"name": form.cleaned_data["organisation"].name})
    return _back(alliance)


@require_POST
@role_required(*ALLIANCE_WRITERS)
def finance_add(request: AuthenticatedHttpRequest, alliance_id: int) -> HttpResponse:
    alliance = alliance_or_404(alliance_id)
    form = FinanceForm(request.POST, alliance=alliance)
    if not form.is_valid():
        return _alliance_page(request, alliance_id, finance_form=form, status=400)
    data = form.cleaned_data
    try:
        alliances.finance_record(
            actor=request.user,
            partner=data["partner"],
            first_month=month_parse(data["first_month"]),
            last_month=month_parse(data["last_month"]),
            budget=data["budget"],
            spent=data["spent"],
            submission_id=data["submission_id"],
        )
    except Refused as refused:
        form.add_error(None, str(refused))
        return _alliance_page(request, alliance_id, finance_form=form, status=400)
    messages.success(request, _("The budget and spend are recorded."))
    return _back(alliance)


@require_GET
@role_required(*FIGURES_ROLES)
def alliance_csv(request: AuthenticatedHttpRequest, alliance_id: int, slug: str) -> HttpResponse:
    start, end = period_form(request, first_finance_month(alliance_id)).period()
    _alliance, tables = access_alliance_for(request.user, alliance_id, start, end, as_what=f"csv: {slug}"[:60])
    return csv_response(table_or_404(tables, slug), f"{slug}-{start:%Y-%m}-to-{end:%Y-%m}.csv")
