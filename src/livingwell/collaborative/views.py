"""Co-production bodies: public pages, members' own pages, and running a body and its meetings."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import ical, payments, rotas, selectors, services
from livingwell.collaborative.access import (
    access_body_payments_for,
    access_body_running_for,
    access_claim_for,
    access_draft_minutes_for,
    access_finance_export_for,
    access_join_request_for,
    access_meeting_running_for,
    access_member_names_for,
    access_members_for,
    access_membership_for,
    access_minutes_to_write_for,
    access_own_membership_for,
    access_own_memberships_for,
    access_own_statement_for,
    access_receipt_for,
    access_rota_for,
    body_run_by,
    meeting_run_by,
    runs,
)
from livingwell.collaborative.forms import (
    ActionForm,
    AgendaItemForm,
    ApproveForm,
    ChairForm,
    DecisionForm,
    ExpenseForm,
    JoinForm,
    MarkThereForm,
    MeetingForm,
    MemberAddForm,
    MemberDetailsForm,
    Members,
    MinutesForm,
    MoveForm,
    PublicMinutesForm,
    ReasonForm,
    RoleForm,
    RotaForm,
    RsvpForm,
    ScheduleTopicForm,
    SeriesForm,
    TopicForm,
    TrainingForm,
)
from livingwell.collaborative.models import (
    Action,
    AgendaItem,
    Body,
    ChairTurn,
    ConstituencyKind,
    Decision,
    Meeting,
    Member,
    Membership,
    Minutes,
    Topic,
)
from livingwell.collaborative.rules import rule_in_words
from livingwell.core.access import one_or_404
from livingwell.core.forms import fresh_token, posted
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for


def _calendar(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# ---------------------------------------------------------------------------------------------------------
# Public


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "collaborative/index.html", {"bodies": selectors.bodies_public()})


@require_GET
def body(request: HttpRequest, slug: str) -> HttpResponse:
    view = selectors.body_public(slug)
    series = [(each, rule_in_words(each.rule)) for each in view.body.series.all()]
    return render(
        request,
        "collaborative/body.html",
        {"view": view, "series": series, "runs": runs(request.user, view.body)},  # type: ignore[arg-type]
    )


@require_GET
def code_of_conduct(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "collaborative/code_of_conduct.html", {"body": selectors.body_or_404(slug)})


@require_GET
def body_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    body = selectors.body_or_404(slug)
    return _calendar(ical.calendar_for([body], body.name), f"{body.slug}.ics")


@require_GET
def member_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """A member's own feed, for calendar apps that cannot sign in: the secret is the address."""
    member = Member.objects.filter(feed_token=token).first() if len(token) <= 64 else None
    if member is None:
        raise Http404
    bodies = Body.objects.filter(memberships__member=member, memberships__left_on__isnull=True)
    return _calendar(ical.calendar_for(bodies, _("My co-production meetings")), "my-meetings.ics")


@require_GET
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    view = selectors.meeting_public(meeting_id)
    return render(
        request,
        "collaborative/meeting.html",
        {
            "view": view,
            "meeting": view.meeting,
            "runs": runs(request.user, view.meeting.body),  # type: ignore[arg-type]
        },
    )


@require_GET
def decisions(request: HttpRequest) -> HttpResponse:
    body_slug = request.GET.get("body", "")[:80]
    scope = request.GET.get("scope", "")[:10]
    page, bodies = selectors.decisions_register(body_slug=body_slug, scope=scope, page_number=request.GET.get("page"))
    return render(
        request,
        "collaborative/decisions.html",
        {"page": page, "bodies": bodies, "body_slug": body_slug, "scope": scope, "scopes": Decision.Scope.choices},
    )


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, slug: str) -> HttpResponse:
    body = selectors.body_or_404(slug)
    form = JoinForm(posted(request), body=body, initial=fresh_token())
    if not body.open_membership or not form.fields["constituency"].queryset.exists():  # type: ignore[attr-defined]
        # Appointed, or no group set up to join as yet: say so, rather than a form that cannot be sent.
        return render(request, "collaborative/join_closed.html", {"body": body, "appointed": not body.open_membership})
    if request.method == "POST":
        # Read before the form is checked: words of risk count even in a request that cannot be sent yet.
        words_read(
            request,
            texts=[request.POST.get("why", ""), request.POST.get("name", "")],
            where=RiskFlag.Where.JOIN_REQUEST,
            writer_name=request.POST.get("name", ""),
            writer_contact=request.POST.get("email", ""),
            once=f"join:{request.POST.get('submission_id', '')}"[:100],
        )
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "join"):
            return limited_response(request)
        data = form.cleaned_data
        try:
            services.join_request_submit(
                body=body,
                constituency=data["constituency"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                why=data["why"],
                named_in_public=data["named_in_public"],
                submission_id=data["submission_id"],
            )
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("collaborative:join_sent", slug=body.slug)
    return render(request, "collaborative/join.html", {"body": body, "form": form})


@require_GET
def join_sent(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "collaborative/join_sent.html", {"body": selectors.body_or_404(slug)})


# ---------------------------------------------------------------------------------------------------------
# Members


@require_GET
@role_required()
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    own = access_own_memberships_for(request.user)
    member = own[0].membership.member if own else None
    feed = reverse("collaborative:member_calendar", args=[member.feed_token]) if member else ""
    return render(request, "collaborative/mine.html", {"own": own, "feed": feed})


def _member_words_read(request: HttpRequest, membership: Membership, texts: list[str], where: RiskFlag.Where) -> None:
    """A member's words go through the safety net; members are not people we support, so a flag goes to the
    duty team with the name and contact they gave the body. The same words twice raise one flag."""
    member = membership.member
    words_read(
        request,
        texts=texts,
        where=where,
        writer_name=member.name,
        writer_contact=member.email or member.phone,
        once=once_for(where, str(membership.pk), *texts),
    )


@require_http_methods(["GET", "POST"])
@role_required()
def suggest(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = selectors.body_or_404(slug)
    membership = access_own_membership_for(request.user, body)
    form = TopicForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            services.topic_suggest(
                membership=membership, title=data["title"], why=data["why"], submission_id=data["submission_id"]
            )
            _member_words_read(request, membership, [data["title"], data["why"]], RiskFlag.Where.TOPIC)
        messages.success(request, _("Thank you. Your topic is in the rolling programme for the chair and secretary."))
        return redirect("collaborative:mine")
    return _form_page(request, form, body.name, _("Suggest a topic"), reverse("collaborative:mine"), _("Suggest"))


@require_http_methods(["GET", "POST"])
@role_required()
def reply(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_meeting = one_or_404(Meeting.objects.select_related("body"), meeting_id)
    membership = access_own_membership_for(request.user, the_meeting.body)
    current = the_meeting.rsvps.filter(membership=membership).first()
    initial = {"answer": current.answer, "access_needs": current.access_needs} if current else None
    form = RsvpForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.rsvp_record(
                    membership=membership,
                    meeting=the_meeting,
                    answer=form.cleaned_data["answer"],
                    access_needs=form.cleaned_data["access_needs"],
                )
                _member_words_read(request, membership, [form.cleaned_data["access_needs"]], RiskFlag.Where.REPLY)
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Your reply is saved."))
            return redirect("collaborative:mine")
    when = timezone.localtime(the_meeting.starts_at).strftime("%A %-d %B %Y, %H:%M")
    return _form_page(
        request, form, f"{the_meeting.body.name}, {when}", _("Will you come?"), reverse("collaborative:mine")
    )


# ---------------------------------------------------------------------------------------------------------
# Running a body


def _form_page(
    request: HttpRequest, form: Any, caption: str, heading: str, back: str, button: str | None = None
) -> HttpResponse:
    return render(
        request,
        "core/form_page.html",
        {"form": form, "caption": caption, "heading": heading, "back": back, "button": button},
    )


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def running(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    view = access_body_running_for(request.user, slug)
    return render(request, "collaborative/running.html", {"view": view, "body": view.body})


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def join_request(request: AuthenticatedHttpRequest, join_request_id: str) -> HttpResponse:
    the_request = access_join_request_for(request.user, join_request_id)
    form = ReasonForm(posted(request) if request.POST.get("decision") == "decline" else None, label=_("Why not?"))
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "approve":
                services.join_request_approve(actor=request.user, join_request=the_request)
                messages.success(request, _("%(name)s is now a member.") % {"name": the_request.name})
                return redirect("collaborative:running", slug=the_request.body.slug)
            if form.is_valid():
                services.join_request_decline(
                    actor=request.user, join_request=the_request, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The request is declined, and they have been told why."))
                return redirect("collaborative:running", slug=the_request.body.slug)
        except services.Refused as refused:
            messages.error(request, str(refused))
            return redirect("collaborative:running", slug=the_request.body.slug)
    return render(request, "collaborative/join_request.html", {"join": the_request, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def member_add(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    form = MemberAddForm(posted(request), body=body)
    back = reverse("collaborative:running", args=[body.slug])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.member_add(
                actor=request.user,
                body=body,
                constituency=data["constituency"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                named_in_public=data["named_in_public"],
                role=data["role"],
            )
        except services.Refused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(
                request, _("%(name)s is now a member, and has been sent a welcome.") % {"name": data["name"]}
            )
            return redirect(back)
    return _form_page(request, form, body.name, _("Add a member"), back, _("Add the member"))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def topic_not_taken(request: AuthenticatedHttpRequest, slug: str, topic_id: int) -> HttpResponse:
    body = body_run_by(request.user, slug)
    topic = one_or_404(body.topics.all(), topic_id)
    form = ReasonForm(posted(request), label=_("Why is it not being taken forward?"))
    back = reverse("collaborative:running", args=[body.slug])
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_not_taken(actor=request.user, topic=topic, reason=form.cleaned_data["reason"])
        except services.Refused as refused:
            messages.error(request, str(refused))
        return redirect(back)
    return _form_page(request, form, topic.title, _("Set this topic aside"), back)


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def series_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    form = SeriesForm(posted(request))
    back = reverse("collaborative:running", args=[body.slug])
    if request.method == "POST" and form.is_valid():
        start, end = form.start_and_end()
        data = form.cleaned_data
        services.series_create(
            actor=request.user,
            body=body,
            rule=form.rule(),
            first_start=start,
            minutes_long=int((end - start).total_seconds() // 60),
            venue=data["venue"],
            online_link=data["online_link"],
            accessibility=data["accessibility"],
        )
        messages.success(request, _("The meetings are planned."))
        return redirect(back)
    return _form_page(request, form, body.name, _("Plan repeating meetings"), back)


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def meeting_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    form = MeetingForm(posted(request))
    back = reverse("collaborative:running", args=[body.slug])
    if request.method == "POST" and form.is_valid():
        start, end = form.start_and_end()
        data = form.cleaned_data
        added = services.meeting_add(
            actor=request.user,
            body=body,
            starts_at=start,
            ends_at=end,
            venue=data["venue"],
            online_link=data["online_link"],
            accessibility=data["accessibility"],
        )
        return redirect("collaborative:meeting_running", meeting_id=added.pk)
    return _form_page(request, form, body.name, _("Add a meeting"), back)


def _running_context(
    request: AuthenticatedHttpRequest, meeting_id: int, decision_form: DecisionForm | None = None
) -> dict[str, Any]:
    view = access_meeting_running_for(request.user, meeting_id)
    the_meeting = view.meeting
    return {
        "view": view,
        "meeting": the_meeting,
        "notice_days": services.notice_days(the_meeting),
        "notice_short": services.notice_is_short(the_meeting),
        "on_the_day": services.its_day_has_come(the_meeting),
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
        "minutes_waiting": services.minutes_waiting_approval(the_meeting),
        "chair_proposed": services.chair_proposal(the_meeting) if the_meeting.body.rotates_chair else None,
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
        make=lambda data, members, meeting: ChairForm(data, members=members, proposed=services.chair_proposal(meeting)),
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
    short = services.notice_is_short(the_meeting)
    if short and request.POST.get("short_notice") != "yes":
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
    raw = request.POST.get("membership", "")
    found = (
        Membership.objects.filter(body=the_meeting.body, pk=int(raw)).select_related("constituency").first()
        if raw.isdigit() and len(raw) < 12
        else None
    )
    if found is None:
        messages.error(request, _("Choose a member from the list."))
        return _back_to_meeting(the_meeting, "attendance")
    try:
        services.attendance_mark(
            actor=request.user, meeting=the_meeting, membership=found, present=request.POST.get("present") == "yes"
        )
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
    status = request.POST.get("status", "")
    if status in Action.Status.values:
        services.action_status_change(actor=request.user, action=action, status=status)
    back = request.POST.get("meeting", "")
    meeting_pk = int(back) if back.isdigit() else action.meeting_id
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
def membership(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    """A member's record in the group: role, contact details and consent, supervision, training, leaving."""
    the_membership = access_membership_for(request.user, membership_id)
    member = the_membership.member
    op = request.POST.get("op", "") if request.method == "POST" else ""
    role_form = RoleForm(request.POST if op == "role" else None, initial={"role": the_membership.role}, prefix="role")
    details_form = MemberDetailsForm(request.POST if op == "details" else None, instance=member, prefix="details")
    training_form = TrainingForm(request.POST if op == "training" else None, prefix="training")
    here = redirect("collaborative:membership", membership_id=the_membership.pk)
    try:
        if op == "role" and role_form.is_valid():
            services.membership_role_set(
                actor=request.user, membership=the_membership, role=role_form.cleaned_data["role"]
            )
            messages.success(request, _("Their role is changed."))
            return here
        if op == "details" and details_form.is_valid():
            services.member_details_update(
                actor=request.user,
                member=member,
                changes={name: details_form.cleaned_data[name] for name in details_form.changed_data},
            )
            messages.success(request, _("Their details are saved."))
            return here
        if op == "training" and training_form.is_valid():
            services.training_record(
                actor=request.user,
                member=member,
                course=training_form.cleaned_data["course"],
                completed_on=training_form.cleaned_data["completed_on"],
            )
            messages.success(request, _("The training is recorded."))
            return here
        if op == "leave":
            services.membership_end(actor=request.user, membership=the_membership)
            messages.success(request, _("They have left the group. Their record is kept."))
            return redirect("collaborative:running", slug=the_membership.body.slug)
    except services.Refused as refused:
        messages.error(request, str(refused))
        return here
    in_error = next((f for f in (role_form, details_form, training_form) if f.is_bound and f.errors), None)
    return render(
        request,
        "collaborative/membership.html",
        {
            "membership": the_membership,
            "member": member,
            "training": list(member.training.all()),
            "role_form": role_form,
            "details_form": details_form,
            "training_form": training_form,
            "form": in_error,
        },
        status=400 if in_error else 200,
    )


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def minutes(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    """Write the minutes, circulate them to members, and publish them once a later meeting approves them."""
    the_meeting = meeting_run_by(request.user, meeting_id)
    current = access_minutes_to_write_for(request.user, the_meeting)
    op = request.POST.get("op", "") if request.method == "POST" else ""
    form = MinutesForm(request.POST if op == "save" else None, initial={"text": current.text if current else ""})
    public_text, public_attendance = selectors.minutes_public_version(current) if current else ("", [])
    public_form = PublicMinutesForm(request.POST if op == "correct" else None, prefix="public")
    public_form.fields["text"].initial = public_text
    here = redirect("collaborative:minutes", meeting_id=the_meeting.pk)
    try:
        if op == "save" and form.is_valid():
            services.minutes_save(actor=request.user, meeting=the_meeting, text=form.cleaned_data["text"])
            messages.success(request, _("The draft is saved."))
            return here
        if op == "correct" and current and public_form.is_valid():
            corrected = services.minutes_public_correct(
                actor=request.user, minutes=current, text=public_form.cleaned_data["text"]
            )
            messages.success(
                request,
                _("The public version is corrected.")
                if corrected.public_corrected
                else _("The public version is made from the minutes again."),
            )
            return here
        if op == "circulate" and current:
            services.minutes_circulate(actor=request.user, minutes=current)
            messages.success(request, _("The draft is sent to members to read before the next meeting."))
            return here
        if op == "publish" and current:
            services.minutes_publish(actor=request.user, minutes=current)
            messages.success(request, _("The minutes are published on the public site."))
            return here
    except services.Refused as refused:
        messages.error(request, str(refused))
        return here
    return render(
        request,
        "collaborative/minutes.html",
        {
            "meeting": the_meeting,
            "minutes": current,
            "form": form,
            "public_form": public_form,
            "public_text": public_text,
            "public_attendance": public_attendance,
        },
        status=400 if form.errors or public_form.errors else 200,
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def minutes_approve(request: AuthenticatedHttpRequest, meeting_id: int, minutes_id: int) -> HttpResponse:
    the_meeting = meeting_run_by(request.user, meeting_id)
    earlier = one_or_404(Minutes.objects.filter(meeting__body=the_meeting.body), minutes_id)
    try:
        services.minutes_approve(actor=request.user, minutes=earlier, at=the_meeting)
    except services.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The minutes are approved. Publish them from their page."))
    return _back_to_meeting(the_meeting, "minutes")


@require_GET
@role_required()
def minutes_draft(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    the_minutes = access_draft_minutes_for(request.user, meeting_id)
    return render(request, "collaborative/minutes_draft.html", {"minutes": the_minutes, "meeting": the_minutes.meeting})


# ---------------------------------------------------------------------------------------------------------
# Payments


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def payments_view(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    view = access_body_payments_for(request.user, slug)
    return render(request, "collaborative/payments.html", {"view": view, "body": view.body})


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def payments_export(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    export = payments.claims_export(actor=request.user, body=body)
    if export is None:
        messages.error(request, _("There are no approved claims to send to finance."))
        return redirect("collaborative:payments", slug=body.slug)
    return redirect("collaborative:finance_export", slug=body.slug, export_id=export.pk)


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def finance_export(request: AuthenticatedHttpRequest, slug: str, export_id: int) -> HttpResponse:
    """A batch sent to finance, as CSV: downloaded as it is made, and again whenever it is needed."""
    export = access_finance_export_for(request.user, slug, export_id)
    response = HttpResponse(export.csv, content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime(export.made_at).strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{slug}-payments-{stamp}.csv"'
    return response


@require_http_methods(["GET", "POST"])
@role_required()
def claim(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    """A claim: its member adds expenses with receipts; the coordinator approves it or says why not."""
    the_claim, running = access_claim_for(request.user, claim_id)
    op = request.POST.get("op", "") if request.method == "POST" else ""
    expense_form = ExpenseForm(
        request.POST if op == "expense" else None, request.FILES if op == "expense" else None, initial=fresh_token()
    )
    approve_form = ApproveForm(request.POST if op == "approve" else None, prefix="approve")
    reject_form = ReasonForm(request.POST if op == "reject" else None, label=_("Why not?"), prefix="reject")
    here = redirect("collaborative:claim", claim_id=the_claim.pk)
    try:
        if op == "expense" and expense_form.is_valid():
            data = expense_form.cleaned_data
            payments.expense_add(
                actor=request.user,
                claim=the_claim,
                what=data["what"],
                amount=data["amount"],
                receipt=data["receipt"],
                submission_id=data["submission_id"],
            )
            messages.success(request, _("The expense is added."))
            return here
        if op == "approve" and running and approve_form.is_valid():
            agreed = approve_form.cleaned_data["over_limit_agreed"]
            payments.claim_approve(actor=request.user, claim=the_claim, over_limit_agreed=agreed)
            messages.success(request, _("The claim is approved."))
            return redirect("collaborative:payments", slug=the_claim.body.slug)
        if op == "reject" and running and reject_form.is_valid():
            payments.claim_reject(actor=request.user, claim=the_claim, reason=reject_form.cleaned_data["reason"])
            messages.success(request, _("The claim is not approved, and the reason is kept."))
            return redirect("collaborative:payments", slug=the_claim.body.slug)
    except payments.PaymentRefused as refused:
        messages.error(request, str(refused))
        return here
    in_error = next((f for f in (expense_form, reject_form) if f.is_bound and f.errors), None)
    return render(
        request,
        "collaborative/claim.html",
        {
            "claim": the_claim,
            "running": running,
            "own": the_claim.member.user_id == request.user.pk,
            "expenses": list(the_claim.expenses.defer("receipt")),
            "total": payments.claim_total(the_claim),
            "cap": payments.cap_for(the_claim),
            "expense_form": expense_form,
            "approve_form": approve_form,
            "reject_form": reject_form,
            "form": in_error,
        },
        status=400 if in_error else 200,
    )


@require_GET
@role_required()
def receipt(request: AuthenticatedHttpRequest, expense_id: int) -> HttpResponse:
    expense = access_receipt_for(request.user, expense_id)
    response = HttpResponse(bytes(expense.receipt), content_type=expense.receipt_type)
    response["Content-Disposition"] = f'attachment; filename="receipt-{expense.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@role_required()
def my_payments(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = payments.tax_year_chosen(request.GET.get("year", ""), today)
    statement = access_own_statement_for(request.user, start)
    years = payments.tax_years_to_choose(today)
    return render(request, "collaborative/my_payments.html", {"statement": statement, "start": start, "years": years})


# ---------------------------------------------------------------------------------------------------------
# Rotas


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def rota_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body, memberships = access_members_for(request.user, slug)
    form = RotaForm(posted(request), memberships=memberships)
    back = reverse("collaborative:running", args=[body.slug])
    if request.method == "POST" and form.is_valid():
        try:
            rota = rotas.rota_create(
                actor=request.user,
                body=body,
                name=form.cleaned_data["name"],
                duty=form.cleaned_data["duty"],
                memberships=list(form.cleaned_data["people"]),
            )
        except rotas.RotaRefused as refused:
            form.add_error("people", str(refused))
        else:
            return redirect("collaborative:rota", rota_id=rota.pk)
    return _form_page(request, form, body.name, _("Start a rota"), back, _("Start the rota"))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def rota(request: AuthenticatedHttpRequest, rota_id: int) -> HttpResponse:
    the_rota, places, turns = access_rota_for(request.user, rota_id)
    if request.method == "POST":
        try:
            if request.POST.get("op") == "fill":
                made = rotas.rota_fill(actor=request.user, rota=the_rota)
                messages.success(request, _("%(count)s turns are given out.") % {"count": len(made)})
            elif request.POST.get("op") == "swap":
                turn = one_or_404(the_rota.turns.select_related("rota"), request.POST.get("turn", ""))
                raw = request.POST.get("membership", "")
                chosen = next((p.membership for p in places if str(p.membership_id) == raw), None)
                if chosen is None:
                    raise rotas.RotaRefused(_("Choose someone on the rota"))
                rotas.rota_swap(actor=request.user, turn=turn, membership=chosen)
                messages.success(request, _("The turn is swapped, and they will be reminded."))
        except rotas.RotaRefused as refused:
            messages.error(request, str(refused))
        return redirect("collaborative:rota", rota_id=the_rota.pk)
    return render(request, "collaborative/rota.html", {"rota": the_rota, "places": places, "turns": turns})
