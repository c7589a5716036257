"""Personal budgets, accommodation, and the accommodation pathway's figures."""

import datetime
import uuid
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.models import FIGURES_ROLES, Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import posted
from livingwell.support.access import (
    access_accommodation_for,
    access_budget_export_for,
    access_budget_for,
    access_episode_for,
    access_pathway_figures_for,
    support_records_check,
)
from livingwell.support.accommodation import accommodation_move_record, pathway_rows
from livingwell.support.budgets import allocation_add, planned_support_add, spend_record
from livingwell.support.forms import (
    AccommodationForm,
    AllocationForm,
    PeriodForm,
    PlannedSupportForm,
    SpendForm,
)
from livingwell.support.models import (
    BudgetAllocation,
    Episode,
    Goal,
    PlannedSupport,
)
from livingwell.support.views.common import SUPPORT_ROLES, _form_page


@require_GET
@role_required(*SUPPORT_ROLES)
def budget(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    views = access_budget_for(request.user, episode)
    return render(request, "support/budget.html", {"episode": episode, "person": episode.person, "views": views})


@require_GET
@role_required(*SUPPORT_ROLES)
def budget_export(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    response = HttpResponse(access_budget_export_for(request.user, episode), content_type="text/csv; charset=utf-8")
    # The file is named by the episode's id, never the person's name.
    response["Content-Disposition"] = f'attachment; filename="budget-{episode.pk}.csv"'
    return response


def _budget_episode(request: AuthenticatedHttpRequest, episode_id: UUID) -> Episode:
    episode = access_episode_for(request.user, episode_id)
    support_records_check(request.user, episode)
    return episode


def _budget_form(request: HttpRequest, episode: Episode, heading: str, form: object) -> HttpResponse:
    back = reverse("support:budget", kwargs={"episode_id": episode.pk})
    back_text = _("Back to the personal budget")
    return _form_page(
        request, form, heading=heading, caption=episode.person.preferred_name, back=back, back_text=back_text
    )


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def allocation_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = _budget_episode(request, episode_id)
    form = AllocationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        allocation_add(actor=request.user, person=episode.person, **form.cleaned_data)
        messages.success(request, _("Budget added."))
        return redirect("support:budget", episode_id=episode.pk)
    return _budget_form(request, episode, _("Add a budget"), form)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def planned_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = _budget_episode(request, episode_id)
    form = PlannedSupportForm(
        posted(request),
        allocations=BudgetAllocation.objects.filter(person=episode.person),
        goals=Goal.objects.filter(plan__person=episode.person),
    )
    if request.method == "POST" and form.is_valid():
        planned_support_add(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Planned support added."))
        return redirect("support:budget", episode_id=episode.pk)
    return _budget_form(request, episode, _("Plan what the budget is for"), form)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def spend_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = _budget_episode(request, episode_id)
    form = SpendForm(
        posted(request),
        allocations=BudgetAllocation.objects.filter(person=episode.person),
        planned=PlannedSupport.objects.filter(allocation__person=episode.person),
        initial={"token": uuid.uuid4()},
    )
    if request.method == "POST" and form.is_valid():
        spend_record(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Spending recorded."))
        return redirect("support:budget", episode_id=episode.pk)
    return _budget_form(request, episode, _("Record spending"), form)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def accommodation(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    moves = access_accommodation_for(request.user, episode)
    form = AccommodationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        accommodation_move_record(actor=request.user, person=episode.person, **form.cleaned_data)
        messages.success(request, _("Accommodation recorded."))
        return redirect("support:accommodation", episode_id=episode.pk)
    return render(
        request,
        "support/accommodation.html",
        {"episode": episode, "person": episode.person, "moves": moves, "form": form},
    )


@require_GET
@role_required(*FIGURES_ROLES)
def pathway(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The accommodation pathway for any period, a year to today unless chosen."""
    today = timezone.localdate()
    form = PeriodForm(request.GET if "starts_on_day" in request.GET else None)
    starts_on, ends_on = today - datetime.timedelta(days=365), today
    if form.is_bound and form.is_valid():
        starts_on, ends_on = form.cleaned_data["starts_on"], form.cleaned_data["ends_on"]
    figures = (
        None if form.is_bound and not form.is_valid() else access_pathway_figures_for(request.user, starts_on, ends_on)
    )
    suppress = request.user.role == Role.ANALYST
    rows = pathway_rows(figures, suppress) if figures is not None else []
    return render(
        request, "support/pathway.html", {"form": form, "figures": figures, "rows": rows, "suppress": suppress}
    )
