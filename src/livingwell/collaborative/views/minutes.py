"""Minutes: written, circulated, approved at a later meeting, corrected for the public and published."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

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
from livingwell.collaborative.models import Meeting, Minutes
from livingwell.collaborative.views.meetings import _back_to_meeting
from livingwell.core import plain_words
from livingwell.core.access import one_or_404
from livingwell.core.refusals import Refused, change_told


def _minutes_page(
    request: AuthenticatedHttpRequest,
    meeting: Meeting,
    current: Minutes | None,
    *,
    form: MinutesForm | None = None,
    public_form: PublicMinutesForm | None = None,
) -> HttpResponse:
    """The minutes page: the draft's form, and the public version with the form that corrects it. A form
    given is one sent with a mistake, shown with its errors."""
    public_text, public_attendance = selectors.minutes_public_version(current) if current else ("", [])
    if public_form is None:
        public_form = PublicMinutesForm(prefix="public")
        public_form.fields["text"].initial = public_text
    in_error = form is not None or public_form.is_bound
    return render(
        request,
        "collaborative/minutes.html",
        {
            "meeting": meeting,
            "minutes": current,
            "form": form or MinutesForm(initial={"text": current.text if current else ""}),
            "public_form": public_form,
            "public_text": public_text,
            "public_attendance": public_attendance,
            # What will be published, checked for plain words while it can still change.
            "plain": plain_words.read(public_text) if current else None,
        },
        status=400 if in_error else 200,
    )


def _minutes_change(
    request: AuthenticatedHttpRequest, meeting_id: int, change: Callable[[Meeting, Minutes | None], str]
) -> HttpResponse:
    """Make one change to the meeting's minutes, say what happened (or why not), and go back to them."""
    the_meeting = meeting_run_by(request.user, meeting_id)
    current = access_minutes_to_write_for(request.user, the_meeting)
    change_told(request, lambda: change(the_meeting, current))
    return redirect("collaborative:minutes", meeting_id=the_meeting.pk)


def _written(current: Minutes | None) -> Minutes:
    if current is None:
        raise Refused(_("Write the minutes first."))
    return current


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def minutes(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    """Write the minutes, circulate them to members, and publish them once a later meeting approves them."""
    the_meeting = meeting_run_by(request.user, meeting_id)
    return _minutes_page(request, the_meeting, access_minutes_to_write_for(request.user, the_meeting))


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def minutes_save(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    form = MinutesForm(request.POST)
    if not form.is_valid():
        the_meeting = meeting_run_by(request.user, meeting_id)
        return _minutes_page(request, the_meeting, access_minutes_to_write_for(request.user, the_meeting), form=form)

    def save(meeting: Meeting, current: Minutes | None) -> str:
        services.minutes_save(actor=request.user, meeting=meeting, text=form.cleaned_data["text"])
        return _("The draft is saved.")

    return _minutes_change(request, meeting_id, save)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def minutes_correct(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    """The secretary's correction of the public version (decision 0018)."""
    public_form = PublicMinutesForm(request.POST, prefix="public")
    if not public_form.is_valid():
        the_meeting = meeting_run_by(request.user, meeting_id)
        current = access_minutes_to_write_for(request.user, the_meeting)
        return _minutes_page(request, the_meeting, current, public_form=public_form)

    def correct(meeting: Meeting, current: Minutes | None) -> str:
        corrected = services.minutes_public_correct(
            actor=request.user, minutes=_written(current), text=public_form.cleaned_data["text"]
        )
        if corrected.public_corrected:
            return _("The public version is corrected.")
        return _("The public version is made from the minutes again.")

    return _minutes_change(request, meeting_id, correct)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def minutes_circulate(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    def circulate(meeting: Meeting, current: Minutes | None) -> str:
        services.minutes_circulate(actor=request.user, minutes=_written(current))
        return _("The draft is sent to members to read before the next meeting.")

    return _minutes_change(request, meeting_id, circulate)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def minutes_publish(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    def publish(meeting: Meeting, current: Minutes | None) -> str:
        services.minutes_publish(actor=request.user, minutes=_written(current))
        return _("The minutes are published on the public site.")

    return _minutes_change(request, meeting_id, publish)


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
