"""The structured referral to secondary care (decision 0064): an HL7 FHIR R4 transaction ``Bundle`` holding
a ``ServiceRequest`` (NHS England's UK Core profile), the ``Patient`` it is for, and the ``Organization``
asking, built from the introduction the Hub routed.

Every SNOMED CT code here is one found in published material, named beside it; none is made up. Where no
published code says what we mean (an introducer who is a friend, say), the element is left out rather than
filled with a guess.

The Bundle is checked with ``fhir.resources`` before it leaves: a referral that does not validate is never
sent. It is built afresh each time from the introduction, so the same introduction always gives the same
Bundle (its ids are made from the introduction's), and sending it again cannot make a second referral: each
entry is a conditional create (``ifNoneExist``) on its identifier.
"""

import json
import uuid
from typing import Any

from django.conf import settings
from fhir.resources.R4B.bundle import Bundle

from livingwell.frontdoor.models import Introduction

SNOMED = "http://snomed.info/sct"
NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/"
INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
NAMESPACE = uuid.UUID("5b0f6d2e-8c41-4e7a-a3d9-2f16c8e07b54")
CONTENT_TYPE = "application/fhir+json"

# What is asked for: 306206005 |Referral to service (procedure)|, as HL7's own example of a referral to a
# mental health care programme codes it (FHIR R4, ActivityDefinition "referralPrimaryCareMentalHealth",
# https://hl7.org/fhir/R4/activitydefinition-example.html). A procedure, as UK Core's binding prefers.
REFERRAL = {"system": SNOMED, "code": "306206005", "display": "Referral to service"}
# Its kind: 3457005 |Patient referral (procedure)|, the root of HL7's "SNOMED CT Patient Referral" value set
# (http://hl7.org/fhir/ValueSet/referral-type). UK Core's category slicing is open to it.
PATIENT_REFERRAL = {"system": SNOMED, "code": "3457005", "display": "Patient referral"}
# Who started it, from UK Core's value set UKCore-SourceOfServiceRequest 1.2.1 (HL7 UK, its published
# expansion). Only where a code says exactly what the front door was told; a friend, "a worker who supports
# them" or "someone else" have none, so say nothing.
SOURCE_OF_REQUEST = f"{UK_CORE}Extension-UKCore-SourceOfServiceRequest"
REFERRED_BY_SELF = {"system": SNOMED, "code": "1991000124105", "display": "Referred by self"}
REFERRED_BY = {
    Introduction.Introducer.GP: {
        "system": SNOMED,
        "code": "108161000000109",
        "display": "Referred by general practitioner",
    },
    Introduction.Introducer.FAMILY: {"system": SNOMED, "code": "185373006", "display": "Referred by family"},
}


def _full_url(introduction: Introduction, what: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{introduction.pk}:{what}')}"


def _introduction_identifier() -> str:
    return f"{settings.LW_SITE_URL}/id/introduction"


def _source(introduction: Introduction) -> list[dict[str, Any]]:
    if introduction.for_whom == Introduction.ForWhom.SELF:
        coding = REFERRED_BY_SELF
    else:
        coding = REFERRED_BY.get(introduction.introducer_relationship)  # type: ignore[call-overload]
    return [{"url": SOURCE_OF_REQUEST, "valueCodeableConcept": {"coding": [coding]}}] if coding else []


def _patient(introduction: Introduction) -> dict[str, Any]:
    nhs_number = introduction.person.nhs_number if introduction.person is not None else ""
    telecom = [{"system": "phone", "value": introduction.phone}] if introduction.phone else []
    telecom += [{"system": "email", "value": introduction.email}] if introduction.email else []
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "meta": {"profile": [f"{UK_CORE}UKCore-Patient"]},
        "identifier": [{"system": NHS_NUMBER, "value": nhs_number}] if nhs_number else [],
        "name": [{"use": "usual", "text": introduction.preferred_name}],
        "telecom": telecom,
        "birthDate": introduction.date_of_birth.isoformat() if introduction.date_of_birth else None,
        "address": [{"text": introduction.address}] if introduction.address.strip() else [],
        "communication": [{"language": {"text": introduction.language}, "preferred": True}]
        if introduction.language.strip()
        else [],
        "generalPractitioner": [{"display": introduction.gp_practice}] if introduction.gp_practice.strip() else [],
        "extension": [{"url": INTERPRETER_REQUIRED, "valueBoolean": True}] if introduction.needs_interpreter else [],
    }
    return _without_empty(patient)


def _service_request(introduction: Introduction, patient: str, requester: str) -> dict[str, Any]:
    notes = [
        ("Why the Hub referred them", introduction.route_reason),
        ("In their own words", introduction.in_their_words),
        ("What matters to them", introduction.what_matters),
        ("Access needs", introduction.access_needs),
        ("Good times to contact them", introduction.safe_times),
    ]
    request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "meta": {"profile": [f"{UK_CORE}UKCore-ServiceRequest"]},
        "extension": _source(introduction),
        "identifier": [{"system": _introduction_identifier(), "value": introduction.reference}],
        "status": "active",
        "intent": "order",
        "category": [{"coding": [PATIENT_REFERRAL]}],
        "priority": "urgent" if introduction.is_urgent else "routine",
        "code": {"coding": [REFERRAL], "text": "Referral to the mental health trust (secondary care)"},
        "subject": {"reference": patient},
        "authoredOn": (introduction.routed_at or introduction.created_at).isoformat(),
        "requester": {"reference": requester},
        "note": [{"text": f"{label}: {words.strip()}"} for label, words in notes if words.strip()],
    }
    return _without_empty(request)


def _organisation() -> dict[str, Any]:
    return {
        "resourceType": "Organization",
        "meta": {"profile": [f"{UK_CORE}UKCore-Organization"]},
        "identifier": [{"system": f"{settings.LW_SITE_URL}/id/organisation", "value": "living-well"}],
        "name": settings.LW_SERVICE_NAME,
        "telecom": [
            {"system": "phone", "value": settings.LW_CONTACT_PHONE},
            {"system": "email", "value": settings.LW_CONTACT_EMAIL},
        ],
    }


def _without_empty(resource: dict[str, Any]) -> dict[str, Any]:
    """FHIR has no empty values: an element with nothing to say is left out."""
    return {key: value for key, value in resource.items() if value not in (None, "", [], {})}


def referral_bundle(introduction: Introduction) -> dict[str, Any]:
    """The transaction Bundle for ``introduction``, checked: ``ReferralInvalid`` if it does not validate."""
    patient, requester = _full_url(introduction, "patient"), _full_url(introduction, "organisation")
    nhs_number = introduction.person.nhs_number if introduction.person is not None else ""
    entries = [
        (patient, _patient(introduction), f"identifier={NHS_NUMBER}|{nhs_number}" if nhs_number else ""),
        (requester, _organisation(), f"identifier={settings.LW_SITE_URL}/id/organisation|living-well"),
        (
            _full_url(introduction, "service-request"),
            _service_request(introduction, patient, requester),
            f"identifier={_introduction_identifier()}|{introduction.reference}",
        ),
    ]
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {
                "fullUrl": full_url,
                "resource": resource,
                "request": _without_empty(
                    {"method": "POST", "url": resource["resourceType"], "ifNoneExist": if_none_exist}
                ),
            }
            for full_url, resource, if_none_exist in entries
        ],
    }
    referral_check(bundle)
    return bundle


class ReferralInvalid(ValueError):
    """The Bundle does not validate as FHIR: it is never sent."""


def referral_check(bundle: dict[str, Any]) -> Bundle:
    """``bundle`` read and checked as a FHIR Bundle and every resource in it."""
    try:
        return Bundle.model_validate(bundle)
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        raise ReferralInvalid(str(error)) from error


def referral_json(introduction: Introduction) -> bytes:
    return json.dumps(referral_bundle(introduction), ensure_ascii=False, indent=2).encode()
