"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.accounts.models import Role
from livingwell.core.tests.matrix import (
    HUB_RECORDS,
    Kwargs,
    Who,
)
from livingwell.people.tests.factories import PersonFactory

MATRIX: dict[str, Who] = {
    "people:my_details": frozenset({Role.PERSON}),
    "people:my_contact_preferences": frozenset({Role.PERSON}),
    "people:person_list": HUB_RECORDS,
    "people:person_detail": HUB_RECORDS,
    "people:person_nhs_number": HUB_RECORDS,
}

KWARGS: dict[str, Kwargs] = {
    "people:person_detail": lambda: {"person_id": PersonFactory().pk},
    "people:person_nhs_number": lambda: {"person_id": PersonFactory().pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = set()
