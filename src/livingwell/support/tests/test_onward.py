"""Onward introductions, closed loop: the guide sends, the provider accepts, starts and finishes; overdue
ones are flagged; the organisation sees only what the person agreed to share."""

import datetime
import uuid
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in, worker_run
from livingwell.directory.models import Service
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.models import SharingConsent
from livingwell.support.models import Episode, OnwardIntroduction
from livingwell.support.tests.factories import EpisodeFactory


@pytest.fixture
def garden(db: None) -> Service:
    return ServiceFactory(name="Community garden", description="Growing food together")


@pytest.fixture
def episode(db: None) -> Episode:
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    return EpisodeFactory(
        guide=guide,
        person__preferred_name="Robin",
        person__phone="07700 900555",
        person__access_needs="Step-free access, please",
    )


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _provider(service: Service, username: str = "pat") -> User:
    user = UserFactory(username=username, role=Role.PROVIDER_EDITOR)
    user.organisations.add(service.organization)
    return user


def _send(episode: Episode, service: Service, shared: list[str]) -> Client:
    guide = _client(episode.guide)
    url = reverse("support:onward_new", kwargs={"episode_id": episode.pk}) + "?q=garden"
    data = {"service": service.pk, "shared": shared, "message": "Keen on growing", "agreed": "on"}
    response = guide.post(url, {**data, "submission_id": str(uuid.uuid4())})
    assert response.status_code == 302, response.content.decode()[:3000]
    return guide


@pytest.mark.django_db(transaction=True)
def test_the_guide_sends_and_the_provider_closes_the_loop(episode: Episode, garden: Service) -> None:
    pat = _provider(garden)
    _send(episode, garden, ["contact"])
    onward = OnwardIntroduction.objects.get()
    assert SharingConsent.objects.filter(person=episode.person, organisation=garden.organization).exists()
    worker_run()
    (told,) = mail.outbox
    assert told.to == [pat.email]
    assert "Robin" not in told.body

    provider = _client(pat)
    assert "Robin" in provider.get(reverse("support:provider_queue")).content.decode()
    page_url = reverse("support:provider_onward", kwargs={"onward_id": onward.pk})
    page = provider.get(page_url).content.decode()
    assert "07700 900555" in page  # contact was shared
    assert "Step-free" not in page  # access needs were not
    assert "Keen on growing" in page
    for status in ("accepted", "started", "finished"):
        assert provider.post(page_url, {"status": status}).status_code == 302
    onward.refresh_from_db()
    assert onward.status == "finished"
    assert list(onward.changes.values_list("status", flat=True)) == ["sent", "accepted", "started", "finished"]
    guide_page = _client(episode.guide).get(reverse("support:episode", kwargs={"episode_id": episode.pk}))
    assert "Community garden</strong>: Finished" in guide_page.content.decode()


def test_declining_needs_a_reason_and_moves_cannot_skip_or_repeat(episode: Episode, garden: Service) -> None:
    pat = _provider(garden)
    _send(episode, garden, [])
    onward = OnwardIntroduction.objects.get()
    provider = _client(pat)
    url = reverse("support:provider_onward", kwargs={"onward_id": onward.pk})
    assert "Say why it was declined" in provider.post(url, {"status": "declined"}).content.decode()
    assert "Select what has happened" in provider.post(url, {"status": "finished"}).content.decode()  # not yet
    page = provider.get(url).content.decode()
    assert "07700 900555" not in page  # nothing shared beyond the name they like
    provider.post(url, {"status": "declined", "note": "Full until spring"})
    onward.refresh_from_db()
    assert onward.status == "declined"
    assert "What has happened?" not in provider.get(url).content.decode()  # nothing more to do


def test_another_organisations_editor_cannot_see_it(episode: Episode, garden: Service) -> None:
    _send(episode, garden, ["contact"])
    other = _provider(ServiceFactory(name="Choir"), username="olu")
    onward = OnwardIntroduction.objects.get()
    client = _client(other)
    assert client.get(reverse("support:provider_onward", kwargs={"onward_id": onward.pk})).status_code == 404
    assert "Robin" not in client.get(reverse("support:provider_queue")).content.decode()


def test_an_overdue_reply_is_flagged_to_the_guide_who_can_mark_no_response(episode: Episode, garden: Service) -> None:
    guide = _send(episode, garden, [])
    onward = OnwardIntroduction.objects.get()
    OnwardIntroduction.objects.filter(pk=onward.pk).update(respond_by=timezone.localdate() - datetime.timedelta(days=1))
    assert "Introduction not answered" in guide.get(reverse("support:caseload")).content.decode()
    episode_page = guide.get(reverse("support:episode", kwargs={"episode_id": episode.pk})).content.decode()
    assert "Reply overdue" in episode_page
    no_response = reverse("support:onward_no_response", kwargs={"onward_id": onward.pk})
    guide.post(no_response)
    onward.refresh_from_db()
    assert onward.status == "no_response"
    guide.post(no_response)  # twice: refused, nothing changes
    assert onward.changes.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"agreed": "on"}, "Search for the service, then select it"),
        ({"service": "not-a-uuid", "agreed": "on"}, "Select a service from the list"),
        ({"service": "00000000-0000-0000-0000-000000000000", "agreed": "on"}, "Select a service from the list"),
        ({"service": "GARDEN"}, "Confirm that they agreed"),
        ({"service": "GARDEN", "agreed": "on", "shared": ["everything"]}, "Select a valid choice"),
    ],
)
def test_sending_with_something_wrong_says_what_and_sends_nothing(
    episode: Episode, garden: Service, data: dict[str, object], message: str
) -> None:
    data = {key: (str(garden.pk) if value == "GARDEN" else value) for key, value in data.items()}
    url = reverse("support:onward_new", kwargs={"episode_id": episode.pk})
    response = _client(episode.guide).post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OnwardIntroduction.objects.exists()


def test_community_support_from_the_front_door_is_an_onward_introduction(
    signed_in_client: Callable[[Role], Client], garden: Service
) -> None:
    duty = signed_in_client(Role.DUTY_WORKER)
    introduction = IntroductionFactory(preferred_name="Ash")
    url = reverse("support:introduction_route", kwargs={"introduction_id": introduction.pk}) + "?q=garden"
    duty.post(url, {"route": "community", "services": [garden.pk], "reason": "Loves being outdoors"})
    onward = OnwardIntroduction.objects.get()
    assert (onward.person.preferred_name, onward.service, onward.introduction) == ("Ash", garden, introduction)
    assert onward.shared == ["contact"]


def test_a_peer_supporter_who_cannot_read_the_plan_cannot_send_it(episode: Episode, garden: Service) -> None:
    peer = UserFactory(username="pip", role=Role.PEER_SUPPORTER)
    episode.guide = peer
    episode.save()
    client = Client()
    sign_in(client, peer)
    assert client.get(reverse("support:plan", kwargs={"episode_id": episode.pk})).status_code == 403
    url = reverse("support:onward_new", kwargs={"episode_id": episode.pk})
    data = {"service": garden.pk, "shared": ["about_me", "goals"], "message": "Keen on growing", "agreed": "on"}
    assert client.post(url, data).status_code == 403
    assert client.get(url).status_code == 403
    assert not OnwardIntroduction.objects.exists()


def test_the_providers_reading_of_what_was_shared_is_audited(episode: Episode, garden: Service) -> None:
    from livingwell.audit.models import AuditEvent
    from livingwell.support.models import Plan

    Plan.objects.create(person=episode.person, strengths="Good with plants")
    _send(episode, garden, ["about_me"])
    provider = _provider(garden)
    onward = OnwardIntroduction.objects.get()
    html = _client(provider).get(reverse("support:provider_onward", kwargs={"onward_id": onward.pk})).content.decode()
    assert "Good with plants" in html
    read = AuditEvent.objects.get(action="read", record_type="support.plan", actor=provider)
    assert read.person_id == episode.person_id
