"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.accounts.models import Role
from livingwell.core.tests.matrix import (
    DUTY_QUEUE,
    HUB_RECORDS,
    PUBLIC,
    Kwargs,
    Who,
)
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory


def _persons_introduction() -> Introduction:
    """An introduction linked to the test person's own record, when there is a test person."""
    person = Person.objects.filter(user__username=f"test-{Role.PERSON.value}").first()
    return IntroductionFactory(person=person or PersonFactory())


MATRIX: dict[str, Who] = {
    # The front door needs no account: anyone may introduce themselves.
    "frontdoor:start": PUBLIC,
    "frontdoor:step": PUBLIC,
    "frontdoor:check": PUBLIC,
    "frontdoor:done": PUBLIC,
    "frontdoor:expired": PUBLIC,
    "frontdoor:queue": DUTY_QUEUE,
    "frontdoor:waiting": HUB_RECORDS,
    "frontdoor:introduction": DUTY_QUEUE,
    "frontdoor:claim": DUTY_QUEUE,
    "frontdoor:contact_attempt": DUTY_QUEUE,
    "frontdoor:conversation": DUTY_QUEUE,
    "frontdoor:link": DUTY_QUEUE,
    "frontdoor:unlink": DUTY_QUEUE,
    # A person sees what was recorded through a one-time link sent to them, or through their account.
    "frontdoor:record_request": PUBLIC,
    "frontdoor:record_sent": PUBLIC,
    "frontdoor:record_open": PUBLIC,
    "frontdoor:record": PUBLIC,
    "frontdoor:my_introduction": frozenset({Role.PERSON}),
}

KWARGS: dict[str, Kwargs] = {
    "frontdoor:step": lambda: {"slug": "who"},
    "frontdoor:introduction": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:claim": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:contact_attempt": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:conversation": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:link": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:unlink": lambda: {"introduction_id": IntroductionFactory().pk},
    "frontdoor:my_introduction": lambda: {"introduction_id": _persons_introduction().pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = {"frontdoor:claim", "frontdoor:link", "frontdoor:unlink"}
