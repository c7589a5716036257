"""The same safety net wherever a person writes to us: their own plan, a measure, a co-production body, a
request to see their record. Each time: crisis routes at once, a flag to whoever is responsible, an audit."""

import re
import uuid
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.tests.factories import MembershipFactory, board
from livingwell.conftest import sign_in, worker_run
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.safety.models import RiskFlag
from livingwell.support.models import Episode, Plan
from livingwell.support.tests.factories import EpisodeFactory

pytestmark = pytest.mark.django_db
RISK = "honestly i cant go on, i've been saving up my tablets"
CALM = "I would like to try the walking group on Tuesdays"
FLAGS = reverse("safety:flag_list")


@pytest.fixture
def person_user() -> User:
    return UserFactory(username="robin", role=Role.PERSON, email="robin@example.org")


@pytest.fixture
def person(person_user: User) -> Person:
    return PersonFactory(user=person_user, preferred_name="Robin")


@pytest.fixture
def guide_user() -> User:
    return UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE, email="gabriel@example.org")


@pytest.fixture
def episode(person: Person, guide_user: User) -> Episode:
    episode = EpisodeFactory(person=person, guide=guide_user)
    Plan.objects.create(person=person)
    return episode


@pytest.fixture
def robin(person_user: User, episode: Episode) -> Client:
    client = Client()
    client.force_login(person_user)
    return client


def _alerted(html: str) -> bool:
    return "may not be safe right now" in html and "116 123" in html


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("support:my_about_me", {"what_matters": RISK}),
        ("support:my_plan_comment", {"text": RISK, "submission_id": str(uuid.uuid4())}),
    ],
)
def test_a_persons_own_words_are_flagged_to_their_guide_with_crisis_routes_at_once(
    robin: Client, person: Person, url: str, data: dict[str, str], settings, django_capture_on_commit_callbacks
) -> None:
    settings.LW_DUTY_EMAIL = "duty@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = robin.post(reverse(url), data, follow=True)
    html = response.content.decode()
    assert _alerted(html)
    assert "We have told your personal guide" in html
    assert "85258" in html  # the routes for suicide
    flag = RiskFlag.objects.get()
    assert (flag.person_id, flag.guide.username, flag.categories) == (person.pk, "gabriel", ["suicide"])
    assert RISK in flag.written
    assert AuditEvent.objects.filter(record_type="safety.riskflag", action="create", person_id=person.pk).exists()
    worker_run()
    (told,) = mail.outbox
    assert told.to == ["gabriel@example.org"]
    assert "saving up" not in told.body  # no personal details in the email
    assert "Robin" not in told.body
    assert reverse("safety:flag", kwargs={"flag_id": flag.pk}) in told.body
    # The alert is shown once, not on every page after.
    assert not _alerted(robin.get(reverse("support:my_plan")).content.decode())


def test_a_risky_comment_sent_twice_raises_one_flag(robin: Client) -> None:
    comment = {"text": RISK, "submission_id": str(uuid.uuid4())}
    robin.post(reverse("support:my_plan_comment"), comment)
    robin.post(reverse("support:my_plan_comment"), comment)  # a double click, a replay
    assert RiskFlag.objects.count() == 1


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_without_a_guide_the_duty_team_is_told(
    person_user: User, person: Person, settings, django_capture_on_commit_callbacks
) -> None:
    settings.LW_DUTY_EMAIL = "duty@example.org"
    Plan.objects.create(person=person)
    client = Client()
    client.force_login(person_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("support:my_plan_comment"), {"text": "he hits me", "submission_id": str(uuid.uuid4())}, follow=True
        )
    html = response.content.decode()
    assert "We have told our duty team" in html
    assert "0808 2000 247" in html  # the National Domestic Abuse Helpline for unsafe at home
    assert RiskFlag.objects.get().guide is None
    worker_run()
    assert mail.outbox[0].to == ["duty@example.org"]


def test_calm_words_and_a_workers_words_raise_nothing(
    robin: Client, episode: Episode, guide_user: User, client: Client
) -> None:
    assert not _alerted(
        robin.post(reverse("support:my_about_me"), {"what_matters": CALM}, follow=True).content.decode()
    )
    sign_in(client, guide_user)
    client.post(reverse("support:about_me", kwargs={"episode_id": episode.pk}), {"early_signs": RISK})
    assert not RiskFlag.objects.exists()


def test_more_help_in_their_words_on_a_measure_is_read_once_however_often_sent(robin: Client, person: Person) -> None:
    url = reverse("support:my_measure_new", kwargs={"code": "dialog"})
    data = {f"item_{number}": "4" for number in range(1, 12)}
    data |= {"token": str(uuid.uuid4()), "more_help_words": "I keep thinking about ending it all"}
    first = robin.post(url, data, follow=True)
    robin.post(url, data, follow=True)
    assert _alerted(first.content.decode())
    flag = RiskFlag.objects.get()
    assert (flag.where, flag.person_id) == ("measure", person.pk)


def test_a_member_suggesting_a_topic_or_replying_is_flagged_to_the_duty_team(client: Client) -> None:
    body, groups = board()
    user = UserFactory(username="ola", role=Role.PERSON)
    membership = MembershipFactory(
        body=body, constituency=groups["ebe"], member__user=user, member__name="Ola", member__email="ola@example.org"
    )
    client.force_login(user)
    topic = {"title": "Waiting times", "why": "while I waited I wanted to die", "submission_id": str(uuid.uuid4())}
    html = client.post(reverse("collaborative:suggest", args=[body.slug]), topic, follow=True).content.decode()
    assert _alerted(html)
    client.post(reverse("collaborative:suggest", args=[body.slug]), topic)  # sent twice: one flag
    flag = RiskFlag.objects.get()
    assert (flag.where, flag.writer_name, flag.writer_contact, flag.person_id) == (
        "topic",
        "Ola",
        "ola@example.org",
        None,
    )
    assert membership.pk


def test_a_visitor_asking_to_join_sees_routes_even_before_the_form_is_complete(client: Client) -> None:
    body, groups = board()
    data = {"name": "Kim", "email": "kim@example.org", "why": "nobody would miss me if i was gone"}
    data |= {"constituency": groups["ebe"].pk, "submission_id": str(uuid.uuid4())}  # not agreeing: refused
    response = client.post(reverse("collaborative:join", args=[body.slug]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Agree to the code of conduct" in html
    assert _alerted(html)
    flag = RiskFlag.objects.get()
    assert (flag.where, flag.writer_name, flag.writer_contact) == ("join_request", "Kim", "kim@example.org")


def test_words_typed_into_the_record_request_are_read_too(client: Client) -> None:
    data = {"reference": "please help i want to kill myself", "contact": "07700 900123"}
    html = client.post(reverse("frontdoor:record_request"), data).content.decode()
    assert _alerted(html)
    assert RiskFlag.objects.get().where == "record_request"


@pytest.mark.parametrize("role", list(Role))
def test_who_reads_the_flags(role: Role, user_with_role: Callable[[Role], User], client: Client) -> None:
    user = user_with_role(role)
    sign_in(client, user)
    duty_flag = RiskFlag.objects.create(where="topic", written="words of the duty's flag", categories=["suicide"])
    others = RiskFlag.objects.create(
        where="about_me", written="words of another guide's", categories=["suicide"], guide=UserFactory()
    )
    own = RiskFlag.objects.create(where="about_me", written="words of my own", categories=["self_harm"], guide=user)
    listing = client.get(FLAGS)
    everything = role in {Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR}
    own_only = role in {Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER}
    if not (everything or own_only):
        assert listing.status_code == 403
        assert client.get(reverse("safety:flag", args=[own.pk])).status_code == 403
        return
    assert listing.status_code == 200
    html = listing.content.decode()
    assert len(re.findall(r'href="/hub/safety-flags/[0-9a-f-]{36}/"', html)) == (3 if everything else 1)
    for flag in (duty_flag, others, own):
        response = client.get(reverse("safety:flag", args=[flag.pk]))
        assert response.status_code == (200 if everything or flag is own else 404)
    assert AuditEvent.objects.filter(record_type="safety.riskflag", action="read", actor=user).exists()


def test_recording_what_was_done_closes_the_flag_once(client: Client) -> None:
    duty = UserFactory(username="dee", role=Role.DUTY_WORKER)
    sign_in(client, duty)
    flag = RiskFlag.objects.create(where="topic", written="I want to die", categories=["suicide"])
    url = reverse("safety:flag", args=[flag.pk])
    assert "Say what you did" in client.post(url, {"note": ""}).content.decode()
    assert client.post(url, {"note": "Called Ola: safe tonight, talking tomorrow."})["Location"] == FLAGS
    flag.refresh_from_db()
    assert (flag.handled_by, flag.handled_note) == (duty, "Called Ola: safe tonight, talking tomorrow.")
    assert "No flags are waiting" in client.get(FLAGS).content.decode()
    client.post(url, {"note": "Again"})
    flag.refresh_from_db()
    assert flag.handled_note == "Called Ola: safe tonight, talking tomorrow."
    assert "safety flag waits" not in client.get(reverse("frontdoor:queue")).content.decode()


def test_the_duty_queue_says_when_flags_wait(client: Client) -> None:
    sign_in(client, UserFactory(username="dee", role=Role.DUTY_WORKER))
    RiskFlag.objects.create(where="topic", written="I want to die", categories=["suicide"])
    assert "1 safety flag waits" in client.get(reverse("frontdoor:queue")).content.decode()
