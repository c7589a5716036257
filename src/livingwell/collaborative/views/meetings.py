"""A meeting on its day, and before it: the agenda, attendance and quorum, decisions, actions, the chair,
moving or cancelling it."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import selectors, services
from livingwell.collaborative.access import (
    access_meeting_running_for,
    access_member_names_for,
    body_run_by,
    meeting_run_by,
)
from livingwell.collaborative.forms import (
    ActionForm,
    ActionStatusForm,
    AgendaItemForm,
    AttendanceMarkForm,
    ChairForm,
    DecisionForm,
    GuestForm,
    GuestThereForm,
    MarkThereForm,
    Members,
    MoveForm,
    ReasonForm,
    ScheduleTopicForm,
    ShortNoticeForm,
)
from livingwell.collaborative.models import (
    Action,
    AgendaItem,
    ChairTurn,
    ConstituencyKind,
    Guest,
    Meeting,
    Membership,
    Topic,
)
from livingwell.collaborative.views.common import _form_page
from livingwell.core.access import one_or_404
from livingwell.core.forms import fresh_token, posted


def _running_context(
    request: AuthenticatedHttpRequest, meeting_id: int, decision_form: DecisionForm | None = None
) -> dict[str, Any]:
    view = access_meeting_running_for(request.user, meeting_id)
    the_meeting = view.meeting
    return {
        "view": view,
        "meeting": the_meeting,
        "notice_days": selectors.notice_days(the_meeting),
        "notice_short": selectors.notice_is_short(the_meeting),
        "on_the_day": selectors.its_day_has_come(the_meeting),
        "quorum_rows": [
            {
                "label": str(_(" or ")).join(str(ConstituencyKind(kind).label) for kind in (check.kind, *check.also))
                if check.kind
                else _("Members in all"),
                "present": check.present,
                "needed": check.needed,
                "short_by": check.short_by,
            }
            for check in view.quorum.checks
        ],
        "minutes_waiting": selectors.minutes_waiting_approval(the_meeting),
        "chair_proposed": selectors.chair_proposal(the_meeting) if the_meeting.body.rotates_chair else None,
        "chair_turn": ChairTurn.objects.filter(meeting=the_meeting).select_related("membership__member").first()
        if the_meeting.body.rotates_chair
        else None,
        "mark_form": MarkThereForm(members=Members(view.names)) if len(view.shown) < len(view.names) else None,
        "decision_form": decision_form or DecisionForm(initial=fresh_token(), prefix="decision"),
        "form": decision_form,  # when in error, for the page title
    }


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def meeting_running(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    return render(request, "collaborative/meeting_running.html", _running_context(request, meeting_id))


def _back_to_meeting(the_meeting: Meeting, anchor: str) -> HttpResponse:
    return redirect(f"{reverse('collaborative:meeting_running', args=[the_meeting.pk])}#{anchor}")


def _decision_rerender(request: AuthenticatedHttpRequest, the_meeting: Meeting, form: DecisionForm) -> HttpResponse:
    context = _running_context(request, the_meeting.pk, decision_form=form)
    return render(request, "collaborative/meeting_running.html", context, status=400)


def _meeting_form(
    request: AuthenticatedHttpRequest,
    meeting_id: int,
    *,
    heading: str,
    anchor: str,
    make: Callable[[Any, Members, Meeting], Any],
    save: Callable[[Meeting, dict[str, Any]], object],
    done: str,
    error_field: str | None = None,
) -> HttpResponse:
    """A page of its own for one form about a meeting that chooses among its members (one thing per page,
    and a list of hundreds of names sent once): on success, back to the meeting."""
    the_meeting = meeting_run_by(request.user, meeting_id)
    form = make(posted(request), Members(access_member_names_for(request.user, the_meeting)), the_meeting)
    if request.method == "POST" and form.is_valid():
        try:
            save(the_meeting, form.cleaned_data)
        except services.Refused as refused:
            form.add_error(error_field, str(refused))
        else:
            messages.success(request, done)
            return _back_to_meeting(the_meeting, anchor)
    when = timezone.localtime(the_meeting.starts_at).strftime("%-d %B %Y")
    back = f"{reverse('collaborative:meeting_running', args=[the_meeting.pk])}#{anchor}"
    return _form_page(request, form, f"{the_meeting.body.name}, {when}", heading, back)


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def agenda_schedule(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form(
        request,
        meeting_id,
        heading=_("Schedule a suggested topic"),
        anchor="agenda",
        make=lambda data, members, meeting: ScheduleTopicForm(
            data, topics=list(Topic.objects.filter(body=meeting.body, status=Topic.Status.SUGGESTED)), members=members
        ),
        save=lambda meeting, data: services.agenda_topic_schedule(
            actor=request.user, meeting=meeting, topic=data["topic"], lead=data["lead"]
        ),
        done=_("The topic is on the agenda."),
    )


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def agenda_add(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form(
        request,
        meeting_id,
        heading=_("Add an item"),
        anchor="agenda",
        make=lambda data, members, meeting: AgendaItemForm(data, members=members),
        save=lambda meeting, data: services.agenda_item_add(
            actor=request.user, meeting=meeting, kind=data["kind"], title=data["title"], lead=data["lead"]
        ),
        done=_("The item is on the agenda."),
        error_field="kind",
    )


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def action_new(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form(
        request,
        meeting_id,
        heading=_("Agree an action"),
        anchor="actions",
        make=lambda data, members, meeting: ActionForm(data, members=members, initial=fresh_token()),
        save=lambda meeting, data: services.action_add(
            actor=request.user,
            meeting=meeting,
            decision=None,
            what=data["what"],
            owner=data["owner"],
            due_on=data["due_on"],
            submission_id=data["submission_id"],
        ),
        done=_("The action is recorded."),
    )


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def chair(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form(
        request,
        meeting_id,
        heading=_("Who chairs this meeting?"),
        anchor="chair",
        make=lambda data, members, meeting: ChairForm(
            data, members=members, proposed=selectors.chair_proposal(meeting)
        ),
        save=lambda meeting, data: services.chair_choose(
            actor=request.user, meeting=meeting, membership=data["chair"], reason=data["reason"]
        ),
        done=_("The chair is recorded."),
        error_field="reason",
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def agenda_remove(request: AuthenticatedHttpRequest, item_id: int) -> HttpResponse:
    item = one_or_404(AgendaItem.objects.select_related("meeting__body"), item_id)
    meeting_run_by(request.user, item.meeting_id)
    try:
        services.agenda_item_remove(actor=request.user, item=item)
    except services.Refused as refused:
        messages.error(request, str(refused))
    return _back_to_meeting(item.meeting, "agenda")


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def agenda_publish(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    confirmed = ShortNoticeForm(request.POST)
    known = confirmed.is_valid() and confirmed.cleaned_data["short_notice"]
    if selectors.notice_is_short(the_meeting) and not known:
        messages.error(request, _("Confirm that you are publishing with short notice."))
        return _back_to_meeting(the_meeting, "publish")
    try:
        services.agenda_publish(actor=request.user, meeting=the_meeting)
    except services.Refused as refused:
        messages.error(request, str(refused))
        return _back_to_meeting(the_meeting, "publish")
    messages.success(request, _("The agenda is published and sent to members."))
    return _back_to_meeting(the_meeting, "agenda")


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def attendance(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    form = AttendanceMarkForm(request.POST)
    found = (
        Membership.objects.filter(body=the_meeting.body, pk=form.cleaned_data["membership"])
        .select_related("constituency")
        .first()
        if form.is_valid()
        else None
    )
    if found is None:
        messages.error(request, _("Choose a member from the list."))
        return _back_to_meeting(the_meeting, "attendance")
    try:
        present = form.cleaned_data["present"] == "yes"
        services.attendance_mark(actor=request.user, meeting=the_meeting, membership=found, present=present)
    except services.Refused as refused:
        messages.error(request, str(refused))
    return _back_to_meeting(the_meeting, f"member-{found.pk}")


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def decision_new(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    form = DecisionForm(request.POST, prefix="decision")
    if not form.is_valid():
        return _decision_rerender(request, the_meeting, form)
    data = form.cleaned_data
    try:
        services.decision_record(
            actor=request.user,
            meeting=the_meeting,
            what=data["what"],
            scope=data["scope"],
            out_reason=data["out_reason"],
            out_explanation=data["out_explanation"],
            participation=data["participation"],
            submission_id=data["submission_id"],
        )
    except services.Refused as refused:
        form.add_error(None, str(refused))
        return _decision_rerender(request, the_meeting, form)
    messages.success(request, _("The decision is recorded."))
    return _back_to_meeting(the_meeting, "decisions")


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def action_status(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
    action = one_or_404(Action.objects.select_related("body"), action_id)
    body_run_by(request.user, action.body.slug)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.action_status_change(actor=request.user, action=action, status=form.cleaned_data["status"])
    meeting_pk = (form.cleaned_data.get("meeting") if form.is_valid() else None) or action.meeting_id
    return redirect(f"{reverse('collaborative:meeting_running', args=[meeting_pk])}#actions")


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def meeting_move(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    form = MoveForm(posted(request))
    back = reverse("collaborative:meeting_running", args=[the_meeting.pk])
    if request.method == "POST" and form.is_valid():
        start, end = form.start_and_end()
        try:
            services.meeting_move(
                actor=request.user,
                meeting=the_meeting,
                starts_at=start,
                ends_at=end,
                reason=form.cleaned_data["reason"],
            )
        except services.Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The meeting is moved, and members have been told."))
        return redirect(back)
    return _form_page(request, form, the_meeting.body.name, _("Move this meeting"), back)


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def meeting_cancel(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    form = ReasonForm(posted(request), label=_("Why is it cancelled?"))
    back = reverse("collaborative:meeting_running", args=[the_meeting.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(actor=request.user, meeting=the_meeting, reason=form.cleaned_data["reason"])
        except services.Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The meeting is cancelled, and members have been told."))
        return redirect(back)
    return _form_page(request, form, the_meeting.body.name, _("Cancel this meeting"), back, _("Cancel the meeting"))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def guest_add(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    form = GuestForm(posted(request), meeting=the_meeting, initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.guest_invite(
                actor=request.user,
                meeting=the_meeting,
                agenda_item=data["agenda_item"],
                name=data["name"],
                organisation=data["organisation"],
                email=data["email"],
                part=data["part"],
                submission_id=data["submission_id"],
            )
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("%(name)s is invited, and has been sent the details.") % {"name": data["name"]})
            return _back_to_meeting(the_meeting, "guests")
    when = timezone.localtime(the_meeting.starts_at).strftime("%-d %B %Y")
    back = f"{reverse('collaborative:meeting_running', args=[the_meeting.pk])}#guests"
    return _form_page(request, form, f"{the_meeting.body.name}, {when}", _("Invite a guest"), back, _("Invite"))


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def guest_there(request: AuthenticatedHttpRequest, guest_id: int) -> HttpResponse:
    guest = one_or_404(Guest.objects.select_related("meeting"), guest_id)
    the_meeting = meeting_run_by(request.user, guest.meeting_id)
    form = GuestThereForm(request.POST)
    there = form.is_valid() and form.cleaned_data["there"] == "yes"
    services.guest_there(actor=request.user, guest=guest, there=there)
    return _back_to_meeting(the_meeting, "guests")
