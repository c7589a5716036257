"""A person's outcome measures as FHIR (decision 0064): a collection Bundle of their Patient, a
QuestionnaireResponse for each completion and an Observation for each score, coded with the published SNOMED
CT codes where they exist, valid, downloaded by their guide and audited as an export."""

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from livingwell.accounts.models import Role
from livingwell.audit.models import AuditEvent
from livingwell.conftest import sign_in
from livingwell.support.fhir import DIALOG_ITEMS
from livingwell.support.models import Episode, Instrument
from livingwell.support.services import measurement_record
from livingwell.support.tests.factories import EpisodeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode(user_with_role: Callable[[Role], Any]) -> Episode:
    return EpisodeFactory(guide=user_with_role(Role.PERSONAL_GUIDE), person__nhs_number="9434765919")


def _measure(episode: Episode, code: str, answers: dict[str, int], more_help: dict[str, bool] | None = None) -> None:
    instrument = Instrument.objects.get(code=code)
    measurement_record(
        actor=episode.guide,
        by_person=False,
        person=episode.person,
        episode=episode,
        instrument=instrument,
        occasion="start",
        answers=answers,
        more_help=more_help or {},
        token=uuid.uuid4(),
    )


def _download(episode: Episode) -> Any:
    client = Client()
    sign_in(client, episode.guide)
    return client.get(reverse("support:measures_fhir", kwargs={"episode_id": episode.pk}))


def _of(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_the_guide_downloads_every_measure_as_valid_fhir(episode: Episode) -> None:
    _measure(episode, "swemwbs", {str(n): 3 for n in range(1, 8)})
    _measure(episode, "ons4", {"1": 6, "2": 7, "3": 5, "4": 8})
    download = _download(episode)
    assert download["Content-Type"] == "application/fhir+json"
    assert download["Content-Disposition"] == 'attachment; filename="outcome-measures.json"'
    bundle = json.loads(download.content)
    Bundle.model_validate(bundle)
    (patient,) = _of(bundle, "Patient")
    assert patient["identifier"][0]["value"] == "9434765919"
    responses = _of(bundle, "QuestionnaireResponse")
    assert [r["questionnaire"].rsplit("/", 1)[1] for r in responses] == ["swemwbs", "ons4"]
    assert responses[1]["item"][3]["answer"] == [{"valueInteger": 8}]
    observations = _of(bundle, "Observation")
    swemwbs = [o for o in observations if o.get("code", {}).get("coding")]
    assert [(o["code"]["coding"][0]["code"], o["valueQuantity"]["value"]) for o in swemwbs] == [("718466001", 21)]
    ons4 = [o for o in observations if o["code"]["text"].startswith("Office for National Statistics")]
    assert len(ons4) == 4
    assert all("coding" not in o["code"] for o in ons4)  # no published code: in words alone, never a guess
    exported = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, person_id=episode.person_id)
    assert exported.count() == 1


def test_dialog_items_are_coded_by_what_they_ask_about(episode: Episode) -> None:
    answers = {str(n): n % 7 + 1 for n in range(1, 12)}
    _measure(episode, "dialog", answers, more_help={"2": True})
    bundle = json.loads(_download(episode).content)
    coded = {
        o["code"]["text"].removeprefix("DIALOG: how satisfied with "): o
        for o in _of(bundle, "Observation")
        if o["code"].get("coding")
    }
    assert set(coded) == set(DIALOG_ITEMS)
    # Friendships is our 7th item and SNOMED's 6th: the code follows the meaning, not the number.
    assert coded["friendships"]["code"]["coding"][0]["code"] == "1037701000000108"
    assert coded["friendships"]["valueQuantity"]["value"] == answers["7"]
    (response,) = _of(bundle, "QuestionnaireResponse")
    assert {
        "linkId": "2.more-help",
        "text": "Would you like more help with this?",
        "answer": [{"valueBoolean": True}],
    } in (response["item"])


def test_a_person_with_no_measures_is_an_empty_but_valid_export(episode: Episode) -> None:
    bundle = json.loads(_download(episode).content)
    Bundle.model_validate(bundle)
    assert [entry["resource"]["resourceType"] for entry in bundle["entry"]] == ["Patient"]
