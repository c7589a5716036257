"""Routing an introduction to secondary care makes a structured referral (decision 0064): a FHIR R4
transaction Bundle with a UK Core ServiceRequest and its Patient that validates, downloaded by the Hub, or
delivered to the trust's FHIR server with retries and a receipt. The server here is a small real one on the
loopback that checks what it is sent with ``fhir.resources``, as the trust's would."""

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from fhir.resources.R4B.bundle import Bundle

from livingwell.accounts.models import Role
from livingwell.audit.models import AuditEvent
from livingwell.conftest import worker_run
from livingwell.core.tasks import SEND_ATTEMPTS
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.fhir import NHS_NUMBER, referral_bundle
from livingwell.support.models import SecondaryCareReferral

REASON = "Needs the early intervention team"


def _route(duty: Client, introduction: Introduction) -> None:
    url = reverse("support:introduction_route", kwargs={"introduction_id": introduction.pk})
    assert duty.post(url, {"route": "secondary_care", "reason": REASON}).status_code == 302


def _page(duty: Client, introduction: Introduction) -> str:
    return duty.get(reverse("frontdoor:introduction", kwargs={"introduction_id": introduction.pk})).content.decode()


def _download(duty: Client, introduction: Introduction) -> Any:
    return duty.get(reverse("support:secondary_care_referral", kwargs={"introduction_id": introduction.pk}))


def _resources(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["resource"]["resourceType"]: entry["resource"] for entry in bundle["entry"]}


@pytest.fixture
def duty(signed_in_client: Callable[[Role], Client]) -> Client:
    return signed_in_client(Role.DUTY_WORKER)


@pytest.mark.django_db
def test_routing_to_secondary_care_makes_a_referral_that_validates_and_can_be_downloaded(duty: Client) -> None:
    introduction = IntroductionFactory(preferred_name="Sam", in_their_words="I can't sleep and the voices are back")
    _route(duty, introduction)
    assert SecondaryCareReferral.objects.filter(introduction=introduction).exists()
    page = _page(duty, introduction)
    assert "This site is not connected to the trust's system" in page
    download = _download(duty, introduction)
    assert download["Content-Type"] == "application/fhir+json"
    assert download["Content-Disposition"] == f'attachment; filename="referral-{introduction.reference}.json"'
    assert "Sam" not in download["Content-Disposition"]  # nothing personal in a file name
    assert "no-store" in download["Cache-Control"]
    bundle = json.loads(download.content)
    Bundle.model_validate(bundle)  # raises if it is not FHIR
    assert bundle["type"] == "transaction"
    resources = _resources(bundle)
    request, patient = resources["ServiceRequest"], resources["Patient"]
    assert request["meta"]["profile"] == ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest"]
    assert request["code"]["coding"][0]["code"] == "306206005"
    assert request["category"][0]["coding"][0]["code"] == "3457005"
    assert (request["status"], request["intent"], request["priority"]) == ("active", "order", "routine")
    assert request["identifier"][0]["value"] == introduction.reference
    patient_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    assert request["subject"]["reference"] == patient_url
    assert f"Why the Hub referred them: {REASON}" in [note["text"] for note in request["note"]]
    assert "In their own words: I can't sleep and the voices are back" in [note["text"] for note in request["note"]]
    assert patient["name"] == [{"use": "usual", "text": "Sam"}]
    assert "identifier" not in patient  # no NHS number known
    read = AuditEvent.objects.filter(action=AuditEvent.Action.READ, record_id=str(introduction.pk))
    assert read.exists()


@pytest.mark.django_db
def test_the_same_introduction_always_makes_the_same_referral(duty: Client) -> None:
    introduction = IntroductionFactory()
    _route(duty, introduction)
    assert _download(duty, introduction).content == _download(duty, introduction).content


@pytest.mark.django_db
def test_the_patient_has_their_nhs_number_and_needs_when_known() -> None:
    person = PersonFactory(nhs_number="9434765919")
    introduction = IntroductionFactory(
        person=person,
        route=Introduction.Route.SECONDARY_CARE,
        needs_interpreter=True,
        language="Polish",
        gp_practice="Kingsmere Health Centre",
        is_urgent=True,
    )
    resources = _resources(referral_bundle(introduction))
    patient = resources["Patient"]
    assert patient["identifier"] == [{"system": NHS_NUMBER, "value": "9434765919"}]
    assert patient["extension"] == [
        {"url": "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired", "valueBoolean": True}
    ]
    assert patient["communication"] == [{"language": {"text": "Polish"}, "preferred": True}]
    assert patient["generalPractitioner"] == [{"display": "Kingsmere Health Centre"}]
    assert resources["ServiceRequest"]["priority"] == "urgent"
    (entry,) = [e for e in referral_bundle(introduction)["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert entry["request"]["ifNoneExist"] == f"identifier={NHS_NUMBER}|9434765919"  # their record, if the trust has it


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("for_whom", "introducer", "code"),
    [
        ("self", "", "1991000124105"),
        ("someone_else", "gp", "108161000000109"),
        ("someone_else", "family", "185373006"),
        ("someone_else", "friend", None),  # no published code says "a friend": nothing rather than a guess
        ("someone_else", "worker", None),
    ],
)
def test_who_started_it_is_coded_only_where_a_published_code_says_so(for_whom, introducer, code) -> None:
    introduction = IntroductionFactory(
        for_whom=for_whom, introducer_relationship=introducer, introducer_confirms_agreement=for_whom != "self"
    )
    request = _resources(referral_bundle(introduction))["ServiceRequest"]
    codes = [ext["valueCodeableConcept"]["coding"][0]["code"] for ext in request.get("extension", [])]
    assert codes == ([code] if code else [])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "words",
    ["<script>alert(1)</script>", "'; DROP TABLE frontdoor_introduction; --", "Zoë 😊 آمنة", "word " * 2000],
)
def test_nasty_words_still_make_a_referral_that_validates(words: str) -> None:
    introduction = IntroductionFactory(preferred_name=words[:100], in_their_words=words, address="  ")
    bundle = referral_bundle(introduction)
    Bundle.model_validate(bundle)
    assert "address" not in _resources(bundle)["Patient"]  # blank is left out, never sent empty


@pytest.mark.django_db
def test_an_introduction_not_sent_to_secondary_care_has_no_referral_to_download(duty: Client) -> None:
    introduction = IntroductionFactory()
    assert _download(duty, introduction).status_code == 404


class Trust:
    """A FHIR server on the loopback: takes a transaction Bundle, checks it with ``fhir.resources`` and answers
    with a transaction-response, or fails the first ``failures`` times."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.failures = 0
        self.headers: list[dict[str, str]] = []
        trust = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                trust.headers.append(dict(self.headers))
                if trust.failures:
                    trust.failures -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                bundle = json.loads(body)
                Bundle.model_validate(bundle)
                trust.received.append(bundle)
                n = len(trust.received)
                answer = {
                    "resourceType": "Bundle",
                    "type": "transaction-response",
                    "entry": [
                        {"response": {"status": "201 Created", "location": f"{e['request']['url']}/{n}/_history/1"}}
                        for e in bundle["entry"]
                    ],
                }
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/fhir+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/R4"


@pytest.fixture
def trust(settings) -> Iterator[Trust]:
    server = Trust()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    settings.LW_FHIR_REFERRAL_URL = server.url
    settings.LW_FHIR_REFERRAL_TOKEN = "trust-token"
    yield server
    server.server.shutdown()


@pytest.mark.django_db(transaction=True)
def test_it_is_delivered_once_with_a_receipt(trust: Trust, duty: Client) -> None:
    introduction = IntroductionFactory()
    _route(duty, introduction)
    assert "Waiting to be sent to the trust's system" in _page(duty, introduction)
    worker_run()
    (received,) = trust.received
    assert _resources(received)["ServiceRequest"]["identifier"][0]["value"] == introduction.reference
    assert trust.headers[0]["Authorization"] == "Bearer trust-token"
    assert trust.headers[0]["Content-Type"] == "application/fhir+json"
    referral = SecondaryCareReferral.objects.get(introduction=introduction)
    assert referral.delivered_at is not None
    assert referral.receipt == "ServiceRequest/1/_history/1"
    assert "Their receipt: ServiceRequest/1/_history/1" in _page(duty, introduction)
    from livingwell.support.referrals import referral_deliver

    referral_deliver.enqueue(str(introduction.pk))  # queued again: never sent twice
    worker_run()
    assert len(trust.received) == 1


@pytest.mark.django_db(transaction=True)
def test_a_trust_that_is_down_is_tried_again_and_then_the_hub_is_told(trust: Trust, duty: Client) -> None:
    trust.failures = SEND_ATTEMPTS
    introduction = IntroductionFactory(is_urgent=True)
    _route(duty, introduction)
    worker_run()
    assert "Sending to the trust's system: 1 try so far" in _page(duty, introduction)
    for _attempt in range(SEND_ATTEMPTS - 1):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # as time passing would
        worker_run()
    page = _page(duty, introduction)
    assert f"could not be delivered to the trust's system after {SEND_ATTEMPTS} tries" in page
    assert "Download the referral (FHIR file)" in page
    assert trust.received == []
    queue = duty.get(reverse("frontdoor:queue")).content.decode()
    assert f"Structured referral to secondary care, introduction {introduction.reference}" in queue
