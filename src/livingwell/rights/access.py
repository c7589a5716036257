"""The only way to a person's rights: their exports and their erasure. The Hub manager (and the administrator)
alone; each read is audited, by ``people.access`` for the record and by the services for each export."""

from uuid import UUID

from django.core.exceptions import PermissionDenied

from livingwell.accounts.models import HUB_MANAGER_ROLES, User
from livingwell.people.access import access_person_for
from livingwell.people.models import Person
from livingwell.rights.erasure import Reason, person_erase
from livingwell.rights.models import SubjectAccess
from livingwell.rights.subject_access import subject_access_ask, subject_access_download


def _hub_manager(user: User) -> None:
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role not in HUB_MANAGER_ROLES:
        raise PermissionDenied


def access_rights_person_for(user: User, person_id: UUID) -> tuple[Person, list[SubjectAccess]]:
    """The person's record, and their subject access exports, newest first."""
    _hub_manager(user)
    person = access_person_for(user, person_id)
    exports = list(SubjectAccess.objects.filter(person=person).select_related("asked_by", "downloaded_by")[:20])
    return person, exports


def access_subject_access_ask_for(user: User, person_id: UUID) -> SubjectAccess:
    _hub_manager(user)
    return subject_access_ask(actor=user, person=access_person_for(user, person_id))


def access_subject_access_download_for(user: User, export_id: UUID) -> bytes:
    _hub_manager(user)
    return subject_access_download(actor=user, export_id=export_id)


def access_person_erase_for(user: User, person_id: UUID) -> dict[str, int]:
    _hub_manager(user)
    person = access_person_for(user, person_id)
    return person_erase(actor=user, person_id=person.pk, reason=Reason.ASKED)
