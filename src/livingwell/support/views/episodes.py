"""Personal guides, the caseload and episodes of support: contacts, next steps, status, handover, closing
and coming back."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import User
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.core.outbox import PLAIN_TEXT
from livingwell.core.page_links import page_links
from livingwell.support.access import (
    GUIDE_ROLES,
    access_action_for,
    access_arrivals_for,
    access_caseload_for,
    access_episode_for,
    access_timeline_for,
    sees_limited_fields,
    shows_for,
)
from livingwell.support.come_back import closing_summary_context, come_back_for, guide_told_of_return
from livingwell.support.forms import (
    ActionForm,
    ContactLogForm,
    GuideProfileForm,
    HandOverForm,
    StatusForm,
)
from livingwell.support.models import (
    Episode,
    GuideProfile,
)
from livingwell.support.services import (
    STATUS_CHANGES,
    EpisodeChangeRefused,
    action_add,
    action_done,
    contact_log_record,
    episode_hand_over,
    episode_status_change,
    guide_profile_save,
)
from livingwell.support.views.common import SHOW_LABELS, SUPPORT_ROLES, _form_page


@require_GET
def guides(request: HttpRequest) -> HttpResponse:
    """The team's short profiles, public, so that a person can choose who they would like to work with."""
    return render(request, "support/guides.html", {"guides": GuideProfile.objects.choosable()})


@require_http_methods(["GET", "POST"])
@role_required(*GUIDE_ROLES)
def my_guide_profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = GuideProfile.objects.filter(user=request.user).first()
    form = GuideProfileForm(posted(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        guide_profile_save(user=request.user, changes=form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("support:my_guide_profile")
    return render(request, "support/my_guide_profile.html", {"form": form, "profile": profile})


@require_GET
@role_required(*SUPPORT_ROLES)
def caseload(request: AuthenticatedHttpRequest) -> HttpResponse:
    shows = shows_for(request.user)
    show = request.GET.get("show", "")
    show = show if show in shows else shows[0]
    rows = access_caseload_for(request.user, show)
    labelled = [(option, SHOW_LABELS[option]) for option in shows]
    return render(request, "support/caseload.html", {"rows": rows, "show": show, "shows": labelled})


def _changes_for(episode: Episode) -> list[str]:
    return [change for change, (needs, _becomes, _kind) in STATUS_CHANGES.items() if episode.status in needs]


@require_GET
@role_required(*SUPPORT_ROLES)
def episode_detail(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    limited = sees_limited_fields(request.user)
    return render(
        request,
        "support/episode.html",
        {
            "episode": episode,
            "person": episode.person,
            "limited": limited,
            "actions": episode.actions.filter(done_at__isnull=True).order_by("due_on", "id"),
            "timeline": [] if limited else access_timeline_for(request.user, episode),
            "changes": _changes_for(episode),
            "arrivals": access_arrivals_for(request.user, episode),
            "onwards": episode.onward_introductions.select_related("service"),
            "today": timezone.localdate(),
            "links": page_links("support.episode", episode.pk),
        },
    )


def _episode_form(request: HttpRequest, episode: Episode, heading: str, form: object) -> HttpResponse:
    name = episode.person.preferred_name
    back = reverse("support:episode", kwargs={"episode_id": episode.pk})
    return _form_page(request, form, heading=heading, caption=name, back=back, back_text=name)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def contact_log(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    form = ContactLogForm(
        posted(request),
        initial=fresh_token(),
        not_before=episode.opened_at,
        not_before_message=_("The date and time must be after the episode opened"),
    )
    if request.method == "POST" and form.is_valid():
        contact_log_record(
            actor=request.user,
            episode=episode,
            kind=form.cleaned_data["kind"],
            happened_at=form.when(),
            note=form.cleaned_data["note"],
            safety_conversation=form.cleaned_data["safety_conversation"],
            submission_id=form.cleaned_data["submission_id"],
        )
        messages.success(request, _("Contact recorded."))
        return redirect("support:episode", episode_id=episode.pk)
    return _episode_form(request, episode, _("Record a contact"), form)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def action_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    form = ActionForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        action_add(actor=request.user, episode=episode, **form.cleaned_data)
        messages.success(request, _("Next step added."))
        return redirect("support:episode", episode_id=episode.pk)
    return _episode_form(request, episode, _("Add a next step"), form)


@require_POST
@role_required(*SUPPORT_ROLES)
def action_done_view(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
    action = access_action_for(request.user, action_id)
    if action_done(actor=request.user, action=action):
        messages.success(request, _("Step marked done: %(what)s") % {"what": action.what})
    return redirect("support:episode", episode_id=action.episode_id)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def status(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    form = StatusForm(posted(request), changes=_changes_for(episode))
    if request.method == "POST" and form.is_valid():
        try:
            episode_status_change(
                actor=request.user,
                episode=episode,
                change=form.cleaned_data["change"],
                reason=form.cleaned_data["reason"],
            )
        except EpisodeChangeRefused:
            messages.warning(request, _("Nothing changed: the episode had already changed, or they have another open."))
        else:
            messages.success(request, _("Episode %(status)s.") % {"status": episode.get_status_display().lower()})
        return redirect("support:episode", episode_id=episode.pk)
    return _episode_form(request, episode, _("Change the episode"), form)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def hand_over(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    guides = (
        User.objects.filter(guide_profile__isnull=False, is_active=True)
        .exclude(pk=episode.guide_id)
        .select_related("guide_profile")
        .order_by("guide_profile__name", "pk")
    )
    form = HandOverForm(posted(request), guides=guides)
    if request.method == "POST" and form.is_valid():
        try:
            episode_hand_over(
                actor=request.user, episode=episode, guide=form.cleaned_data["guide"], note=form.cleaned_data["note"]
            )
        except EpisodeChangeRefused:
            messages.warning(request, _("Nothing changed: the episode is closed, or already with that guide."))
        else:
            messages.success(request, _("Handed over."))
        return redirect("support:episode", episode_id=episode.pk)
    return _episode_form(request, episode, _("Hand over to another guide"), form)


@require_GET
@role_required(*SUPPORT_ROLES)
def closing_summary(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    """The closing summary to print and post, for someone who gets letters."""
    episode = access_episode_for(request.user, episode_id)
    if episode.status != Episode.Status.CLOSED:
        return redirect("support:episode", episode_id=episode.pk)
    context = closing_summary_context(episode)
    summary_text = render_to_string("support/_closing_summary.txt", context, using=PLAIN_TEXT)
    return render(request, "support/closing_summary.html", {**context, "summary_text": summary_text})


@never_cache
@require_http_methods(["GET", "POST"])
def come_back(request: HttpRequest) -> HttpResponse:
    """One step back into support from the link in a closing summary: no account, no new introduction."""
    token = (request.POST if request.method == "POST" else request.GET).get("link", "")[:1000]
    found = come_back_for(token)
    if request.method == "POST" and found is not None and found.still_closed:
        try:
            episode_status_change(
                actor=None,
                episode=found.episode,
                change="reopen",
                reason=_("They asked to come back, through the link in their closing summary."),
            )
        except EpisodeChangeRefused:
            found = None
        else:
            guide_told_of_return(found.episode)
            return redirect("support:came_back")
    status_code = 200 if found is not None else 410
    return render(request, "support/come_back.html", {"found": found, "token": token}, status=status_code)


@require_GET
def came_back(request: HttpRequest) -> HttpResponse:
    return render(request, "support/came_back.html")
