"""Writing introductions."""

import datetime
import functools
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.email import email_enqueue
from livingwell.core.models import Neighbourhood
from livingwell.core.sms import text_enqueue
from livingwell.directory.models import Service
from livingwell.frontdoor.models import ContactAttempt, FirstConversation, Introduction, IntroductionEquality
from livingwell.frontdoor.safety import FREE_TEXT_FIELDS, risk_phrases_in
from livingwell.people.models import ContactMethod

# No 0/O, 1/I/L: a reference is read out over the phone.
REFERENCE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INTRODUCTION_FIELDS = {field.name for field in Introduction._meta.concrete_fields} - {
    "id",
    "reference",
    "submission_token",
    "is_urgent",
    "urgent_phrases",
    "status",
    "created_at",
}


@dataclass
class Submitted:
    introduction: Introduction
    created: bool


def _new_reference() -> str:
    return "LW-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(6))


def introduction_submit(*, token: str, answers: dict[str, Any], equality: dict[str, Any]) -> Submitted:
    """Save an introduction once per form token, and queue its messages for after the save commits.

    Submitting the same token again (a double click, a replay) returns the first introduction.
    """
    submission_token = uuid.UUID(token)
    existing = Introduction.objects.filter(submission_token=submission_token).first()
    if existing is not None:
        return Submitted(existing, created=False)
    values = {name: value for name, value in answers.items() if name in INTRODUCTION_FIELDS}
    neighbourhood = str(values.pop("neighbourhood", "") or "")
    known = neighbourhood.isdigit() and Neighbourhood.objects.filter(pk=int(neighbourhood)).exists()
    values["neighbourhood_id"] = int(neighbourhood) if known else None
    phrases = risk_phrases_in(str(answers.get(name, "")) for name in FREE_TEXT_FIELDS)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                introduction = Introduction.objects.create(
                    reference=_new_reference(),
                    submission_token=submission_token,
                    is_urgent=bool(phrases),
                    urgent_phrases=phrases,
                    **values,
                )
                if equality:
                    IntroductionEquality.objects.create(introduction=introduction, **equality)
                transaction.on_commit(functools.partial(_messages_enqueue, introduction))
            return Submitted(introduction, created=True)
        except IntegrityError:
            existing = Introduction.objects.filter(submission_token=submission_token).first()
            if existing is not None:  # the same form, submitted twice at once
                return Submitted(existing, created=False)
            # Otherwise the reference was taken: try another.
    raise IntegrityError("no free reference")


def _messages_enqueue(introduction: Introduction) -> None:
    if introduction.email:
        email_enqueue(
            to=introduction.email,
            subject=_("We have your introduction: %(reference)s") % {"reference": introduction.reference},
            template_name="frontdoor/email/confirmation.txt",
            context={
                "introduction": introduction,
                "service_name": settings.LW_SERVICE_NAME,
                "read_when": settings.LW_INTRODUCTIONS_READ,
                "first_call_days": settings.LW_FIRST_CALL_WORKING_DAYS,
                "conversation_days": settings.LW_FIRST_CONVERSATION_DAYS,
                "contact_phone": settings.LW_CONTACT_PHONE,
            },
        )
    if introduction.phone and ContactMethod.TEXT in introduction.contact_methods:
        text_enqueue(
            to=introduction.phone,
            template_name="frontdoor/text/confirmation.txt",
            context={
                "introduction": introduction,
                "service_name": settings.LW_SERVICE_NAME,
                "first_call_days": settings.LW_FIRST_CALL_WORKING_DAYS,
            },
        )
    if introduction.is_urgent:
        # The duty inbox hears of it at once; the email names the reference only, never what was said.
        email_enqueue(
            to=settings.LW_DUTY_EMAIL,
            subject=_("Urgent introduction %(reference)s") % {"reference": introduction.reference},
            template_name="frontdoor/email/duty_urgent.txt",
            context={"reference": introduction.reference, "service_name": settings.LW_SERVICE_NAME},
        )


def _audit_change(actor: User, introduction: Introduction, detail: str) -> None:
    audit_event_record(
        actor=actor,
        action=AuditEvent.Action.CHANGE,
        record=introduction,
        person_id=introduction.person_id,
        detail=detail,
    )


def introduction_claim(*, actor: User, introduction: Introduction) -> bool:
    """The duty worker takes the introduction, unless someone already has. True when ``actor`` has it."""
    with transaction.atomic():
        claimed = Introduction.objects.filter(pk=introduction.pk, claimed_by__isnull=True).update(
            claimed_by=actor, claimed_at=timezone.now()
        )
        if claimed:
            _audit_change(actor, introduction, "claimed")
    introduction.refresh_from_db(fields=["claimed_by", "claimed_at"])
    return introduction.claimed_by_id == actor.pk


def contact_attempt_record(
    *, actor: User, introduction: Introduction, outcome: str, attempted_at: datetime.datetime, note: str = ""
) -> ContactAttempt:
    """Record one try at reaching the person; the first one stops the clock for the first call."""
    with transaction.atomic():
        attempt = ContactAttempt.objects.create(
            introduction=introduction, outcome=outcome, attempted_at=attempted_at, recorded_by=actor, note=note
        )
        _audit_change(actor, introduction, f"contact attempt: {outcome}")
    return attempt


def first_conversation_record(
    *,
    actor: User,
    introduction: Introduction,
    held_at: datetime.datetime,
    what_matters: str,
    strengths: str,
    next_step: str,
) -> FirstConversation:
    """Record (or correct) the first conversation."""
    with transaction.atomic():
        conversation, _created = FirstConversation.objects.update_or_create(
            introduction=introduction,
            defaults={
                "held_at": held_at,
                "held_by": actor,
                "what_matters": what_matters,
                "strengths": strengths,
                "next_step": next_step,
            },
        )
        _audit_change(actor, introduction, "first conversation")
    return conversation


def introduction_route(
    *, actor: User, introduction: Introduction, route: str, services: list[Service], reason: str
) -> None:
    """Send the introduction where the Hub and the person agreed. It leaves the duty queue."""
    with transaction.atomic():
        locked = Introduction.objects.select_for_update().get(pk=introduction.pk)
        locked.route = route
        locked.route_reason = reason
        locked.routed_at = timezone.now()
        locked.routed_by = actor
        locked.status = Introduction.Status.ROUTED
        locked.save(update_fields=["route", "route_reason", "routed_at", "routed_by", "status"])
        locked.services.set(services)
        _audit_change(actor, locked, f"routed: {route}")
        if route == Introduction.Route.INFORMATION and locked.email:
            transaction.on_commit(functools.partial(_information_send, locked, list(services)))
    introduction.refresh_from_db()


def _information_send(introduction: Introduction, services: list[Service]) -> None:
    email_enqueue(
        to=introduction.email,
        subject=_("Services that may help, from %(service)s") % {"service": settings.LW_SERVICE_NAME},
        template_name="frontdoor/email/information.txt",
        context={"introduction": introduction, "services": services, "service_name": settings.LW_SERVICE_NAME},
    )
