"""A person's own details, and the Hub's view of person records."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.models import HUB_MANAGER_ROLES, Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.people.access import access_own_person_for, access_people_page_for, access_person_for
from livingwell.people.forms import ContactPreferencesForm, NhsNumberForm
from livingwell.people.nhs_number import nhs_number_shown
from livingwell.people.own_page import own_sections_for
from livingwell.people.services import person_details_update


@require_GET
@role_required(Role.PERSON)
def my_details(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = access_own_person_for(request.user)
    sections = own_sections_for(request.user)
    return render(request, "people/my_details.html", {"person": person, "sections": sections})


@require_http_methods(["GET", "POST"])
@role_required(Role.PERSON)
def my_contact_preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = access_own_person_for(request.user)
    form = ContactPreferencesForm(request.POST if request.method == "POST" else None, instance=person)
    if request.method == "POST" and form.is_valid():
        person_details_update(actor=request.user, person=person, changes=form.cleaned_data)
        messages.success(request, _("Your contact preferences have been saved."))
        return redirect("people:my_details")
    return render(request, "people/my_contact_preferences.html", {"form": form})


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = access_people_page_for(request.user, request.GET.get("page"))
    return render(request, "people/person_list.html", {"page": page})


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def person_detail(request: AuthenticatedHttpRequest, person_id: UUID) -> HttpResponse:
    person = access_person_for(request.user, person_id)
    return render(request, "people/person_detail.html", {"person": person})


@require_http_methods(["GET", "POST"])
@role_required(*HUB_MANAGER_ROLES)
def person_nhs_number(request: AuthenticatedHttpRequest, person_id: UUID) -> HttpResponse:
    """Record, change or remove a person's NHS number, checked by its check digit; audited as a change."""
    person = access_person_for(request.user, person_id)
    initial = {"nhs_number": nhs_number_shown(person.nhs_number)}
    form = NhsNumberForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        person_details_update(
            actor=request.user, person=person, changes={"nhs_number": form.cleaned_data["nhs_number"]}
        )
        messages.success(
            request, _("NHS number saved.") if form.cleaned_data["nhs_number"] else _("NHS number removed.")
        )
        return redirect("people:person_detail", person_id=person.pk)
    return render(request, "people/person_nhs_number.html", {"form": form, "person": person})
