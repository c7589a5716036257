"""The experience-of-support survey: a guide offers it from the episode's page; the person answers by the
link sent to them, on their own account, or with their guide; the figures count the answers."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.views.common import _form_page
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.support.access import access_episode_for
from livingwell.support.views.common import SUPPORT_ROLES
from livingwell.voice import experience
from livingwell.voice.forms import ExperienceForm, ExperienceOfferForm
from livingwell.voice.models import ExperienceOffer

SESSION_KEY = "voice_experience"


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def experience_offer(request: AuthenticatedHttpRequest, episode_id: str) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    form = ExperienceOfferForm(posted(request), initial=fresh_token())
    back = reverse("support:episode", kwargs={"episode_id": episode.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            offer = experience.offer_make(
                actor=request.user,
                episode=episode,
                moment=data["moment"],
                way=data["way"],
                submission_id=data["submission_id"],
            )
        except Refused as refused:
            form.add_error("way", str(refused))
        else:
            if offer.way == ExperienceOffer.Way.GUIDE:
                request.session[SESSION_KEY] = str(offer.pk)
                return redirect("voice:experience")
            messages.success(request, _("The survey is offered. You will not see their answers."))
            return redirect(back)
    caption = episode.person.preferred_name
    return _form_page(request, form, caption, _("Offer the experience survey"), back, _("Offer it"))


@require_GET
def experience_open(request: HttpRequest) -> HttpResponse:
    offer_id = experience.offer_of_link(request.GET.get("link", "")[:500])
    if offer_id is None:
        return render(request, "voice/link_broken.html", status=410)
    request.session[SESSION_KEY] = offer_id
    return redirect("voice:experience")


@require_GET
@role_required()
def experience_yours(request: AuthenticatedHttpRequest, offer_id: str) -> HttpResponse:
    """The survey offered on their own account."""
    offers = {str(offer.pk) for offer in experience.offers_open_for(request.user)}
    if str(offer_id) not in offers:
        return render(request, "voice/link_broken.html", status=410)
    request.session[SESSION_KEY] = str(offer_id)
    return redirect("voice:experience")


@require_http_methods(["GET", "POST"])
def experience_answer(request: HttpRequest) -> HttpResponse:
    offer = experience.offer_open(request.session.get(SESSION_KEY, "") or "")
    if offer is None:
        return render(request, "voice/link_broken.html", status=410)
    if offer.answered:
        return render(request, "voice/answer_thanks.html", {"kept_apart": True})
    form = ExperienceForm(posted(request), questions=experience.questions())
    if request.method == "POST":
        # Their words go through the safety net, as everywhere a person writes to us: a flag reaches their
        # guide (or the duty team) with who they are. The answers themselves stay apart from their record.
        person = offer.episode.person
        texts = [value for name, value in form.data.items() if name.startswith("q_")]
        words_read(
            request,
            texts=texts,
            where=RiskFlag.Where.EXPERIENCE,
            person_id=person.pk,
            guide=offer.episode.guide,
            once=once_for(RiskFlag.Where.EXPERIENCE, str(offer.pk), *texts),
        )
    if request.method == "POST" and form.is_valid():
        answers, words = form.answers()
        try:
            experience.response_give(offer_id=str(offer.pk), answers=answers, words=words)
        except Refused as refused:
            messages.error(request, str(refused))
        request.session.pop(SESSION_KEY, None)
        return render(request, "voice/answer_thanks.html", {"kept_apart": True})
    return render(request, "voice/experience.html", {"form": form})
