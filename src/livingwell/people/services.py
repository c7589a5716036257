"""Changes to person records. Each change is atomic and audited with the names of the fields changed."""

from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.people.models import Person


@transaction.atomic
def person_details_update(*, actor: User, person: Person, changes: dict[str, object]) -> Person:
    """Apply ``changes`` to the person's details and consents, and audit which fields changed."""
    locked = Person.objects.select_for_update().get(pk=person.pk)
    changed = sorted(name for name, value in changes.items() if getattr(locked, name) != value)
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, changes[name])
    if "consents_to_contact" in changed:
        locked.consents_to_contact_at = timezone.now()
        changed.append("consents_to_contact_at")
    locked.save(update_fields=[*changed, "updated_at"])
    audit_event_record(
        actor=actor,
        action=AuditEvent.Action.CHANGE,
        record=locked,
        person_id=locked.pk,
        detail=", ".join(changed),
    )
    return locked
