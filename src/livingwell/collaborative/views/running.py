"""Running a body: join requests, members, topics, series and meetings."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import services
from livingwell.collaborative.access import (
    access_body_running_for,
    access_join_request_for,
    access_membership_for,
    body_run_by,
)
from livingwell.collaborative.forms import (
    MeetingForm,
    MemberAddForm,
    MemberDetailsForm,
    ReasonForm,
    RoleForm,
    SeriesForm,
    TrainingForm,
)
from livingwell.collaborative.views.common import _form_page
from livingwell.core.access import one_or_404
from livingwell.core.forms import posted


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
