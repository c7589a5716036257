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
    return _patient_resource(introduction, nhs_number=nhs_number, gp_practice=introduction.gp_practice)


def _patient_resource(about: Any, *, nhs_number: str, gp_practice: str = "") -> dict[str, Any]:
    """A UK Core Patient from an introduction or a person record (they name their details alike): the NHS
    number when known, and their language and need of an interpreter."""
    phone, email, address, language = about.phone, about.email, about.address, about.language
    birth_date, name, needs_interpreter = about.date_of_birth, about.preferred_name, about.needs_interpreter
    telecom = [{"system": "phone", "value": phone}] if phone else []
    telecom += [{"system": "email", "value": email}] if email else []
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "meta": {"profile": [f"{UK_CORE}UKCore-Patient"]},
        "identifier": [{"system": NHS_NUMBER, "value": nhs_number}] if nhs_number else [],
        "name": [{"use": "usual", "text": name}],
        "telecom": telecom,
        "birthDate": birth_date.isoformat() if birth_date else None,
        "address": [{"text": address}] if address.strip() else [],
        "communication": [{"language": {"text": language}, "preferred": True}] if language.strip() else [],
        "generalPractitioner": [{"display": gp_practice}] if gp_practice.strip() else [],
        "extension": [{"url": INTERPRETER_REQUIRED, "valueBoolean": True}] if needs_interpreter else [],
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
    """The transaction Bundle for ``introduction``, checked: ``BundleInvalid`` if it does not validate."""
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
    bundle_check(bundle)
    return bundle


class BundleInvalid(ValueError):
    """The Bundle does not validate as FHIR: it is never sent or downloaded."""


def bundle_check(bundle: dict[str, Any]) -> Bundle:
    """``bundle`` read and checked as a FHIR Bundle and every resource in it."""
    try:
        return Bundle.model_validate(bundle)
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        raise BundleInvalid(str(error)) from error


def referral_json(introduction: Introduction) -> bytes:
    return json.dumps(referral_bundle(introduction), ensure_ascii=False, indent=2).encode()


# Outcome measures (decision 0064). Each published code is from NHS England's Mental Health Services Data Set
# reference data for assessment scales (NHSDigital/mental-health-monthly-statistics on GitHub,
# Mental_Health_Monthly_Statistics/menh_bbrb/notebooks/01_Generic_Prepare/04_mhsds_ref_tables.py, the
# "v2" rows), each checked with SNOMED CT's Verhoeff check digit. SWEMWBS's concept is its score on 7 to 35:
# the sum of its items. DIALOG's are one for each item, by what it asks about: SNOMED numbers them in another
# order from ours (friendships 6th, partner or family 7th), so the domain, not the number, picks the code.
# ONS4 and DIALOG's means have no published code: their Observations say what they are in words alone.
SWEMWBS_SCORE = {
    "system": SNOMED,
    "code": "718466001",
    "display": "Short Warwick-Edinburgh Mental Well-being Scale score",
}
DIALOG_ITEMS = {
    "mental health": "1037651000000100",
    "physical health": "1037661000000102",
    "job situation": "1037671000000109",
    "accommodation": "1037681000000106",
    "leisure activities": "1037691000000108",
    "friendships": "1037701000000108",
    "relationship with your partner or family": "1037711000000105",
    "personal safety": "1037721000000104",
    "medication": "1037731000000102",
    "practical help you receive": "1037741000000106",
    "meetings with mental health professionals": "1037751000000109",
}
SURVEY = {
    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
    "code": "survey",
    "display": "Survey",
}


def _measurement_url(measurement: Any, what: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{measurement.pk}:{what}')}"


def _questionnaire_response(measurement: Any, items: list[Any], patient: str) -> dict[str, Any]:
    answered = []
    for item in items:
        number = str(item.number)
        if number not in measurement.answers:
            continue
        answered.append(
            {"linkId": number, "text": item.text, "answer": [{"valueInteger": measurement.answers[number]}]}
        )
        if number in measurement.more_help:
            answered.append(
                {
                    "linkId": f"{number}.more-help",
                    "text": "Would you like more help with this?",
                    "answer": [{"valueBoolean": bool(measurement.more_help[number])}],
                }
            )
    return {
        "resourceType": "QuestionnaireResponse",
        "identifier": {"system": f"{settings.LW_SITE_URL}/id/measurement", "value": str(measurement.pk)},
        "questionnaire": f"{settings.LW_SITE_URL}/fhir/Questionnaire/{measurement.instrument.code}",
        "status": "completed",
        "subject": {"reference": patient},
        "authored": measurement.taken_at.isoformat(),
        "item": answered,
    }


def _observation(measurement: Any, patient: str, code: dict[str, Any], value: float) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "meta": {"profile": [f"{UK_CORE}UKCore-Observation"]},
        "status": "final",
        "category": [{"coding": [SURVEY]}],
        "code": code,
        "subject": {"reference": patient},
        "effectiveDateTime": measurement.taken_at.isoformat(),
        "valueQuantity": {"value": value, "system": "http://unitsofmeasure.org", "code": "{score}"},
        "derivedFrom": [{"reference": _measurement_url(measurement, "questionnaire-response")}],
    }


def _observations(measurement: Any, items: list[Any], patient: str) -> list[dict[str, Any]]:
    instrument = measurement.instrument
    observations = []
    for key, value in measurement.scores.items():
        label = instrument.scores.get(key, {}).get("label", key)
        code: dict[str, Any] = {"text": f"{instrument.name}: {label}"}
        if instrument.code == "swemwbs" and key == "raw":
            code["coding"] = [SWEMWBS_SCORE]
        observations.append(_observation(measurement, patient, code, value))
    if instrument.code == "dialog":
        for item in items:
            topic = item.text.removeprefix("How satisfied are you with your ").removesuffix("?")
            answer = measurement.answers.get(str(item.number))
            if topic in DIALOG_ITEMS and answer is not None:
                coding = {"system": SNOMED, "code": DIALOG_ITEMS[topic]}
                code = {"coding": [coding], "text": f"DIALOG: how satisfied with {topic}"}
                observations.append(_observation(measurement, patient, code, answer))
    return observations


def measures_bundle(person: Any, measurements: list[Any]) -> dict[str, Any]:
    """A person's outcome measures as a FHIR collection Bundle: their Patient, and for each completion a
    QuestionnaireResponse and an Observation for each score, coded where a published code exists. Checked."""
    patient_url = f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{person.pk}:patient')}"
    patient = _patient_resource(person, nhs_number=person.nhs_number)
    entries = [{"fullUrl": patient_url, "resource": patient}]
    for measurement in measurements:
        items = list(measurement.instrument.items.all())
        response = _questionnaire_response(measurement, items, patient_url)
        entries.append({"fullUrl": _measurement_url(measurement, "questionnaire-response"), "resource": response})
        for number, observation in enumerate(_observations(measurement, items, patient_url)):
            entries.append({"fullUrl": _measurement_url(measurement, f"observation-{number}"), "resource": observation})
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    bundle_check(bundle)
    return bundle
