"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``: a
person's rights are the Hub manager's (and the administrator's) work alone."""

from livingwell.accounts.models import Role, User
from livingwell.core.tests.matrix import HUB_RECORDS, Kwargs, Who
from livingwell.people.tests.factories import PersonFactory
from livingwell.rights.models import SubjectAccess


def _person_kwargs() -> dict[str, object]:
    return {"person_id": PersonFactory().pk}


def _export_kwargs() -> dict[str, object]:
    asker = User.objects.filter(role=Role.HUB_MANAGER).first() or User.objects.create_user(
        username="rights-asker", role=Role.HUB_MANAGER
    )
    return {"export_id": SubjectAccess.objects.create(person=PersonFactory(), asked_by=asker).pk}


MATRIX: dict[str, Who] = {
    "rights:person_rights": HUB_RECORDS,
    "rights:subject_access_ask": HUB_RECORDS,
    "rights:person_erase": HUB_RECORDS,
    "rights:subject_access_download": HUB_RECORDS,
}
KWARGS: dict[str, Kwargs] = {
    "rights:person_rights": _person_kwargs,
    "rights:subject_access_ask": _person_kwargs,
    "rights:person_erase": _person_kwargs,
    "rights:subject_access_download": _export_kwargs,
}
POST_ONLY = {"rights:subject_access_ask", "rights:person_erase", "rights:subject_access_download"}
