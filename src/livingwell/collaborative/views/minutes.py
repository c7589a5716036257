"""Minutes: written, circulated, approved at a later meeting, corrected for the public and published."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import selectors, services
from livingwell.collaborative.access import (
    access_draft_minutes_for,
    access_minutes_to_write_for,
    meeting_run_by,
)
from livingwell.collaborative.forms import (
    MinutesForm,
    PublicMinutesForm,
)
from livingwell.collaborative.models import (
    Minutes,
)
from livingwell.collaborative.views.meetings import _back_to_meeting
from livingwell.core.access import one_or_404


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
