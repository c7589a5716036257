"""Outcome measures, the guide's and the person's own, and life circumstances."""

import json
import uuid
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.people.access import access_own_person_for
from livingwell.people.models import Person
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.support.access import (
    access_episode_for,
    access_life_for,
    access_measures_export_for,
    access_measures_for,
    access_own_measures_for,
    support_records_check,
)
from livingwell.support.fhir import CONTENT_TYPE, measures_bundle
from livingwell.support.forms import (
    LifeCircumstancesForm,
    MeasureForm,
)
from livingwell.support.instruments import name_for_the_person
from livingwell.support.life import life_circumstances_record
from livingwell.support.models import (
    Episode,
    Instrument,
    InstrumentItem,
    Measurement,
)
from livingwell.support.services import (
    measurement_record,
)
from livingwell.support.views.common import SUPPORT_ROLES
from livingwell.support.views.plans import _own_words_read


def _instrument(code: str) -> tuple[Instrument, list[InstrumentItem]]:
    instrument = Instrument.objects.filter(code=code).first()
    if instrument is None:
        raise Http404
    return instrument, list(instrument.items.all())


@require_GET
@role_required(*SUPPORT_ROLES)
def measures_fhir(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    """The person's outcome measures as FHIR QuestionnaireResponses and Observations, to send to the NHS."""
    episode = access_episode_for(request.user, episode_id)
    measurements = access_measures_export_for(request.user, episode)
    body = json.dumps(measures_bundle(episode.person, measurements), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="outcome-measures.json"'  # nothing personal in it
    return response


@require_GET
@role_required(*SUPPORT_ROLES)
def measures(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    results = access_measures_for(request.user, episode)
    return render(request, "support/measures.html", {"episode": episode, "person": episode.person, "results": results})


def _measure_form(
    request: AuthenticatedHttpRequest, code: str, *, episode: Episode | None, person: Person, back: str
) -> HttpResponse:
    """Fill in a measure: a guide with the person (saying when in their support), or the person online."""
    instrument, items = _instrument(code)
    by_person = request.user.role == Role.PERSON
    form = MeasureForm(
        posted(request),
        instrument=instrument,
        items=items,
        ask_occasion=not by_person,
        initial={"token": uuid.uuid4()},
    )
    # The person filling in their own sees the measure in their words, not its name in the literature (issue 19).
    shown = name_for_the_person(instrument.code, instrument.name) if by_person else instrument.name
    if request.method == "POST" and form.is_valid():
        occasion = form.cleaned_data.get("occasion") or _occasion_for(person, instrument)
        words = form.cleaned_data.get("more_help_words", "")
        with transaction.atomic():
            measurement_record(
                actor=request.user,
                by_person=by_person,
                person=person,
                instrument=instrument,
                episode=episode,
                occasion=occasion,
                answers=form.answers(),
                more_help=form.more_help(),
                more_help_words=words,
                token=form.cleaned_data["token"],
            )
            _own_words_read(
                request,
                person,
                [words],
                RiskFlag.Where.MEASURE,
                once=once_for(RiskFlag.Where.MEASURE, str(form.cleaned_data["token"])),
            )
        messages.success(request, _("%(measure)s recorded.") % {"measure": shown})
        return redirect(back)
    context = {
        "instrument": instrument, "name": shown, "form": form, "back": back, "person": person,
        # Read in another language, the page says why its questions are not (decision 0062).
        "questions_in_english": translation.get_language() != settings.LANGUAGE_CODE,
    }  # fmt: skip
    return render(request, "support/measure_form.html", context)


def _occasion_for(person: Person, instrument: Instrument) -> str:
    """Filled in by the person online: the start if it is their first, else a review."""
    first = not Measurement.objects.filter(person=person, instrument=instrument).exists()
    return Measurement.Occasion.START if first else Measurement.Occasion.REVIEW


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def measure_new(request: AuthenticatedHttpRequest, episode_id: UUID, code: str) -> HttpResponse:
    episode = access_episode_for(request.user, episode_id)
    support_records_check(request.user, episode)
    back = reverse("support:measures", kwargs={"episode_id": episode.pk})
    return _measure_form(request, code, episode=episode, person=episode.person, back=back)


@require_GET
@role_required(Role.PERSON)
def my_measures(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "support/my_measures.html", {"results": access_own_measures_for(request.user)})


@require_http_methods(["GET", "POST"])
@role_required(Role.PERSON)
def my_measure_new(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    try:
        person = access_own_person_for(request.user)  # the form reads nothing else of theirs
    except Http404:
        return redirect("support:my_measures")
    episode = Episode.objects.filter(person=person).exclude(status=Episode.Status.CLOSED).first()
    return _measure_form(request, code, episode=episode, person=person, back=reverse("support:my_measures"))


@require_http_methods(["GET", "POST"])
@role_required(*SUPPORT_ROLES)
def life(request: AuthenticatedHttpRequest, episode_id: UUID) -> HttpResponse:
    """Life circumstances so far, and how they are now, recorded with the person."""
    episode = access_episode_for(request.user, episode_id)
    records = access_life_for(request.user, episode)
    form = LifeCircumstancesForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        life_circumstances_record(actor=request.user, episode=episode, **form.cleaned_data)
        messages.success(request, _("Life circumstances recorded."))
        return redirect("support:life", episode_id=episode.pk)
    context = {"episode": episode, "person": episode.person, "records": records, "form": form}
    return render(request, "support/life.html", context)
