"""Routing an introduction from the duty queue."""

import uuid

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from livingwell.accounts.models import DUTY_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import posted
from livingwell.directory.search import services_to_choose
from livingwell.frontdoor.access import access_introduction_for
from livingwell.support.access import access_secondary_care_referral_for
from livingwell.support.fhir import CONTENT_TYPE, BundleInvalid, referral_json
from livingwell.support.forms import (
    RouteForm,
)
from livingwell.support.routing import introduction_route


@require_safe
@role_required(*DUTY_ROLES)
def secondary_care_referral(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    """The structured referral as a FHIR JSON file, to upload to the trust's system by hand (decision 0064)."""
    referral = access_secondary_care_referral_for(request.user, introduction_id)
    try:
        body = referral_json(referral.introduction)
    except BundleInvalid:
        messages.error(request, _("The referral could not be made from this introduction. Tell the Hub manager."))
        return redirect("frontdoor:introduction", introduction_id=introduction_id)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    # The introduction's reference, never a name: nothing personal in a file name.
    name = f"referral-{referral.introduction.reference}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


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
