"""Peer support through HTTP: a person chooses a peer supporter, who accepts and records sessions; a worry
goes to the person's guide; the person reads their notes, never the worry; a guide introduces someone with
their agreement; a peer supporter's profile."""

import datetime
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in
from livingwell.peer.models import PeerIntroduction, PeerProfile, PeerSession
from livingwell.peer.tests.factories import introduction_for, profile_for
from livingwell.people.tests.factories import PersonFactory
from livingwell.safety.models import RiskFlag
from livingwell.support.models import Plan
from livingwell.support.tests.factories import EpisodeFactory

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def people() -> dict[str, object]:
    guide = UserFactory(role=Role.PERSONAL_GUIDE, email="gabriel@example.org")
    person_user = UserFactory(role=Role.PERSON)
    person = PersonFactory(user=person_user, preferred_name="Jo", email="jo@example.org")
    episode = EpisodeFactory(person=person, guide=guide)
    peer_user = UserFactory(role=Role.PEER_SUPPORTER, email="priya@example.org")
    return {
        "guide": _client(guide), "guide_user": guide, "person": _client(person_user), "person_record": person,
        "episode": episode, "peer": _client(peer_user), "profile": profile_for(peer_user),
    }  # fmt: skip


def _session(**changes: object) -> dict[str, object]:
    today = timezone.localdate()
    return {
        "on_day": today.day, "on_month": today.month, "on_year": today.year, "where": "The library café",
        "note": "We had a coffee and talked about walking.", "follow_ups": "Try the walking group.", "concern": "",
        "submission_id": str(uuid.uuid4()), **changes,
    }  # fmt: skip


def test_a_person_chooses_a_peer_who_accepts_and_records_sessions(people: dict) -> None:
    profile = people["profile"]
    assert "Priya" in Client().get(reverse("peer:profiles")).content.decode()
    token = str(uuid.uuid4())
    ask = {"message": "I would like company at the walking group.", "submission_id": token}
    response = people["person"].post(reverse("peer:profile", args=[profile.pk]), ask)
    assert response["Location"] == reverse("peer:mine")
    people["person"].post(reverse("peer:profile", args=[profile.pk]), ask)  # sent twice: asked once
    introduction = PeerIntroduction.objects.get()
    assert (introduction.person, introduction.status) == (people["person_record"], "asked")
    caseload = people["peer"].get(reverse("peer:caseload")).content.decode()
    assert "Jo" in caseload
    page = people["peer"].get(reverse("peer:introduction", args=[introduction.pk])).content.decode()
    assert "jo@example.org" in page
    # A session waits until the peer accepts.
    people["peer"].post(reverse("peer:session_new", args=[introduction.pk]), _session())
    assert not PeerSession.objects.exists()
    people["peer"].post(reverse("peer:answer", args=[introduction.pk]), {"answer": "accept"})
    introduction.refresh_from_db()
    assert introduction.status == "accepted"
    data = _session()
    people["peer"].post(reverse("peer:session_new", args=[introduction.pk]), data)
    people["peer"].post(reverse("peer:session_new", args=[introduction.pk]), data)
    assert PeerSession.objects.count() == 1
    mine = people["person"].get(reverse("peer:mine")).content.decode()
    assert "We had a coffee and talked about walking." in mine
    assert "Try the walking group." in mine


def test_the_peer_supporter_is_told_of_an_interpreter_before_they_make_contact(people: dict) -> None:
    person = people["person_record"]
    person.language, person.needs_interpreter = "Somali", True
    person.save()
    introduction = introduction_for(person, people["profile"], status="asked")
    page = people["peer"].get(reverse("peer:introduction", args=[introduction.pk])).content.decode()
    assert "Needs an interpreter for Somali: book one before you contact them." in page
    own_page = people["person"].get(reverse("peer:introduction", args=[introduction.pk])).content.decode()
    assert "book one before you contact them" not in own_page  # not told to themselves


def test_a_worry_goes_to_the_guide_and_never_to_the_person(people: dict) -> None:
    introduction = introduction_for(people["person_record"], people["profile"])
    worry = "Jo seemed very low and said she had stopped eating."
    people["peer"].post(reverse("peer:session_new", args=[introduction.pk]), _session(concern=worry))
    flag = RiskFlag.objects.get()
    assert flag.where == RiskFlag.Where.PEER_SESSION
    assert "concern" in flag.categories
    assert flag.guide == people["guide_user"]
    assert flag.person_id == people["person_record"].pk
    assert worry not in people["person"].get(reverse("peer:mine")).content.decode()
    own_page = people["person"].get(reverse("peer:introduction", args=[introduction.pk])).content.decode()
    assert worry not in own_page
    guide_page = people["guide"].get(reverse("peer:episode", args=[people["episode"].pk])).content.decode()
    assert worry in guide_page


def test_words_of_risk_in_a_note_are_flagged_too(people: dict) -> None:
    introduction = introduction_for(people["person_record"], people["profile"])
    people["peer"].post(
        reverse("peer:session_new", args=[introduction.pk]), _session(note="She said she wants to kill herself.")
    )
    flag = RiskFlag.objects.get()
    assert "suicide" in flag.categories
    assert "concern" not in flag.categories


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"note": ""}, "Write a short note for them"),
        ({"where": ""}, "Say where you met"),
        ({"on_day": "31", "on_month": "2"}, "Enter a real date"),
        ({"note": "x" * 1001}, "Use 1,000 characters or fewer"),
    ],
)
def test_a_bad_session_says_what_to_fix(people: dict, changes: dict, message: str) -> None:
    introduction = introduction_for(people["person_record"], people["profile"])
    page = people["peer"].post(reverse("peer:session_new", args=[introduction.pk]), _session(**changes))
    assert message in page.content.decode()
    assert "Error: " in page.content.decode()
    assert not PeerSession.objects.exists()


def test_a_session_in_the_future_is_refused(people: dict) -> None:
    introduction = introduction_for(people["person_record"], people["profile"])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = people["peer"].post(
        reverse("peer:session_new", args=[introduction.pk]),
        _session(on_day=tomorrow.day, on_month=tomorrow.month, on_year=tomorrow.year),
    )
    assert "must not be in the future" in page.content.decode()


def test_a_guide_introduces_someone_who_chose_and_agreed(people: dict) -> None:
    url = reverse("peer:episode", args=[people["episode"].pk])
    data = {"peer": people["profile"].pk, "message": "Jo would like a walking companion.",
            "submission_id": str(uuid.uuid4())}  # fmt: skip
    refused = people["guide"].post(url, data)
    assert "Confirm that they chose this peer supporter and agreed" in refused.content.decode()
    people["guide"].post(url, {**data, "person_agreed": "on"})
    introduction = PeerIntroduction.objects.get()
    assert introduction.asked_by == people["guide_user"]
    # Another guide's person is out of reach, and so is a peer's view of the episode.
    assert people["peer"].get(url).status_code == 403
    assert _client(UserFactory(role=Role.PERSONAL_GUIDE)).get(url).status_code == 403


def test_a_peer_who_is_full_cannot_be_asked(people: dict) -> None:
    profile = people["profile"]
    PeerProfile.objects.filter(pk=profile.pk).update(taking_people=False)
    assert Client().get(reverse("peer:profile", args=[profile.pk])).status_code == 404


def test_a_peer_writes_their_profile(people: dict) -> None:
    peer = _client(UserFactory(role=Role.PEER_SUPPORTER))
    url = reverse("peer:my_profile")
    data = {"name": "Tom", "lived_experience": "I hear voices.", "where": "Anywhere", "when": "Mornings",
            "arrangement": "sessional", "is_published": "on", "taking_people": "on"}  # fmt: skip
    refused = peer.post(url, data)
    assert "Enter the yearly limit that keeps your benefits safe" in refused.content.decode()
    peer.post(url, {**data, "yearly_limit": "1500"})
    profile = PeerProfile.objects.get(name="Tom")
    assert profile.is_published
    page = Client().get(reverse("peer:profile", args=[profile.pk])).content.decode()
    assert "I hear voices." in page
    assert "1500" not in page  # the limit is theirs and the Hub's


def test_the_person_adds_their_peer_supporter_to_their_plan(people: dict) -> None:
    plan = Plan.objects.create(person=people["person_record"])
    introduction = introduction_for(people["person_record"], people["profile"], status="asked")
    url = reverse("peer:to_my_plan", args=[introduction.pk])
    refused = people["person"].post(url, follow=True)
    assert "once they have accepted" in refused.content.decode()
    PeerIntroduction.objects.filter(pk=introduction.pk).update(status="accepted")
    assert "Add Priya to the connections in my plan" in people["person"].get(reverse("peer:mine")).content.decode()
    people["person"].post(url)
    people["person"].post(url)
    connection = plan.connections.get()
    assert (connection.name, connection.kind, connection.may_share) == ("Priya", "peer", False)
    assert people["peer"].post(url).status_code == 403


def test_a_peer_is_supervised_trained_and_checks_in_for_themselves() -> None:
    peer_user = UserFactory(role=Role.PEER_SUPPORTER, email="tom@example.org")
    profile = profile_for(peer_user, name="Tom")
    supervisor_user = UserFactory(role=Role.PERSONAL_GUIDE, first_name="Gabriel")
    manager = _client(UserFactory(role=Role.HUB_MANAGER))
    supervisor, peer = _client(supervisor_user), _client(peer_user)
    url = reverse("peer:supervision", args=[profile.pk])
    assert supervisor.get(url).status_code == 404  # not theirs until named
    manager.post(url, {"part": "supervisor", "supervisor-supervisor": supervisor_user.pk})
    assert "Tom" in supervisor.get(reverse("peer:supervisees")).content.decode()
    today = timezone.localdate()
    when = {"supervision-on_day": today.day, "supervision-on_month": today.month, "supervision-on_year": today.year}
    empty = supervisor.post(url, {"part": "supervision", **when, "supervision-submission_id": str(uuid.uuid4())})
    assert "Say what you talked about" in empty.content.decode()
    token = str(uuid.uuid4())
    data = {"part": "supervision", **when, "supervision-notes": "Boundaries with Jo; a good first month.",
            "supervision-follow_ups": "Book the safeguarding course.", "supervision-submission_id": token}  # fmt: skip
    supervisor.post(url, data)
    supervisor.post(url, data)
    assert profile.supervisions.count() == 1
    supervisor.post(url, {"part": "training", "training-course": "safeguarding", "training-on_day": today.day,
                          "training-on_month": today.month, "training-on_year": today.year,
                          "training-completed": "on"})  # fmt: skip
    assert profile.trainings.get().completed
    # The check-in is the peer's alone; its words still go through the safety net.
    own = reverse("peer:my_support")
    peer.post(own, {"feeling": "2", "note": "Tired after a hard week.", "submission_id": str(uuid.uuid4())})
    page = peer.get(own).content.decode()
    assert "Boundaries with Jo; a good first month." in page
    assert "Safeguarding" in page
    assert "Tired after a hard week." in page
    assert "Tired after a hard week." not in supervisor.get(url).content.decode()
    peer.post(own, {"feeling": "1", "note": "I want to end it all", "submission_id": str(uuid.uuid4())})
    flag = RiskFlag.objects.get()
    assert (flag.writer_name, flag.guide) == ("Tom", None)
    refused = peer.post(own, {"feeling": "9", "submission_id": str(uuid.uuid4())})
    assert "Choose how you are doing" in refused.content.decode()


def test_a_peer_who_declined_or_ended_no_longer_sees_how_to_reach_them(people: dict) -> None:
    declined = introduction_for(people["person_record"], people["profile"], status="declined")
    assert people["peer"].get(reverse("peer:introduction", args=[declined.pk])).status_code == 403
    ended = introduction_for(people["person_record"], people["profile"], status="ended")
    page = people["peer"].get(reverse("peer:introduction", args=[ended.pk])).content.decode()
    assert "Jo" in page
    assert "jo@example.org" not in page
    assert "jo@example.org" in people["guide"].get(reverse("peer:introduction", args=[ended.pk])).content.decode()
