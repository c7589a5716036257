"""A person sees what their introduction recorded: by a one-time link sent to them, or through their account."""

import datetime
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.conftest import worker_run
from livingwell.core.models import TextMessage
from livingwell.core.tests.pages import without_random_tokens
from livingwell.frontdoor.access import (
    access_introduction_granted_to,
    access_own_introduction_for,
    access_own_introductions_for,
)
from livingwell.frontdoor.models import ContactAttempt, Introduction, RecordLink
from livingwell.frontdoor.record_links import SESSION_KEY
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.tests.factories import PersonFactory

REQUEST = reverse("frontdoor:record_request")
SENT = reverse("frontdoor:record_sent")
OPEN = reverse("frontdoor:record_open")
RECORD = reverse("frontdoor:record")
LINK = re.compile(r"(/introduce/see-what-we-recorded/open/\?link=\S+)")


def _sams(**fields: object) -> Introduction:
    values = {
        "preferred_name": "Sam",
        "email": "sam@example.org",
        "phone": "07700 900982",
        "in_their_words": "I lost my job and I cannot sleep.",
        "good_at": "Fixing bikes",
    }
    return IntroductionFactory(**{**values, **fields})


def _link_in_the_email() -> str:
    (message,) = mail.outbox
    found = LINK.search(message.body)
    assert found is not None, message.body
    return found.group(1)


def _token(link: str) -> str:
    """The token as the browser sends it back from the page's form."""
    return parse_qs(urlsplit(link).query)["link"][0]


@pytest.mark.django_db(transaction=True)
def test_a_person_asks_for_a_link_and_sees_what_was_recorded(client: Client) -> None:
    introduction = _sams()
    ContactAttempt.objects.create(
        introduction=introduction,
        outcome="no_answer",
        attempted_at=timezone.now(),
        recorded_by=User.objects.create(username="dee", role=Role.DUTY_WORKER),
    )
    response = client.post(REQUEST, {"reference": introduction.reference.lower(), "contact": " SAM@example.org"})
    assert response["Location"] == SENT
    assert mail.outbox == []  # the worker sends it
    worker_run()
    link = _link_in_the_email()
    assert "I lost my job" not in mail.outbox[0].body  # the email carries no record, only the link
    assert "116 123" in mail.outbox[0].body

    opened = client.get(link)
    assert opened.status_code == 200
    assert "Show my record" in opened.content.decode()
    assert RecordLink.objects.get().used_at is None  # fetching the link (as a mail scanner does) spends nothing

    token = _token(link)
    assert client.post(OPEN, {"link": token})["Location"] == RECORD
    page = client.get(RECORD)
    html = page.content.decode()
    assert "I lost my job and I cannot sleep." in html
    assert "Fixing bikes" in html
    assert "No answer" in html
    assert "dee" not in without_random_tokens(html)  # which worker tried is not part of their record
    assert "no-store" in page["Cache-Control"]
    read = AuditEvent.objects.get(action=AuditEvent.Action.READ, record_id=str(introduction.pk))
    assert (read.actor_id, read.detail) == (None, "by the person, through a one-time link")

    # The link works once.
    assert client.post(OPEN, {"link": token}).status_code == 410
    assert Client().get(link).status_code == 410


@pytest.mark.django_db(transaction=True)
def test_a_link_goes_by_text_when_the_phone_number_is_given(client: Client) -> None:
    introduction = _sams(email="")
    client.post(REQUEST, {"reference": introduction.reference, "contact": "+44 7700 900982"})
    worker_run()
    (text,) = TextMessage.objects.all()
    assert text.to == "07700 900982"
    assert "/introduce/see-what-we-recorded/open/?link=" in text.body
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("reference", "contact"),
    [
        ("LW-T99999", "sam@example.org"),  # no such reference
        (None, "someone@example.org"),  # the reference, but not their contact details
        (None, "07700 900983"),
        ("", ""),
        ("<script>alert(1)</script>", "' OR 1=1 --"),
        ("LW-" + "9" * 5000, "x" * 5000),
        ("ＬＷ－ＡＢＣ", "🙂@example.org"),
    ],
)
def test_asking_reveals_nothing_and_sends_nothing_unless_both_match(
    client: Client, reference: str | None, contact: str
) -> None:
    introduction = _sams()
    response = client.post(REQUEST, {"reference": reference or introduction.reference, "contact": contact})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == SENT  # the same answer as a match gets
    else:
        assert "There is a problem" in response.content.decode()
    worker_run()
    assert mail.outbox == []
    assert not TextMessage.objects.exists()
    assert not RecordLink.objects.exists()


@pytest.mark.django_db
def test_no_more_than_three_links_a_day(client: Client) -> None:
    introduction = _sams()
    for _ in range(5):
        client.post(REQUEST, {"reference": introduction.reference, "contact": "sam@example.org"})
    assert RecordLink.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "nonsense", "x" * 10000, "<b>", "' OR 1=1 --"])
def test_a_forged_or_broken_link_opens_nothing(client: Client, token: str) -> None:
    _sams()
    assert client.get(OPEN, {"link": token}).status_code == 410
    assert client.post(OPEN, {"link": token}).status_code == 410
    assert client.get(RECORD)["Location"] == REQUEST


@pytest.mark.django_db(transaction=True)
def test_an_expired_link_opens_nothing(client: Client, settings: object) -> None:
    introduction = _sams()
    client.post(REQUEST, {"reference": introduction.reference, "contact": "sam@example.org"})
    worker_run()
    link = _link_in_the_email()
    settings.LW_RECORD_LINK_HOURS = 0  # type: ignore[attr-defined]
    assert client.get(link).status_code == 410


@pytest.mark.django_db(transaction=True)
def test_reading_ends_after_the_time_allowed(client: Client) -> None:
    introduction = _sams()
    client.post(REQUEST, {"reference": introduction.reference, "contact": "sam@example.org"})
    worker_run()
    client.post(OPEN, {"link": _token(_link_in_the_email())})
    assert client.get(RECORD).status_code == 200
    session = client.session
    session[SESSION_KEY] = {
        **session[SESSION_KEY],
        "until": (timezone.now() - datetime.timedelta(seconds=1)).isoformat(),
    }
    session.save()
    assert client.get(RECORD)["Location"] == REQUEST


@pytest.mark.django_db
def test_a_person_with_an_account_sees_their_own_introductions_only(
    signed_in_client: Callable[[Role], Client],
) -> None:
    client = signed_in_client(Role.PERSON)
    me = PersonFactory(user=User.objects.get(username=f"test-{Role.PERSON.value}"))
    mine = _sams(person=me)
    someone_elses = _sams(person=PersonFactory(), in_their_words="Not yours")
    details = client.get(reverse("people:my_details")).content.decode()
    assert mine.reference in details
    assert someone_elses.reference not in details
    own = client.get(reverse("frontdoor:my_introduction", kwargs={"introduction_id": mine.pk}))
    assert "I lost my job" in own.content.decode()
    other = reverse("frontdoor:my_introduction", kwargs={"introduction_id": someone_elses.pk})
    assert client.get(other).status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, record_id=str(mine.pk), actor__username="test-person"
    ).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_own_introductions_are_only_ever_ones_own(user_with_role: Callable[[Role], User], role: Role) -> None:
    """Every role reads only introductions linked to their own person record, whatever their role."""
    user = user_with_role(role)
    theirs = _sams(person=PersonFactory(user=user))
    unlinked = _sams(person=None)
    assert access_own_introductions_for(user) == [theirs]
    assert access_own_introduction_for(user, theirs.pk) == theirs
    with pytest.raises(Http404):
        access_own_introduction_for(user, unlinked.pk)
    with pytest.raises(PermissionDenied):
        access_own_introductions_for(AnonymousUser())  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        access_own_introduction_for(AnonymousUser(), unlinked.pk)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_only_a_current_grant_reads_an_introduction() -> None:
    introduction = _sams()
    session = SessionStore()
    assert access_introduction_granted_to(session) is None
    until = timezone.now() + datetime.timedelta(minutes=5)
    session[SESSION_KEY] = {"introduction": "not-a-uuid", "until": until.isoformat()}
    assert access_introduction_granted_to(session) is None
    session[SESSION_KEY] = {"introduction": str(introduction.pk), "until": "yesterday"}
    assert access_introduction_granted_to(session) is None
    session[SESSION_KEY] = {"introduction": str(introduction.pk), "until": until.isoformat()}
    assert access_introduction_granted_to(session) == introduction
    assert AuditEvent.objects.filter(record_id=str(introduction.pk), actor=None).count() == 1
