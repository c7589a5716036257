"""Peer support's pages: the public profiles, asking for a peer (the person, or their guide from the
episode), a peer supporter's own profile and the people introduced to them, each introduction with its
sessions, and the person's own peer support."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import HUB_MANAGER_ROLES, Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.peer import access, payments, services
from livingwell.peer.forms import (
    AnswerForm,
    AskForm,
    CheckInForm,
    FeeForm,
    GuideAskForm,
    ProfileForm,
    SessionForm,
    SupervisionForm,
    SupervisorForm,
    TrainingForm,
)
from livingwell.peer.models import PeerIntroduction, PeerProfile
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.support.selectors import current_guide, has_own_plan
from livingwell.support.views.common import SUPPORT_ROLES


@require_GET
def profiles(request: HttpRequest) -> HttpResponse:
    return render(request, "peer/profiles.html", {"profiles": list(PeerProfile.objects.choosable())})


def _choosable_or_404(profile_id: int) -> PeerProfile:
    profile = PeerProfile.objects.choosable().filter(pk=profile_id).first()
    if profile is None:
        raise Http404
    return profile


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, profile_id: int) -> HttpResponse:
    """A peer supporter's public profile; someone we support, signed in, asks to be introduced here."""
    peer = _choosable_or_404(profile_id)
    person = access.own_person_for(request.user)  # type: ignore[arg-type]
    form = AskForm(posted(request) if person else None, initial=fresh_token())
    if request.method == "POST" and person is None:
        raise PermissionDenied
    if request.method == "POST" and person is not None and form.is_valid():
        words_read(
            request, texts=[form.cleaned_data["message"]], where=RiskFlag.Where.PEER_SESSION, person_id=person.pk,
            guide=current_guide(person), once=f"peer-ask:{form.cleaned_data['submission_id']}",
        )  # fmt: skip
        try:
            services.introduction_ask(
                actor=request.user, person=person, peer=peer, message=form.cleaned_data["message"],  # type: ignore[arg-type]
                person_agreed=True, submission_id=form.cleaned_data["submission_id"],
            )  # fmt: skip
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("%(name)s has been asked, and will get in touch.") % {"name": peer.name})
            return redirect("peer:mine")
    return render(request, "peer/profile.html", {"peer": peer, "form": form, "person": person})


@role_required(Role.PERSON)
@require_GET
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    introductions = access.access_own_peer_support_for(request.user)
    has_plan = has_own_plan(request.user)
    return render(request, "peer/mine.html", {"introductions": introductions, "has_plan": has_plan})


@role_required(Role.PEER_SUPPORTER)
@require_GET
def caseload(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "introductions": access.access_caseload_for(request.user),
        "profile": access.own_profile_for(request.user),
        "groups": access.own_groups_for(request.user),
    }
    return render(request, "peer/caseload.html", context)


@role_required(Role.PEER_SUPPORTER)
@require_http_methods(["GET", "POST"])
def my_profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    current = access.own_profile_for(request.user)
    form = ProfileForm(posted(request), instance=current or PeerProfile(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.profile_save(user=request.user, values={name: form.cleaned_data[name] for name in form.fields})
        messages.success(request, _("Your profile is saved."))
        return redirect("peer:caseload")
    return render(request, "peer/my_profile.html", {"form": form})


def _introduction_page(
    request: AuthenticatedHttpRequest, view: access.IntroductionView, form: Any = None
) -> HttpResponse:
    return render(
        request,
        "peer/introduction.html",
        {"view": view, "introduction": view.introduction, "form": form or SessionForm(initial=fresh_token())},
    )


@role_required()
@require_GET
def introduction(request: AuthenticatedHttpRequest, introduction_id: UUID) -> HttpResponse:
    return _introduction_page(request, access.access_introduction_for(request.user, introduction_id))


def _peers_introduction(request: AuthenticatedHttpRequest, introduction_id: UUID) -> access.IntroductionView:
    view = access.access_introduction_for(request.user, introduction_id)
    if not view.is_peer:
        raise PermissionDenied
    return view


@role_required(Role.PERSON)
@require_POST
def to_my_plan(request: AuthenticatedHttpRequest, introduction_id: UUID) -> HttpResponse:
    """The person adds their peer supporter to their own plan's connections."""
    view = access.access_introduction_for(request.user, introduction_id)
    if not view.is_person:
        raise PermissionDenied
    change_told(request, lambda: services.peer_to_plan(user=request.user, introduction=view.introduction))
    return redirect("peer:mine")


@role_required(Role.PEER_SUPPORTER)
@require_POST
def answer(request: AuthenticatedHttpRequest, introduction_id: UUID) -> HttpResponse:
    view = _peers_introduction(request, introduction_id)
    form = AnswerForm(request.POST)
    accept = form.is_valid() and form.cleaned_data["answer"] == "accept"
    change_told(
        request, lambda: services.introduction_answer(actor=request.user, introduction=view.introduction, accept=accept)
    )
    return redirect("peer:introduction", introduction_id)


@role_required(Role.PEER_SUPPORTER)
@require_POST
def end(request: AuthenticatedHttpRequest, introduction_id: UUID) -> HttpResponse:
    view = _peers_introduction(request, introduction_id)
    change_told(request, lambda: services.introduction_end(actor=request.user, introduction=view.introduction))
    return redirect("peer:introduction", introduction_id)


@role_required(Role.PEER_SUPPORTER)
@require_POST
def session_new(request: AuthenticatedHttpRequest, introduction_id: UUID) -> HttpResponse:
    view = _peers_introduction(request, introduction_id)
    person = view.introduction.person
    form = SessionForm(request.POST)
    token = form.data.get("submission_id", "")
    guide = current_guide(person)
    # The safety net reads what the peer wrote; a worry they raise goes to the person's guide (or the duty
    # team) whatever words it is in.
    words_read(
        request, texts=[form.data.get("note", ""), form.data.get("follow_ups", "")], where=RiskFlag.Where.PEER_SESSION,
        person_id=person.pk, guide=guide, once=f"peer-session:{token}"[:100],
    )  # fmt: skip
    concern = form.data.get("concern", "").strip()
    if concern:
        services.concern_raise(actor=request.user, person=person, guide=guide, concern=concern, token=token)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.session_record(actor=request.user, introduction=view.introduction, **data)
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            done = _("The session is recorded.")
            if concern:
                done += " " + _("Your worry has gone to their guide, or the duty team, now.")
            messages.success(request, done)
            return redirect("peer:introduction", introduction_id)
    return _introduction_page(request, view, form)


@role_required(*SUPPORT_ROLES)
@require_http_methods(["GET", "POST"])
def episode(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    """From the episode: the person's peer support so far, and introducing them to the peer they chose."""
    the_episode, introductions = access.access_episode_peer_support_for(request.user, episode_id)
    form = GuideAskForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.introduction_ask(actor=request.user, person=the_episode.person, **data)
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("%(name)s has been asked.") % {"name": data["peer"].name})
            return redirect("peer:episode", episode_id)
    return render(
        request,
        "peer/episode.html",
        {"episode": the_episode, "introductions": introductions, "form": form, "statuses": PeerIntroduction.Status},
    )


@role_required(Role.PEER_SUPPORTER)
@require_http_methods(["GET", "POST"])
def my_support(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A peer supporter's own supervision, trainings and wellbeing check-ins."""
    own = access.access_own_support_for(request.user)
    form = CheckInForm(posted(request), initial=fresh_token())
    if request.method == "POST" and own.profile is None:
        messages.error(request, _("Write your profile first."))
        return redirect("peer:my_profile")
    if request.method == "POST" and own.profile is not None:
        # Theirs alone, but the safety net still reads it: words of risk reach the duty team.
        words_read(
            request, texts=[form.data.get("note", "")], where=RiskFlag.Where.PEER_SESSION,
            writer_name=own.profile.name, writer_contact=request.user.email,
            once=f"peer-check-in:{form.data.get('submission_id', '')}"[:100],
        )  # fmt: skip
        if form.is_valid():
            services.check_in(profile=own.profile, **form.cleaned_data)
            messages.success(request, _("Thank you. Your check-in is kept for you alone."))
            return redirect("peer:my_support")
    return render(request, "peer/my_support.html", {"own": own, "form": form})


@role_required(*access.SUPERVISOR_ROLES)
@require_GET
def supervisees(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "profiles": access.access_supervisees_for(request.user),
        "manages": request.user.role in HUB_MANAGER_ROLES,
    }
    return render(request, "peer/supervisees.html", context)


def _supervision_page(request: AuthenticatedHttpRequest, view: access.SupervisionView, **forms: Any) -> HttpResponse:
    context = {
        "view": view,
        "supervision": SupervisionForm(initial=fresh_token(), prefix="supervision"),
        "training": TrainingForm(prefix="training"),
        "supervisor": SupervisorForm(initial={"supervisor": view.profile.supervisor_id}, prefix="supervisor"),
        "fee": FeeForm(initial={"session_fee": view.profile.session_fee}, prefix="fee"),
        **forms,
    }
    return render(request, "peer/supervision.html", context)


@role_required(*access.SUPERVISOR_ROLES)
@require_http_methods(["GET", "POST"])
def supervision(request: AuthenticatedHttpRequest, profile_id: int) -> HttpResponse:
    """A peer supporter's supervision and trainings, for their supervisor and the Hub manager."""
    view = access.access_supervision_for(request.user, profile_id)
    if request.method != "POST":
        return _supervision_page(request, view)
    part = request.POST.get("part", "")
    if part == "supervisor" and view.names_supervisor:
        chosen = SupervisorForm(request.POST, prefix="supervisor")
        if chosen.is_valid():
            change_told(request, lambda: services.supervisor_name(
                actor=request.user, profile=view.profile, supervisor=chosen.cleaned_data["supervisor"]
            ))  # fmt: skip
            return redirect("peer:supervision", profile_id)
        return _supervision_page(request, view, supervisor=chosen)
    if part == "fee" and view.names_supervisor:
        fee = FeeForm(request.POST, prefix="fee")
        if fee.is_valid():
            change_told(request, lambda: payments.fee_set(
                actor=request.user, profile=view.profile, fee=fee.cleaned_data["session_fee"]
            ))  # fmt: skip
            return redirect("peer:supervision", profile_id)
        return _supervision_page(request, view, fee=fee)
    if part == "training":
        training = TrainingForm(request.POST, prefix="training")
        if training.is_valid():
            change_told(request, lambda: services.training_record(
                actor=request.user, profile=view.profile, **training.cleaned_data
            ))  # fmt: skip
            return redirect("peer:supervision", profile_id)
        return _supervision_page(request, view, training=training)
    recorded = SupervisionForm(request.POST, prefix="supervision")
    if recorded.is_valid():
        try:
            services.supervision_record(actor=request.user, profile=view.profile, **recorded.cleaned_data)
        except Refused as refused:
            recorded.add_error(None, str(refused))
        else:
            messages.success(request, _("The supervision is recorded."))
            return redirect("peer:supervision", profile_id)
    return _supervision_page(request, view, supervision=recorded)
