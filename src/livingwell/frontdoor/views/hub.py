"""The Hub's side of the front door: the duty queue, an introduction, contact and the first conversation."""

import uuid

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import DUTY_ROLES, HUB_MANAGER_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import posted
from livingwell.core.tasks import urgent_alerts_unsent
from livingwell.frontdoor.access import (
    access_duty_queue_page_for,
    access_introduction_for,
    access_possible_matches_for,
    access_waiting_figures_for,
)
from livingwell.frontdoor.forms import LinkForm
from livingwell.frontdoor.hub_forms import ContactAttemptForm, FirstConversationForm
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.promises import promises
from livingwell.frontdoor.selectors import introduction_page
from livingwell.frontdoor.services import (
    contact_attempt_record,
    first_conversation_record,
    introduction_claim,
    introduction_link,
    introduction_unlink,
)
from livingwell.frontdoor.waiting import (
    first_call_overdue,
    first_contact_wait,
    first_conversation_wait,
    wait_in_words,
)
from livingwell.safety.access import open_flag_count_for


@require_GET
@role_required(*DUTY_ROLES)
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = access_duty_queue_page_for(request.user, request.GET.get("page"))
    now = timezone.now()
    rows = [(introduction, first_call_overdue(introduction.created_at, now)) for introduction in page]
    context = {"page": page, "rows": rows, "flags": open_flag_count_for(request.user), "unsent": urgent_alerts_unsent()}
    return render(request, "frontdoor/queue.html", {**context, **promises()})


@require_GET
@role_required(*DUTY_ROLES)
def introduction_detail(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    page = introduction_page(introduction)
    return render(
        request,
        "frontdoor/introduction_detail.html",
        {
            **page,
            "overdue": introduction.status == Introduction.Status.NEW and first_call_overdue(introduction.created_at),
            "contact_wait": wait_in_words(first_contact_wait(introduction)),
            "conversation_wait": wait_in_words(first_conversation_wait(introduction)),
            "matches": access_possible_matches_for(request.user, introduction),
        },
    )


@require_POST
@role_required(*DUTY_ROLES)
def link(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    link_form = LinkForm(request.POST)
    chosen = link_form.cleaned_data["match"] if link_form.is_valid() else ""
    match = next((m for m in access_possible_matches_for(request.user, introduction) if m.key == chosen), None)
    if introduction.person_id is not None:
        messages.success(request, _("This introduction is linked to someone already known."))
    elif match is None:
        messages.warning(request, _("That is no longer a possible match, so nothing was linked."))
    else:
        introduction_link(actor=request.user, introduction=introduction, match=match)
        messages.success(request, _("Linked. Their earlier support carries on from here."))
    return redirect("frontdoor:introduction", introduction_id=introduction.pk)


def _hub_form_page(
    request: AuthenticatedHttpRequest, introduction: Introduction, template: str, form: object, **context: object
) -> HttpResponse:
    return render(request, f"frontdoor/{template}", {"introduction": introduction, "form": form, **context})


@require_http_methods(["GET", "POST"])
@role_required(*DUTY_ROLES)
def contact_attempt(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    form = ContactAttemptForm(posted(request), introduction=introduction)
    if request.method == "POST" and form.is_valid():
        contact_attempt_record(
            actor=request.user,
            introduction=introduction,
            outcome=form.cleaned_data["outcome"],
            attempted_at=form.when(),
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Contact attempt recorded."))
        return redirect("frontdoor:introduction", introduction_id=introduction.pk)
    return _hub_form_page(request, introduction, "contact_attempt.html", form)


@require_http_methods(["GET", "POST"])
@role_required(*DUTY_ROLES)
def first_conversation(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    existing = getattr(introduction, "first_conversation", None)
    initial = {"what_matters": introduction.what_matters, "strengths": introduction.good_at}
    if existing is not None:
        held = timezone.localtime(existing.held_at)
        initial = {
            "on": held.strftime("%d/%m/%Y"),
            "at": held.strftime("%H:%M"),
            "what_matters": existing.what_matters,
            "strengths": existing.strengths,
            "next_step": existing.next_step,
        }
    form = FirstConversationForm(posted(request), introduction=introduction, initial=initial)
    if request.method == "POST" and form.is_valid():
        first_conversation_record(
            actor=request.user,
            introduction=introduction,
            held_at=form.when(),
            what_matters=form.cleaned_data["what_matters"],
            strengths=form.cleaned_data["strengths"],
            next_step=form.cleaned_data["next_step"],
        )
        messages.success(request, _("First conversation recorded."))
        return redirect("frontdoor:introduction", introduction_id=introduction.pk)
    return _hub_form_page(request, introduction, "first_conversation.html", form)


@require_POST
@role_required(*DUTY_ROLES)
def unlink(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    if introduction_unlink(actor=request.user, introduction=introduction):
        messages.success(request, _("Unlinked. The person record already known is unchanged."))
    else:
        messages.warning(request, _("Nothing to unlink: it has been routed, or it was not linked."))
    return redirect("frontdoor:introduction", introduction_id=introduction.pk)


@require_POST
@role_required(*DUTY_ROLES)
def introduction_claim_view(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    if introduction_claim(actor=request.user, introduction=introduction):
        messages.success(request, _("You have taken this introduction."))
    else:
        messages.warning(
            request,
            _("%(name)s took this introduction first.") % {"name": introduction.claimed_by},
        )
    return redirect("frontdoor:introduction", introduction_id=introduction.pk)


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def waiting(request: AuthenticatedHttpRequest) -> HttpResponse:
    figures = access_waiting_figures_for(request.user)
    return render(request, "frontdoor/waiting.html", {"figures": figures, **promises()})
