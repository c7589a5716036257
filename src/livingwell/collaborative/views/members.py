"""A member's own pages: their co-production, suggesting a topic, replying to a meeting."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import selectors, services
from livingwell.collaborative.access import (
    access_own_development_for,
    access_own_membership_for,
    access_own_memberships_for,
)
from livingwell.collaborative.forms import (
    RsvpForm,
    TopicForm,
)
from livingwell.collaborative.models import (
    Meeting,
    Membership,
)
from livingwell.collaborative.views.common import _form_page
from livingwell.core.access import one_or_404
from livingwell.core.forms import fresh_token, posted
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for


@require_GET
@role_required()
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    own = access_own_memberships_for(request.user)
    member = own[0].membership.member if own else None
    feed = reverse("collaborative:member_calendar", args=[member.feed_token]) if member else ""
    development = access_own_development_for(request.user)
    return render(request, "collaborative/mine.html", {"own": own, "feed": feed, "development": development})


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
    when = formats.date_format(timezone.localtime(the_meeting.starts_at), "l j F Y, H:i")  # in their language
    return _form_page(
        request, form, f"{the_meeting.body.name}, {when}", _("Will you come?"), reverse("collaborative:mine")
    )
