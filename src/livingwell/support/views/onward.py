"""Onward introductions: the guide's, and the provider's queue."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.directory.search import services_to_choose
from livingwell.support.access import (
    access_episode_for,
    access_onward_for_guide,
    access_onward_for_provider,
    access_provider_queue_for,
    access_shared_plan_for_provider,
    support_records_check,
)
from livingwell.support.forms import (
    OnwardForm,
    OnwardMoveForm,
)
from livingwell.support.models import (
    OnwardIntroduction,
)
from livingwell.support.onward import GUIDE_MOVES, PROVIDER_MOVES, OnwardMoveRefused, onward_move, onward_send
from livingwell.support.views.common import SUPPORT_ROLES


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def onward_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    support_records_check(request.user, episode)  # it shares the plan: only for those who may read it
    text = request.GET.get("q", "")[:200]
    posted_service = request.POST.get("service", "") if request.method == "POST" else ""
    services = services_to_choose(text, posted=[posted_service] if posted_service else [])
    form = OnwardForm(posted(request), services=services, initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        onward_send(
            actor=request.user,
            person=episode.person,
            episode=episode,
            service=form.cleaned_data["service"],
            shared=form.cleaned_data["shared"],
            message=form.cleaned_data["message"],
            submission_id=form.cleaned_data["submission_id"],
        )
        messages.success(request, _("Introduction sent to %(service)s.") % {"service": form.cleaned_data["service"]})
        return redirect("support:episode", episode_id=episode.pk)
    return render(
        request,
        "support/onward_new.html",
        {"episode": episode, "form": form, "q": text, "searched": bool(text.strip())},
    )


@require_POST
@role_required(*SUPPORT_ROLES)
def onward_no_response(request: AuthenticatedHttpRequest, onward_id: UUID) -> HttpResponse:
    onward = access_onward_for_guide(request.user, onward_id)
    try:
        onward_move(
            actor=request.user, onward=onward, status=OnwardIntroduction.Status.NO_RESPONSE, note="", moves=GUIDE_MOVES
        )
    except OnwardMoveRefused:
        messages.warning(request, _("Nothing changed: the service has already replied."))
    else:
        messages.success(request, _("Marked as no response. You could introduce them somewhere else."))
    return redirect(_back_to_episode(onward))


def _back_to_episode(onward: OnwardIntroduction) -> str:
    if onward.episode_id is None:
        return reverse("support:caseload")
    return reverse("support:episode", kwargs={"episode_id": onward.episode_id})


@require_GET
@role_required(Role.PROVIDER_EDITOR)
def provider_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = access_provider_queue_for(request.user, request.GET.get("page"))
    return render(request, "support/provider_queue.html", {"page": page})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROVIDER_EDITOR)
def provider_onward(request: AuthenticatedHttpRequest, onward_id: UUID) -> HttpResponse:
    onward = access_onward_for_provider(request.user, onward_id)
    moves = PROVIDER_MOVES.get(onward.status, [])
    form = OnwardMoveForm(posted(request), moves=moves)
    if request.method == "POST" and form.is_valid():
        try:
            onward_move(
                actor=request.user,
                onward=onward,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                moves=PROVIDER_MOVES,
            )
        except OnwardMoveRefused:
            messages.warning(request, _("Nothing changed: it had already moved on."))
        else:
            messages.success(request, _("Saved: %(status)s.") % {"status": onward.get_status_display()})
        return redirect("support:provider_onward", onward_id=onward.pk)
    shared = set(onward.shared)
    plan = access_shared_plan_for_provider(request.user, onward)
    return render(
        request,
        "support/provider_onward.html",
        {
            "onward": onward,
            "person": onward.person,
            "shared": shared,
            "plan": plan,
            "form": form if moves else None,
            "changes": onward.changes.all(),
        },
    )
