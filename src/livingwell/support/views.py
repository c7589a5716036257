"""Support: guides' profiles, the caseload, an episode and the work on it, coming back, the person's plan,
onward introductions and the provider's queue, outcome measures, personal budgets and accommodation."""

import datetime
import uuid
from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import DUTY_ROLES, FIGURES_ROLES, Role, User
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.directory.search import services_to_choose
from livingwell.frontdoor.access import access_introduction_for
from livingwell.people.access import access_own_person_for
from livingwell.people.models import Person
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.support.access import (
    GUIDE_ROLES,
    Show,
    access_accommodation_for,
    access_action_for,
    access_arrivals_for,
    access_budget_export_for,
    access_budget_for,
    access_caseload_for,
    access_connection_for,
    access_episode_for,
    access_goal_for,
    access_measures_for,
    access_onward_for_guide,
    access_onward_for_provider,
    access_own_measures_for,
    access_own_plan_for,
    access_own_support_for,
    access_pathway_figures_for,
    access_plan_for,
    access_plan_to_change_for,
    access_provider_queue_for,
    access_shared_plan_for_provider,
    access_timeline_for,
    sees_limited_fields,
    shows_for,
    support_records_check,
)
from livingwell.support.accommodation import accommodation_move_record, pathway_rows
from livingwell.support.budgets import allocation_add, planned_support_add, spend_record
from livingwell.support.come_back import closing_summary_context, come_back_for, guide_told_of_return
from livingwell.support.forms import (
    AboutMeForm,
    AccommodationForm,
    ActionForm,
    AllocationForm,
    CommentForm,
    ConnectionForm,
    ContactLogForm,
    GoalForm,
    GoalReviewForm,
    GuideProfileForm,
    HandOverForm,
    MeasureForm,
    OnwardForm,
    OnwardMoveForm,
    PeriodForm,
    PlannedSupportForm,
    RouteForm,
    SpendForm,
    StartFromIntroductionForm,
    StatusForm,
)
from livingwell.support.instruments import name_for_the_person
from livingwell.support.invite import InviteRefused, person_account_invite
from livingwell.support.models import (
    BudgetAllocation,
    Episode,
    Goal,
    GuideProfile,
    Instrument,
    InstrumentItem,
    Measurement,
    OnwardIntroduction,
    Plan,
    PlannedSupport,
)
from livingwell.support.onward import GUIDE_MOVES, PROVIDER_MOVES, OnwardMoveRefused, onward_move, onward_send
from livingwell.support.routing import introduction_route
from livingwell.support.selectors import current_guide
from livingwell.support.services import (
    ABOUT_ME_FIELDS,
    FROM_INTRODUCTION,
    STATUS_CHANGES,
    EpisodeChangeRefused,
    action_add,
    action_done,
    connection_add,
    connection_sharing_set,
    contact_log_record,
    episode_hand_over,
    episode_status_change,
    goal_add,
    goal_review,
    guide_profile_save,
    measurement_record,
    plan_about_me_from_introduction,
    plan_about_me_update,
    plan_agree,
    plan_comment_add,
    plan_get_or_create,
)

SUPPORT_ROLES = (*sorted(GUIDE_ROLES), Role.ADMINISTRATOR)
SHOW_LABELS = {Show.MINE: _lazy("My people"), Show.TEAM: _lazy("My team's people"), Show.ALL: _lazy("Everyone's")}


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
        },
    )


def _form_page(
    request: HttpRequest, form: object, *, heading: str, caption: str, back: str, back_text: str
) -> HttpResponse:
    """Every support form's page: a back link, the person (or goal) it is about, the heading, the form."""
    context = {"form": form, "heading": heading, "caption": caption, "back": back, "back_text": back_text}
    return render(request, "core/form_page.html", context)


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
    summary_text = render_to_string("support/_closing_summary.txt", context)
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


# The plan ---------------------------------------------------------------------------------------------

PLAN_ROLES = (*SUPPORT_ROLES, Role.PERSON)


def _back_to_plan(user: User, person_id: UUID) -> str:
    """The plan page this user works on it from: their own, or the person's latest episode."""
    if user.role == Role.PERSON:
        return reverse("support:my_plan")
    episode = Episode.objects.filter(person_id=person_id).order_by("-opened_at").first()
    if episode is None:
        return reverse("support:caseload")
    return reverse("support:plan", kwargs={"episode_id": episode.pk})


def _plan_form(request: HttpRequest, *, heading: str, form: object, back: str, caption: str) -> HttpResponse:
    return _form_page(request, form, heading=heading, caption=caption, back=back, back_text=_("Back to the plan"))


@require_GET
@role_required(*SUPPORT_ROLES)
def plan(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    view = access_plan_for(request.user, episode)
    context: dict[str, object] = {"episode": episode, "person": episode.person, "view": view}
    context["comment_form"] = CommentForm(initial=fresh_token())
    about_me_empty = view is not None and not any(getattr(view.plan, field) for field in FROM_INTRODUCTION)
    if about_me_empty:
        arrivals = access_arrivals_for(request.user, episode)
        told = [
            arrival for arrival in arrivals if any(getattr(arrival, answer) for answer in FROM_INTRODUCTION.values())
        ]
        if told:
            context["start_from"] = told[0]
            context["start_form"] = StartFromIntroductionForm(initial={"introduction": told[0].pk})
    return render(request, "support/plan.html", context)


@require_POST
@role_required(*SUPPORT_ROLES)
def plan_from_introduction(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    """About me started from what the person told the front door, once they agree."""
    episode, the_plan = _episode_plan(request, episode_id)
    form = StartFromIntroductionForm(request.POST)
    if not form.is_valid():
        messages.warning(request, _("Nothing was copied: ask them first, and tick that they agree."))
        return redirect("support:plan", episode_id=episode.pk)
    arrivals = {arrival.pk: arrival for arrival in access_arrivals_for(request.user, episode)}
    introduction = arrivals.get(form.cleaned_data["introduction"])
    if introduction is None:
        raise Http404
    plan_about_me_from_introduction(actor=request.user, plan=the_plan, introduction=introduction)
    messages.success(request, _("About me now starts with what they told us. Change it together as you need."))
    return redirect("support:plan", episode_id=episode.pk)


@require_POST
@role_required(*SUPPORT_ROLES)
def plan_start(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    support_records_check(request.user, episode)
    plan_get_or_create(actor=request.user, person=episode.person)
    return redirect("support:plan", episode_id=episode.pk)


def _episode_plan(
    request: AuthenticatedHttpRequest, episode_id: UUID, *, shows_text: bool = False
) -> tuple[Episode, Plan]:
    """The episode and its person's plan for a plan form. Opening a form writes nothing: the plan is made
    only when something is saved to it."""
    episode = access_episode_for(request.user, episode_id)
    the_plan = access_plan_to_change_for(request.user, episode, shows_text=shows_text and request.method == "GET")
    if request.method == "POST" and the_plan.pk is None:
        the_plan = plan_get_or_create(actor=request.user, person=episode.person)
    return episode, the_plan


def _own_words_read(
    request: AuthenticatedHttpRequest, person: Person, texts: list[str], where: RiskFlag.Where, once: str = ""
) -> None:
    """What a person writes in their own account goes through the safety net. Words a worker types do not:
    the worker is there to act on them."""
    if request.user.role == Role.PERSON:
        words_read(request, texts=texts, where=where, person_id=person.pk, guide=current_guide(person), once=once)


def _about_me(request: AuthenticatedHttpRequest, the_plan: Plan, back: str) -> HttpResponse:
    initial = {name: getattr(the_plan, name) for name in ABOUT_ME_FIELDS}
    form = AboutMeForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = [str(value) for name, value in form.cleaned_data.items() if value != initial.get(name)]
        with transaction.atomic():
            plan_about_me_update(actor=request.user, plan=the_plan, changes=form.cleaned_data)
            _own_words_read(request, the_plan.person, changed, RiskFlag.Where.ABOUT_ME)
        messages.success(request, _("About me is saved."))
        return redirect(back)
    return _plan_form(request, heading=_("About me"), form=form, back=back, caption=the_plan.person.preferred_name)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def about_me(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode, the_plan = _episode_plan(request, episode_id, shows_text=True)
    return _about_me(request, the_plan, reverse("support:plan", kwargs={"episode_id": episode.pk}))


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def connection_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode, the_plan = _episode_plan(request, episode_id)
    back = reverse("support:plan", kwargs={"episode_id": episode.pk})
    form = ConnectionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        connection_add(actor=request.user, plan=the_plan, values=form.cleaned_data)
        messages.success(request, _("Connection added."))
        return redirect(back)
    return _plan_form(
        request, heading=_("Add a connection"), form=form, back=back, caption=episode.person.preferred_name
    )


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def goal_new(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode, the_plan = _episode_plan(request, episode_id)
    back = reverse("support:plan", kwargs={"episode_id": episode.pk})
    form = GoalForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        goal_add(actor=request.user, plan=the_plan, values=form.cleaned_data)
        messages.success(request, _("Goal added."))
        return redirect(back)
    return _plan_form(request, heading=_("Add a goal"), form=form, back=back, caption=episode.person.preferred_name)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def goal_review_view(request: AuthenticatedHttpRequest, goal_id: int) -> HttpResponse:
    goal = access_goal_for(request.user, goal_id)
    back = _back_to_plan(request.user, goal.plan.person_id)
    form = GoalReviewForm(posted(request), initial={"progress": str(goal.progress)})
    if request.method == "POST" and form.is_valid():
        goal_review(actor=request.user, goal=goal, **form.cleaned_data)
        messages.success(request, _("Review recorded."))
        return redirect(back)
    return _plan_form(request, heading=_("Review the goal"), form=form, back=back, caption=goal.what)


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def goal_step(request: AuthenticatedHttpRequest, goal_id: int) -> HttpResponse:
    goal = access_goal_for(request.user, goal_id)
    back = _back_to_plan(request.user, goal.plan.person_id)
    current = Episode.objects.filter(person_id=goal.plan.person_id).exclude(status=Episode.Status.CLOSED).first()
    if current is None:
        messages.warning(request, _("Steps are agreed while someone is supported: reopen their episode first."))
        return redirect(back)
    form = ActionForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        action_add(actor=request.user, episode=current, goal=goal, **form.cleaned_data)
        messages.success(request, _("Step added."))
        return redirect(back)
    return _plan_form(request, heading=_("Add a step towards the goal"), form=form, back=back, caption=goal.what)


@require_POST
@role_required(*PLAN_ROLES)
def connection_sharing(request: AuthenticatedHttpRequest, connection_id: int) -> HttpResponse:
    connection = access_connection_for(request.user, connection_id)
    may_share = request.POST.get("may_share") == "yes"
    connection_sharing_set(actor=request.user, connection=connection, may_share=may_share)
    if may_share:
        messages.success(request, _("%(name)s may now see the plan.") % {"name": connection.name})
    else:
        messages.success(request, _("The plan is no longer shared with %(name)s.") % {"name": connection.name})
    return redirect(_back_to_plan(request.user, connection.plan.person_id))


def _comment(request: AuthenticatedHttpRequest, the_plan: Plan, back: str) -> HttpResponse:
    form = CommentForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            plan_comment_add(
                actor=request.user,
                plan=the_plan,
                text=form.cleaned_data["text"],
                submission_id=form.cleaned_data["submission_id"],
            )
            _own_words_read(
                request,
                the_plan.person,
                [form.cleaned_data["text"]],
                RiskFlag.Where.PLAN_COMMENT,
                once=once_for(RiskFlag.Where.PLAN_COMMENT, str(form.cleaned_data["submission_id"])),
            )
        messages.success(request, _("Comment added."))
    else:
        messages.warning(request, _("The comment was empty or too long, so nothing was added."))
    return redirect(back)


@require_POST
@role_required(*SUPPORT_ROLES)
def plan_comment(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode, the_plan = _episode_plan(request, episode_id)
    return _comment(request, the_plan, reverse("support:plan", kwargs={"episode_id": episode.pk}))


@require_POST
@role_required(*SUPPORT_ROLES)
def invite(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    """Invite the person to read their plan online: an account, and an email to set its password."""
    episode, _the_plan = _episode_plan(request, episode_id)
    try:
        person_account_invite(actor=request.user, person=episode.person)
    except InviteRefused as refused:
        messages.warning(request, str(refused))
    else:
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": episode.person.email})
    return redirect("support:plan", episode_id=episode.pk)


# The person's own plan


def _own_plan(request: AuthenticatedHttpRequest) -> Plan | None:
    view = access_own_plan_for(request.user)
    return view.plan if view is not None else None


@require_GET
@role_required(Role.PERSON)
def my_plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    view = access_own_plan_for(request.user)
    return render(request, "support/my_plan.html", {"view": view, "comment_form": CommentForm(initial=fresh_token())})


@require_http_methods(["GET", "POST"])
@role_required(Role.PERSON)
def my_about_me(request: AuthenticatedHttpRequest) -> HttpResponse:
    the_plan = _own_plan(request)
    if the_plan is None:
        return redirect("support:my_plan")  # which says their guide will start it with them
    return _about_me(request, the_plan, reverse("support:my_plan"))


@require_GET
@role_required(Role.PERSON)
def my_support(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own budget and the services they were introduced to, and how each is going."""
    return render(request, "support/my_support.html", {"support": access_own_support_for(request.user)})


@require_POST
@role_required(Role.PERSON)
def my_plan_comment(request: AuthenticatedHttpRequest) -> HttpResponse:
    the_plan = _own_plan(request)
    if the_plan is None:
        return redirect("support:my_plan")
    return _comment(request, the_plan, reverse("support:my_plan"))


@require_POST
@role_required(Role.PERSON)
def my_plan_agree(request: AuthenticatedHttpRequest) -> HttpResponse:
    the_plan = _own_plan(request)
    if the_plan is None:
        return redirect("support:my_plan")
    version = request.POST.get("version", "")
    if version.isdigit() and plan_agree(actor=request.user, plan=the_plan, version=int(version)):
        messages.success(request, _("Thank you. You have agreed your plan."))
    else:
        messages.warning(request, _("Your plan changed while you were reading it. Read it again, then agree."))
    return redirect("support:my_plan")


# Onward introductions ---------------------------------------------------------------------------------


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


# Outcome measures -------------------------------------------------------------------------------------


def _instrument(code: str) -> tuple[Instrument, list[InstrumentItem]]:
    instrument = Instrument.objects.filter(code=code).first()
    if instrument is None:
        raise Http404
    return instrument, list(instrument.items.all())


@require_GET
@role_required(*SUPPORT_ROLES)
def measures(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    results = access_measures_for(request.user, episode)
    return render(request, "support/measures.html", {"episode": episode, "person": episode.person, "results": results})


def _measure_form(
    request: AuthenticatedHttpRequest, code: str, *, episode: Episode | None, person: Person, back: str
) -> HttpResponse:
    """Fill in a measure: a guide with the person (saying when in their support), or the person online."""
    instrument, items = _instrument(code)
    by_person = request.user.role == Role.PERSON
    form = MeasureForm(
        posted(request),
        instrument=instrument,
        items=items,
        ask_occasion=not by_person,
        initial={"token": uuid.uuid4()},
    )
    if request.method == "POST" and form.is_valid():
        occasion = form.cleaned_data.get("occasion") or _occasion_for(person, instrument)
        words = form.cleaned_data.get("more_help_words", "")
        with transaction.atomic():
            measurement_record(
                actor=request.user,
                by_person=by_person,
                person=person,
                instrument=instrument,
                episode=episode,
                occasion=occasion,
                answers=form.answers(),
                more_help=form.more_help(),
                more_help_words=words,
                token=form.cleaned_data["token"],
            )
            _own_words_read(
                request,
                person,
                [words],
                RiskFlag.Where.MEASURE,
                once=once_for(RiskFlag.Where.MEASURE, str(form.cleaned_data["token"])),
            )
        shown = name_for_the_person(instrument.code, instrument.name) if by_person else instrument.name
        messages.success(request, _("%(measure)s recorded.") % {"measure": shown})
        return redirect(back)
    return render(
        request, "support/measure_form.html", {"instrument": instrument, "form": form, "back": back, "person": person}
    )


def _occasion_for(person: Person, instrument: Instrument) -> str:
    """Filled in by the person online: the start if it is their first, else a review."""
    first = not Measurement.objects.filter(person=person, instrument=instrument).exists()
    return Measurement.Occasion.START if first else Measurement.Occasion.REVIEW


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def measure_new(request: AuthenticatedHttpRequest, episode_id: UUID, code: str) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    support_records_check(request.user, episode)
    back = reverse("support:measures", kwargs={"episode_id": episode.pk})
    return _measure_form(request, code, episode=episode, person=episode.person, back=back)


@require_GET
@role_required(Role.PERSON)
def my_measures(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "support/my_measures.html", {"results": access_own_measures_for(request.user)})


@require_http_methods(["GET", "POST"])
@role_required(Role.PERSON)
def my_measure_new(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    try:
        person = access_own_person_for(request.user)  # the form reads nothing else of theirs
    except Http404:
        return redirect("support:my_measures")
    episode = Episode.objects.filter(person=person).exclude(status=Episode.Status.CLOSED).first()
    return _measure_form(request, code, episode=episode, person=person, back=reverse("support:my_measures"))


# Personal budgets and accommodation -------------------------------------------------------------------


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
        allocation_add(actor=request.user, person=episode.person, values=form.cleaned_data)
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
        values = dict(form.cleaned_data)
        planned_support_add(actor=request.user, allocation=values.pop("allocation"), values=values)
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
        values = dict(form.cleaned_data)
        allocation, token = values.pop("allocation"), values.pop("token")
        spend_record(actor=request.user, allocation=allocation, values=values, token=token)
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
        accommodation_move_record(actor=request.user, person=episode.person, values=form.cleaned_data)
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


# Routing an introduction from the duty queue ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@role_required(*DUTY_ROLES)
def introduction_route_view(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    text = request.GET.get("q", "")[:200]
    choices = services_to_choose(
        text,
        posted=request.POST.getlist("services") if request.method == "POST" else [],
        chosen=list(introduction.services.values_list("pk", flat=True)),
    )
    form = RouteForm(posted(request), services=choices)
    if request.method == "POST" and form.is_valid():
        introduction_route(
            actor=request.user,
            introduction=introduction,
            route=form.cleaned_data["route"],
            services=list(form.cleaned_data["services"]),
            reason=form.cleaned_data["reason"],
            guide=guide.user if (guide := form.cleaned_data["guide"]) else None,
            guide_chosen=form.cleaned_data["guide_chosen"],
        )
        messages.success(request, _("Introduction routed: %(route)s.") % {"route": introduction.get_route_display()})
        return redirect("frontdoor:introduction", introduction_id=introduction.pk)
    earlier = introduction.person.episodes.first() if introduction.person else None
    context = {"q": text, "searched": bool(text.strip()), "earlier_episode": earlier}
    return render(request, "support/introduction_route.html", {"introduction": introduction, "form": form, **context})
