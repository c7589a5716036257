"""Erasure: clearing what identifies a person, and what they said or was written about them, from every app
(``core.personal_data``), keeping what must be kept: amounts of money, numbers counted in the figures, dates,
and that a risk was handled. The record stays as "[erased]"; the audit trail keeps the fact of the erasure,
with how many rows of each kind were cleared, never what they said (decision 0052)."""

from itertools import chain
from uuid import UUID

from django.db import transaction
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.personal_data import counts_merge, counts_words, personal_data_modules
from livingwell.core.refusals import Refused
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.rights.models import SubjectAccess
from livingwell.rights.subject_access import exports_delete
from livingwell.support.personal_data import has_open_episode


class Reason:
    ASKED = "asked"
    RETENTION = "retention"


def person_erase(*, actor: User | None, person_id: UUID, reason: str) -> dict[str, int]:
    """Erase a person's record everywhere, in one transaction; how many rows of each kind were cleared.

    Refused while they are still being supported (an open episode, or an introduction waiting for the Hub),
    and when it was done already (a double submit)."""
    with transaction.atomic():
        person = Person.objects.select_for_update().filter(pk=person_id).first()
        if person is None:
            raise Refused(_("There is no such record."))
        if person.erased_at is not None:
            raise Refused(_("This record has already been erased."))
        if has_open_episode(person):
            raise Refused(_("Their support is still open. Close their episode before erasing their record."))
        if Introduction.objects.filter(person=person, status=Introduction.Status.NEW).exists():
            raise Refused(_("An introduction of theirs is waiting for the Hub. Route it before erasing their record."))
        counts = counts_merge(chain.from_iterable(module.erase(person) for module in personal_data_modules()))
        waiting = list(SubjectAccess.objects.filter(person=person, status=SubjectAccess.Status.READY))
        if exported := exports_delete(waiting, SubjectAccess.Status.EXPIRED):
            counts["rights.subjectaccess"] = exported
        detail = f"erased ({reason}): {counts_words(counts)}"
        audit_event_record(
            actor=actor, action=AuditEvent.Action.DELETE, record=person, person_id=person.pk, detail=detail
        )
    return counts
