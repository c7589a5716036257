"""The caseload and who sees which episode: every role, the team setting, peers' limited view."""

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.core.tests.pages import without_random_tokens
from livingwell.directory.tests.factories import OrganizationFactory
from livingwell.support.access import access_caseload_for, access_episode_for, episode_visible_to, shows_for
from livingwell.support.models import Action, ContactLogEntry, Episode
from livingwell.support.tests.factories import EpisodeFactory

CASELOAD = reverse("support:caseload")
TODAY = datetime.date(2026, 11, 23)
# Session, user, second factor, the caseload and its audit: the same however many people.
CASELOAD_QUERIES = 5
EPISODE_QUERIES = 12  # with the introductions that opened it (one query, whatever their number)


def _with_work(episode: Episode, *, action_due: datetime.date | None = None, contacted: bool = False) -> Episode:
    if action_due is not None:
        Action.objects.create(
            episode=episode, what="Call the GP", who="Guide", due_on=action_due, created_by=episode.guide
        )
    if contacted:
        ContactLogEntry.objects.create(
            episode=episode, kind="call", happened_at=timezone.now(), recorded_by=episode.guide
        )
    return episode


@pytest.mark.django_db
def test_a_guides_caseload_shows_next_steps_reviews_and_last_contact(
    signed_in_client: Callable[[Role], Client],
) -> None:
    client = signed_in_client(Role.PERSONAL_GUIDE)
    me = User.objects.get(username="test-personal_guide")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    _with_work(EpisodeFactory(guide=me, person__preferred_name="Ash", next_review_on=yesterday), action_due=yesterday)
    _with_work(EpisodeFactory(guide=me, person__preferred_name="Bo"), contacted=True)
    EpisodeFactory(person__preferred_name="Someone else's")
    EpisodeFactory(guide=me, person__preferred_name="Closed one", status=Episode.Status.CLOSED)
    html = client.get(CASELOAD).content.decode()
    assert "2 people supported now" in html
    assert "Ash" in html
    assert "Call the GP" in html
    assert html.count("Overdue") == 2  # Ash's step and review
    assert "Someone else&#x27;s" not in html
    assert "Closed one" not in html
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ, record_type="support.episode").count() == 2


@pytest.mark.django_db
def test_the_caseload_takes_the_same_queries_however_many_people(
    signed_in_client: Callable[[Role], Client], django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    client = signed_in_client(Role.PERSONAL_GUIDE)
    me = User.objects.get(username="test-personal_guide")
    for _ in range(3):
        _with_work(EpisodeFactory(guide=me), action_due=TODAY, contacted=True)
    client.get(CASELOAD)
    with django_assert_num_queries(CASELOAD_QUERIES):
        client.get(CASELOAD)
    for _ in range(20):
        _with_work(EpisodeFactory(guide=me), action_due=TODAY, contacted=True)
    with django_assert_num_queries(CASELOAD_QUERIES):
        client.get(CASELOAD)


@pytest.mark.django_db
def test_the_timeline_takes_the_same_queries_however_long(
    signed_in_client: Callable[[Role], Client], django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    client = signed_in_client(Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=User.objects.get(username="test-personal_guide"))
    url = reverse("support:episode", kwargs={"episode_id": episode.pk})
    _with_work(episode, action_due=TODAY, contacted=True)
    client.get(url)
    with django_assert_num_queries(EPISODE_QUERIES):
        client.get(url)
    for _ in range(30):
        _with_work(episode, action_due=TODAY, contacted=True)
    with django_assert_num_queries(EPISODE_QUERIES):
        client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize("team", [True, False])
@pytest.mark.parametrize("role", list(Role))
def test_who_sees_an_episode(user_with_role: Callable[[Role], User], role: Role, team: bool, settings: object) -> None:
    settings.LW_GUIDES_SEE_TEAM = team  # type: ignore[attr-defined]
    hub = OrganizationFactory(name="The Hub")
    user = user_with_role(role)
    user.organisations.add(hub)
    colleague = User.objects.create(username="colleague", role=Role.PERSONAL_GUIDE)
    colleague.organisations.add(hub)
    own, teams, stranger = EpisodeFactory(guide=user), EpisodeFactory(guide=colleague), EpisodeFactory()
    everyone = role in {Role.HUB_MANAGER, Role.ADMINISTRATOR}
    guides = role in {Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER, Role.DUTY_WORKER, Role.HUB_MANAGER}
    assert episode_visible_to(user, own) == (everyone or guides)
    assert episode_visible_to(user, teams) == (everyone or (team and role in {Role.PERSONAL_GUIDE, Role.DUTY_WORKER}))
    assert episode_visible_to(user, stranger) == everyone
    assert not episode_visible_to(AnonymousUser(), own)  # type: ignore[arg-type]
    if not everyone:
        with pytest.raises(PermissionDenied):
            access_episode_for(user, stranger.pk)
    for show in ("mine", "team", "all"):
        if show in shows_for(user):
            access_caseload_for(user, show)
        else:
            with pytest.raises(PermissionDenied):
                access_caseload_for(user, show)


@pytest.mark.django_db
def test_a_peer_supporter_sees_limited_fields(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.PEER_SUPPORTER)
    episode = EpisodeFactory(
        guide=User.objects.get(username="test-peer_supporter"),
        person__preferred_name="Ash",
        person__access_needs="Needs step-free access",
    )
    ContactLogEntry.objects.create(
        episode=episode, kind="call", happened_at=timezone.now(), note="Private note", recorded_by=episode.guide
    )
    html = client.get(reverse("support:episode", kwargs={"episode_id": episode.pk})).content.decode()
    assert "Ash" in html
    assert "Private note" not in html
    assert "Timeline" not in html
    assert "step-free" not in html


@pytest.mark.django_db
def test_the_hub_manager_chooses_whose_caseload(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    EpisodeFactory(person__preferred_name="Ash")
    assert "Ash" not in without_random_tokens(client.get(CASELOAD).content.decode())  # their own, first
    html = client.get(CASELOAD, {"show": "all"}).content.decode()
    assert "Ash" in html
    assert "Guide" in html
    assert client.get(CASELOAD, {"show": "<script>"}).status_code == 200  # an unknown choice: their own
