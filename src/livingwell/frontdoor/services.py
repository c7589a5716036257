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
from livingwell.core.languages import in_language, in_site_language
from livingwell.core.models import Neighbourhood
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.frontdoor.matching import PossibleMatch
from livingwell.frontdoor.models import (
    FREE_TEXT_FIELDS,
    ContactAttempt,
    FirstConversation,
    Introduction,
    IntroductionEquality,
)
from livingwell.frontdoor.promises import promises
from livingwell.people.models import ContactMethod, Person
from livingwell.people.services import person_details_update
from livingwell.safety.net import risk_in

# No 0/O, 1/I/L: a reference is read out over the phone.
REFERENCE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
INTRODUCTION_FIELDS = {field.name for field in Introduction._meta.concrete_fields} - {
    "id",
    "reference",
    "submission_token",
    "is_urgent",
    "urgent_phrases",
    "risk_categories",
    "source_key",
    "status",
    "created_at",
    "phone_key",
    "email_key",
}


@dataclass
class Submitted:
    introduction: Introduction
    created: bool


def _new_reference() -> str:
    return "LW-" + "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(6))


def introduction_submit(
    *, token: str, answers: dict[str, Any], equality: dict[str, Any], source: str = "", written_in: str = ""
) -> Submitted:
    """Save an introduction once per form token, and queue its messages for after the save commits.

    Submitting the same token again (a double click, a replay) returns the first introduction. ``source``
    is a pseudonym for where it came from (``core.client_ip.source_key``), to group a flood; ``written_in``
    the language the front door was used in, which every message we send them is written in.
    """
    submission_token = uuid.UUID(token)
    values = {name: value for name, value in answers.items() if name in INTRODUCTION_FIELDS}
    neighbourhood = str(values.pop("neighbourhood", "") or "")
    known = neighbourhood.isdigit() and Neighbourhood.objects.filter(pk=int(neighbourhood)).exists()
    values["neighbourhood_id"] = int(neighbourhood) if known else None
    born = values.get("date_of_birth")
    values["date_of_birth"] = datetime.date.fromisoformat(born) if isinstance(born, str) and born else None
    risk = risk_in(str(answers.get(name, "")) for name in FREE_TEXT_FIELDS)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                introduction = Introduction.objects.create(
                    reference=_new_reference(),
                    submission_token=submission_token,
                    is_urgent=bool(risk),
                    urgent_phrases=risk.phrases,
                    risk_categories=risk.categories,
                    source_key=source,
                    written_in=written_in,
                    **values,
                )
                if equality:
                    IntroductionEquality.objects.create(introduction=introduction, **equality)
                transaction.on_commit(functools.partial(_messages_enqueue, introduction))
            return Submitted(introduction, created=True)
        except IntegrityError:  # the token is unique: no query first, as sending twice is rare
            existing = Introduction.objects.filter(submission_token=submission_token).first()
            if existing is not None:  # the same form, submitted twice (at once, or after)
                return Submitted(existing, created=False)
            # Otherwise the reference was taken: try another.
    raise IntegrityError("no free reference")


def _messages_enqueue(introduction: Introduction) -> None:
    if introduction.email:
        message_enqueue(confirmation_message, introduction_id=introduction.pk)
    if introduction.phone and ContactMethod.TEXT in introduction.contact_methods:
        message_enqueue(confirmation_text, introduction_id=introduction.pk)
    if introduction.is_urgent and not _urgent_already_told(introduction):
        with in_site_language():  # the duty queue's words, whatever language they wrote in
            label = _("Duty email: urgent introduction %(reference)s") % {"reference": introduction.reference}
        message_enqueue(
            duty_urgent_message,
            introduction_id=introduction.pk,
            key=f"duty-urgent:{introduction.pk}",
            urgent=True,
            label=label,
        )


@message_builder
def confirmation_message(introduction_id: str) -> Message | None:
    introduction = Introduction.objects.filter(pk=introduction_id).first()
    if introduction is None:
        return None
    with in_language(introduction.written_in):
        return Message(
            to=introduction.email,
            subject=_("We have your introduction: %(reference)s") % {"reference": introduction.reference},
            template_name="frontdoor/email/confirmation.txt",
            context={"introduction": introduction, "service_name": settings.LW_SERVICE_NAME, **promises()},
        )


@message_builder
def confirmation_text(introduction_id: str) -> Message | None:
    introduction = Introduction.objects.filter(pk=introduction_id).first()
    if introduction is None:
        return None
    with in_language(introduction.written_in):
        return Message(
            to=introduction.phone,
            channel="text",
            template_name="frontdoor/text/confirmation.txt",
            context={
                "introduction": introduction,
                "service_name": settings.LW_SERVICE_NAME,
                "first_call_days": settings.LW_FIRST_CALL_WORKING_DAYS,
            },
        )


@message_builder
def duty_urgent_message(introduction_id: str) -> Message | None:
    """The duty inbox hears of it at once; the email names the reference only, never what was said."""
    introduction = Introduction.objects.filter(pk=introduction_id).first()
    if introduction is None:
        return None
    # For the duty team, in the site's own language, which the worker builds every message in unless its
    # builder writes in another (core.outbox.message_build).
    return Message(
        to=settings.LW_DUTY_EMAIL,
        subject=_("Urgent introduction %(reference)s") % {"reference": introduction.reference},
        template_name="frontdoor/email/duty_urgent.txt",
        context={"reference": introduction.reference, "service_name": settings.LW_SERVICE_NAME},
    )


def _urgent_already_told(introduction: Introduction) -> bool:
    """Whether the duty inbox already heard this hour of an urgent introduction from the same source: then
    this one is grouped with it in the duty queue, not emailed again (a flood must not bury the inbox)."""
    if not introduction.source_key:
        return False
    since = introduction.created_at - datetime.timedelta(hours=1)
    earlier = Introduction.objects.filter(
        source_key=introduction.source_key,
        is_urgent=True,
        created_at__gte=since,
        created_at__lt=introduction.created_at,
    )
    return earlier.exists()


def introduction_change_audit(actor: User, introduction: Introduction, detail: str) -> None:
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
            introduction_change_audit(actor, introduction, "claimed")
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
        introduction_change_audit(actor, introduction, f"contact attempt: {outcome}")
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
        introduction_change_audit(actor, introduction, "first conversation")
    return conversation


def _contact_notes(introduction: Introduction) -> str:
    notes = [introduction.safe_times]
    if introduction.may_leave_message is False:
        with in_site_language():  # kept on the record for everyone who contacts them
            notes.append(str(_("Do not leave a message.")))
    return " ".join(note for note in notes if note)[:500]


def _person_details(introduction: Introduction) -> dict[str, Any]:
    """What the person record keeps from an introduction: the contact details and needs, nothing more."""
    return {
        "preferred_name": introduction.preferred_name,
        "date_of_birth": introduction.date_of_birth,
        "email": introduction.email,
        "phone": introduction.phone,
        "address": introduction.address,
        "contact_methods": list(introduction.contact_methods),
        "contact_notes": _contact_notes(introduction),
        "language": introduction.language or "English",
        "written_in": introduction.written_in,
        "needs_interpreter": introduction.needs_interpreter,
        "access_needs": introduction.access_needs,
    }


def person_from_introduction(actor: User, introduction: Introduction) -> Person:
    """A new person record from an introduction they (or someone with their agreement) made."""
    person = Person.objects.create(
        **_person_details(introduction), consents_to_contact=True, consents_to_contact_at=introduction.created_at
    )
    audit_event_record(
        actor=actor, action=AuditEvent.Action.CREATE, record=person, person_id=person.pk, detail="from introduction"
    )
    return person


def _person_blanks_fill(actor: User, person: Person, introduction: Introduction) -> None:
    """A known person's empty details are filled from a new introduction; what they told us before stays."""
    gaps = {
        name: value
        for name, value in _person_details(introduction).items()
        if value not in ("", None, False) and getattr(person, name) in ("", None)
    }
    person_details_update(actor=actor, person=person, changes=gaps)


def introduction_link(*, actor: User, introduction: Introduction, match: PossibleMatch) -> Person:
    """Link an introduction to someone already known, so that their support carries on rather than restarts.

    Matched with an earlier introduction nobody was linked to, both are linked to one new person record.
    Linking twice (a double click) changes nothing.
    """
    with transaction.atomic():
        locked = Introduction.objects.select_for_update().get(pk=introduction.pk)
        if locked.person_id is not None:
            introduction.refresh_from_db()
            return locked.person  # type: ignore[return-value]
        if isinstance(match.record, Person):
            person = match.record
            _person_blanks_fill(actor, person, locked)
        else:
            earlier = Introduction.objects.select_for_update().get(pk=match.record.pk)
            person = earlier.person or person_from_introduction(actor, earlier)
            if earlier.person_id is None:
                earlier.person = person
                earlier.save(update_fields=["person"])
                introduction_change_audit(actor, earlier, "linked to a person")
        locked.person = person
        locked.save(update_fields=["person"])
        introduction_change_audit(actor, locked, "linked to a person already known")
    introduction.refresh_from_db()
    return person


def introduction_unlink(*, actor: User, introduction: Introduction) -> bool:
    """Undo a wrong link before the introduction is routed. False when it has gone on (or had no link)."""
    with transaction.atomic():
        unlinked = Introduction.objects.filter(
            pk=introduction.pk, status=Introduction.Status.NEW, person__isnull=False
        ).update(person=None)
        if unlinked:
            introduction_change_audit(actor, introduction, f"unlinked from person {introduction.person_id}")
    introduction.refresh_from_db()
    return bool(unlinked)
