"""What the person sees of what was recorded: through a link sent to them, or signed in as themselves."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import posted
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.frontdoor.access import (
    access_introduction_granted_to,
    access_own_introduction_for,
)
from livingwell.frontdoor.forms import RecordRequestForm
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.promises import promises
from livingwell.frontdoor.record_links import record_link_send, record_link_usable, record_link_use
from livingwell.frontdoor.selectors import introduction_page
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for


@require_http_methods(["GET", "POST"])
def record_request(request: HttpRequest) -> HttpResponse:
    form = RecordRequestForm(posted(request))
    if request.method == "POST":
        # People type what worries them into any box: read it before the form is checked.
        texts = [form.data.get("reference", ""), form.data.get("contact", "")]
        words_read(
            request,
            texts=texts,
            where=RiskFlag.Where.RECORD_REQUEST,
            writer_contact=texts[1],
            once=once_for(RiskFlag.Where.RECORD_REQUEST, *texts),
        )
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "record_request"):
            return limited_response(request)
        record_link_send(reference=form.cleaned_data["reference"], contact=form.cleaned_data["contact"])
        return redirect("frontdoor:record_sent")
    return render(request, "frontdoor/record_request.html", {"form": form, **promises()})


@require_GET
def record_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/record_sent.html", {"hours": settings.LW_RECORD_LINK_HOURS, **promises()})


@never_cache
@require_http_methods(["GET", "POST"])
def record_open(request: HttpRequest) -> HttpResponse:
    """Opening a one-time link takes a button press, so that an email scanner fetching the link cannot spend it."""
    token = (request.POST if request.method == "POST" else request.GET).get("link", "")[:500]
    if request.method == "POST" and record_link_use(token=token, session=request.session):
        return redirect("frontdoor:record")
    usable = request.method == "GET" and record_link_usable(token)
    return render(
        request, "frontdoor/record_open.html", {"token": token, "usable": usable}, status=200 if usable else 410
    )


@never_cache
@require_GET
def record(request: HttpRequest) -> HttpResponse:
    introduction = access_introduction_granted_to(request.session)
    if introduction is None:
        messages.info(request, _("The time to see your record has ended. Ask for a new link."))
        return redirect("frontdoor:record_request")
    return _record_page(request, introduction)


def _record_page(request: HttpRequest, introduction: Introduction) -> HttpResponse:
    """Everything recorded about an introduction, for the person it is about, in their words."""
    context = {
        **introduction_page(introduction),
        "you": True,
        "equality": getattr(introduction, "equality", None),
        **promises(),
    }
    return render(request, "frontdoor/record.html", context)


@require_GET
@role_required(Role.PERSON)
def my_introduction(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    return _record_page(request, access_own_introduction_for(request.user, introduction_id))
