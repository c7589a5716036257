"""Outcome measures: recording one, and what the person said they would like more help with."""

import uuid

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.submissions import created_once
from livingwell.people.models import Person
from livingwell.support.measures import score
from livingwell.support.models import (
    Episode,
    Instrument,
    Measurement,
)


def measurement_record(
    *,
    actor: User,
    by_person: bool,
    person: Person,
    instrument: Instrument,
    episode: Episode | None,
    occasion: str,
    answers: dict[str, int],
    more_help: dict[str, bool],
    more_help_words: str = "",
    token: uuid.UUID,
) -> Measurement:
    """Score and keep one completed measure. The same form sent twice (its token) makes one measurement.

    ``by_person``: the person filled it in themselves, online (the audit still names their account).

    Raises ``measures.Incomplete`` for a missing or out-of-range answer: nothing is saved.
    """
    scores = score(instrument, list(instrument.items.all()), answers)

    def create() -> Measurement:
        measurement = Measurement.objects.create(
            person=person,
            episode=episode,
            instrument=instrument,
            occasion=occasion,
            taken_at=timezone.now(),
            answers=answers,
            more_help=more_help,
            more_help_words=more_help_words,
            scores=scores,
            recorded_by=None if by_person else actor,
            submission_token=token,
        )
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            record=measurement,
            person_id=person.pk,
            detail=f"{instrument.code} {occasion}",
        )
        return measurement

    return created_once(Measurement, create, submission_token=token)
