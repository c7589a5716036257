"""The only way to reach a person record. Each function checks permission and audits the read.

One condition per line, so that coverage proves each branch; tests cover every role.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.core.access import one_or_404
from livingwell.people.models import Person

PEOPLE_PER_PAGE = 25


def _sees_every_person(user: User) -> bool:
    """Roles whose work covers every person record (DESIGN.md §3)."""
    if not user.is_authenticated:
        return False
    if user.role == Role.HUB_MANAGER:
        return True
    if user.role == Role.ADMINISTRATOR:
        return True
    return False


def person_visible_to(user: User, person: Person) -> bool:
    if not user.is_authenticated:
        return False
    if person.user_id is not None and person.user_id == user.pk:
        return True
    return _sees_every_person(user)


def access_person_for(user: User, person_id: UUID | str) -> Person:
    """Return the person record for ``user`` to read, and audit the read.

    Raises Http404 when there is no such person and PermissionDenied when the user may not see it.
    """
    person = one_or_404(Person.objects, person_id)
    if not person_visible_to(user, person):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=person, person_id=person.pk)
    return person


def has_own_record(user: User) -> bool:
    """Whether the signed-in account is someone we support, with a record of their own: a Collaborative or
    time bank member has an account of the same kind and may have none. Reads nothing of the record."""
    return Person.objects.filter(user_id=user.pk).exists()


def access_own_person_for(user: User) -> Person:
    """Return the signed-in person's own record, and audit the read."""
    person = Person.objects.filter(user_id=user.pk).first()
    if person is None:
        raise Http404
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=person, person_id=person.pk)
    return person


def _people_for(user: User) -> QuerySet[Person]:
    if not _sees_every_person(user):
        raise PermissionDenied
    return Person.objects.order_by("preferred_name", "id")


def access_people_page_for(user: User, page_number: str | int | None) -> Page[Person]:
    """Return one page of the people ``user`` may see, auditing a read for each person shown."""
    page = Paginator(_people_for(user), PEOPLE_PER_PAGE).get_page(page_number)
    audit_reads_record(actor=user, records=page.object_list)
    return page


def account_language(user: User) -> str:
    """The language the owner of this account chose for what we send them, or "" when it is not the account
    of someone we support. The system's own read as it writes to them (like every message's builder): no
    one is shown the record, so nothing is audited."""
    return Person.objects.filter(user_id=user.pk).values_list("written_in", flat=True).first() or ""
