"""The person's plan as their guide keeps it: About me, connections, goals, comments, the invitation."""

from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import Role, User
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.people.models import Person
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.support.access import (
    access_arrivals_for,
    access_connection_for,
    access_episode_for,
    access_goal_for,
    access_plan_for,
    access_plan_to_change_for,
    support_records_check,
)
from livingwell.support.forms import (
    AboutMeForm,
    ActionForm,
    CommentForm,
    ConnectionForm,
    GoalForm,
    GoalReviewForm,
    SharingForm,
    StartFromIntroductionForm,
)
from livingwell.support.invite import InviteRefused, person_account_invite
from livingwell.support.models import (
    Episode,
    Plan,
)
from livingwell.support.selectors import ABOUT_ME as ABOUT_ME_FIELDS
from livingwell.support.selectors import current_guide
from livingwell.support.services import (
    FROM_INTRODUCTION,
    action_add,
    connection_add,
    connection_sharing_set,
    goal_add,
    goal_review,
    plan_about_me_from_introduction,
    plan_about_me_update,
    plan_comment_add,
    plan_get_or_create,
)
from livingwell.support.views.common import PLAN_ROLES, SUPPORT_ROLES, _form_page


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
        connection_add(actor=request.user, plan=the_plan, **form.cleaned_data)
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
        goal_add(actor=request.user, plan=the_plan, **form.cleaned_data)
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
    sharing = SharingForm(request.POST)
    may_share = sharing.is_valid() and sharing.cleaned_data["may_share"] == "yes"
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
