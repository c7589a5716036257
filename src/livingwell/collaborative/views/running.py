"""Running a body: join requests, members, topics, series and meetings."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import services
from livingwell.collaborative.access import (
    access_body_running_for,
    access_join_request_for,
    access_member_names_for_body,
    access_membership_for,
    body_run_by,
)
from livingwell.collaborative.forms import (
    BuddyForm,
    DayAndNotesForm,
    InductionForm,
    JoinDecisionForm,
    MeetingForm,
    MemberAddForm,
    MemberDetailsForm,
    Members,
    ReasonForm,
    RoleForm,
    SeriesForm,
    SupervisionForm,
    TrainingForm,
)
from livingwell.collaborative.models import Membership
from livingwell.collaborative.views.common import _form_page
from livingwell.core.access import one_or_404
from livingwell.core.forms import fresh_token, posted
from livingwell.core.page_links import page_links
from livingwell.core.refusals import change_told


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def running(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    view = access_body_running_for(request.user, slug)
    links = page_links("collaborative.running", view.body.slug)
    return render(request, "collaborative/running.html", {"view": view, "body": view.body, "links": links})


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def join_request(request: AuthenticatedHttpRequest, join_request_id: str) -> HttpResponse:
    the_request = access_join_request_for(request.user, join_request_id)
    decision = JoinDecisionForm(posted(request))
    chosen = decision.cleaned_data["decision"] if decision.is_valid() else ""
    form = ReasonForm(posted(request) if chosen == "decline" else None, label=_("Why not?"))
    if chosen == "approve" or (chosen == "decline" and form.is_valid()):
        try:
            if chosen == "approve":
                services.join_request_approve(actor=request.user, join_request=the_request)
                messages.success(request, _("%(name)s is now a member.") % {"name": the_request.name})
            else:
                services.join_request_decline(
                    actor=request.user, join_request=the_request, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The request is declined, and they have been told why."))
        except services.Refused as refused:
            messages.error(request, str(refused))
        return redirect("collaborative:running", slug=the_request.body.slug)
    context = {"join": the_request, "form": form, "conversation_form": DayAndNotesForm(prefix="conversation")}
    return render(request, "collaborative/join_request.html", context)


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


def _buddy_form(user: Any, the_membership: Membership, data: Any = None) -> BuddyForm:
    names = [each for each in access_member_names_for_body(user, the_membership.body) if each[0] != the_membership.pk]
    initial = {"buddy": the_membership.buddy_id or ""}
    return BuddyForm(data, members=Members(names), initial=initial, prefix="buddy")


def _membership_page(
    request: AuthenticatedHttpRequest,
    the_membership: Membership,
    **in_error: Any,
) -> HttpResponse:
    """A member's record in the group; a form given is one sent with a mistake, shown with its errors."""
    member = the_membership.member
    forms = {
        "role_form": RoleForm(initial={"role": the_membership.role}, prefix="role"),
        "details_form": MemberDetailsForm(instance=member, prefix="details"),
        "training_form": TrainingForm(prefix="training"),
        "induction_form": InductionForm(prefix="induction"),
        "supervision_form": SupervisionForm(prefix="supervision", initial=fresh_token()),
        **in_error,
    }
    if "buddy_form" not in forms:
        forms["buddy_form"] = _buddy_form(request.user, the_membership)
    return render(
        request,
        "collaborative/membership.html",
        {
            "membership": the_membership,
            "member": member,
            "training": list(member.training.all()),
            "supervision": list(member.supervision.select_related("supervisor")),
            **forms,
            "form": next(iter(in_error.values()), None),
        },
        status=400 if in_error else 200,
    )


def _membership_form_sent(
    request: AuthenticatedHttpRequest,
    membership_id: int,
    form_for: Callable[[Membership], Any],
    shown_as: str,
    change: Callable[[Membership, Any], str],
) -> HttpResponse:
    """Check the form sent about a member's record; make the change (saying what happened, or why not) and go
    back to the record, or show the record again with the form's errors (as ``shown_as``)."""
    the_membership = access_membership_for(request.user, membership_id)
    form = form_for(the_membership)
    if not form.is_valid():
        return _membership_page(request, the_membership, **{shown_as: form})
    change_told(request, lambda: change(the_membership, form))
    return redirect("collaborative:membership", membership_id=the_membership.pk)


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def membership(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    """A member's record in the group: role, contact details and consent, supervision, training, leaving."""
    return _membership_page(request, access_membership_for(request.user, membership_id))


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_role(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    def change(the_membership: Membership, form: RoleForm) -> str:
        services.membership_role_set(actor=request.user, membership=the_membership, role=form.cleaned_data["role"])
        return _("Their role is changed.")

    return _membership_form_sent(
        request, membership_id, lambda _m: RoleForm(request.POST, prefix="role"), "role_form", change
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_details(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    def form_for(the_membership: Membership) -> MemberDetailsForm:
        return MemberDetailsForm(request.POST, instance=the_membership.member, prefix="details")

    def change(the_membership: Membership, form: MemberDetailsForm) -> str:
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        services.member_details_update(actor=request.user, member=the_membership.member, changes=changes)
        return _("Their details are saved.")

    return _membership_form_sent(request, membership_id, form_for, "details_form", change)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_training(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    def change(the_membership: Membership, form: TrainingForm) -> str:
        data = form.cleaned_data
        services.training_record(
            actor=request.user,
            member=the_membership.member,
            course=data["course"],
            course_on=data["course_on"],
            attended=data["attended"],
            completed_on=data["completed_on"],
        )
        return _("The training is recorded.")

    return _membership_form_sent(
        request, membership_id, lambda _m: TrainingForm(request.POST, prefix="training"), "training_form", change
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_leave(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    the_membership = access_membership_for(request.user, membership_id)

    def leave() -> str:
        services.membership_end(actor=request.user, membership=the_membership)
        return _("They have left the group. Their record is kept.")

    if change_told(request, leave):
        return redirect("collaborative:running", slug=the_membership.body.slug)
    return redirect("collaborative:membership", membership_id=the_membership.pk)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_induction(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    def change(the_membership: Membership, form: InductionForm) -> str:
        services.membership_induct(
            actor=request.user, membership=the_membership, inducted_on=form.cleaned_data["inducted_on"]
        )
        return _("Their induction is recorded.")

    return _membership_form_sent(
        request, membership_id, lambda _m: InductionForm(request.POST, prefix="induction"), "induction_form", change
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_buddy(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    def change(the_membership: Membership, form: BuddyForm) -> str:
        services.membership_buddy_set(actor=request.user, membership=the_membership, buddy=form.cleaned_data["buddy"])
        return _("Their buddy is saved.")

    return _membership_form_sent(
        request, membership_id, lambda m: _buddy_form(request.user, m, request.POST), "buddy_form", change
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def membership_supervision(request: AuthenticatedHttpRequest, membership_id: int) -> HttpResponse:
    def change(the_membership: Membership, form: SupervisionForm) -> str:
        data = form.cleaned_data
        services.supervision_record(
            actor=request.user,
            member=the_membership.member,
            held_on=data["day"],
            notes=data["notes"],
            follow_ups=data["follow_ups"],
            submission_id=data["submission_id"],
        )
        return _("The supervision session is recorded. They can read the notes on their own page.")

    return _membership_form_sent(
        request,
        membership_id,
        lambda _m: SupervisionForm(request.POST, prefix="supervision"),
        "supervision_form",
        change,
    )


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def join_conversation(request: AuthenticatedHttpRequest, join_request_id: str) -> HttpResponse:
    the_request = access_join_request_for(request.user, join_request_id)
    form = DayAndNotesForm(request.POST, prefix="conversation")
    if form.is_valid():
        services.join_conversation_record(
            actor=request.user,
            join_request=the_request,
            conversation_on=form.cleaned_data["day"],
            notes=form.cleaned_data["notes"],
        )
        messages.success(request, _("The conversation is recorded."))
        return redirect("collaborative:join_request", join_request_id=the_request.pk)
    decision_form = ReasonForm(None, label=_("Why not?"))
    return render(
        request,
        "collaborative/join_request.html",
        {"join": the_request, "form": decision_form, "conversation_form": form},
        status=400,
    )
