"""Peer support groups through HTTP: the Hub manager runs a directory listing as a peer group; the peer
supporters who run it record sessions with how many came, never who; in public each month shows how often it
met and how many came, a small number as "fewer than 5"; a worry goes to the duty team."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in
from livingwell.directory.models import Attribute, Service, TaxonomyTerm
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.peer.models import GroupSession, PeerGroup
from livingwell.peer.tests.factories import group_for, profile_for
from livingwell.safety.models import RiskCategory, RiskFlag

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def peer_user() -> User:
    return UserFactory(role=Role.PEER_SUPPORTER, email="priya@example.org", first_name="Priya")


@pytest.fixture
def group(peer_user: User) -> PeerGroup:
    return group_for(profile_for(peer_user))


def _session(day: datetime.date | None = None, **changes: object) -> dict[str, object]:
    day = day or timezone.localdate()
    return {
        "on_day": day.day, "on_month": day.month, "on_year": day.year, "came": "7",
        "note": "A good session: we talked about sleep.", "concern": "", "submission_id": str(uuid.uuid4()),
        **changes,
    }  # fmt: skip


def test_a_facilitator_records_a_session_once_and_the_public_sees_counts_never_names(
    group: PeerGroup, peer_user: User
) -> None:
    peer = _client(peer_user)
    url = reverse("peer:group_work", args=[group.pk])
    data = _session()
    assert peer.post(url, data)["Location"] == url
    peer.post(url, data)  # sent twice: recorded once
    assert GroupSession.objects.get().came == 7
    public = Client().get(reverse("peer:group", args=[group.pk])).content.decode()
    assert "Hearing Voices Group" in public
    assert ">7<" in public
    assert "talked about sleep" not in public  # the note is for the people who run it
    assert "Priya" not in public
    assert "Hearing Voices Group" in Client().get(reverse("peer:groups")).content.decode()
    assert "Hearing Voices Group" in peer.get(reverse("peer:caseload")).content.decode()


def test_a_small_number_shows_as_fewer_than_5(group: PeerGroup, peer_user: User) -> None:
    _client(peer_user).post(reverse("peer:group_work", args=[group.pk]), _session(came="3"))
    public = Client().get(reverse("peer:group", args=[group.pk])).content.decode()
    assert "fewer than 5" in public
    assert ">3<" not in public


def test_a_second_session_the_same_day_is_told_never_an_error(group: PeerGroup, peer_user: User) -> None:
    other = UserFactory(role=Role.PEER_SUPPORTER)
    group.facilitators.add(profile_for(other, name="Tom"))
    url = reverse("peer:group_work", args=[group.pk])
    _client(peer_user).post(url, _session())
    response = _client(other).post(url, _session(came="9"))
    assert response.status_code == 200
    assert "is recorded already" in response.content.decode()
    assert GroupSession.objects.get().came == 7


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"came": ""}, "Enter how many people came"),
        ({"came": "lots"}, "Enter how many people came as a number"),
        ({"came": "-1"}, "Enter a number of people, 0 or more"),
        ({"came": "100000"}, "Enter a number of people up to 500"),
        ({"on_day": ""}, "Enter a day, a month and a year"),
        ({"note": "x" * 1001}, "1000"),
        ({"note": "a\x00b"}, ""),
    ],
)
def test_bad_sessions_are_told_and_nothing_is_saved(
    group: PeerGroup, peer_user: User, changes: dict, message: str
) -> None:
    response = _client(peer_user).post(reverse("peer:group_work", args=[group.pk]), _session(**changes))
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert not GroupSession.objects.exists()


def test_a_future_date_is_refused(group: PeerGroup, peer_user: User) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = _client(peer_user).post(reverse("peer:group_work", args=[group.pk]), _session(tomorrow))
    assert "must not be in the future" in response.content.decode()
    assert not GroupSession.objects.exists()


def test_html_in_a_note_is_shown_as_words(group: PeerGroup, peer_user: User) -> None:
    peer = _client(peer_user)
    url = reverse("peer:group_work", args=[group.pk])
    peer.post(url, _session(note="<script>alert(1)</script>'; DROP TABLE peer_groupsession; --"))
    page = peer.get(url).content.decode()
    assert "&lt;script&gt;" in page
    assert "<script>alert(1)" not in page
    assert GroupSession.objects.count() == 1


def test_a_worry_goes_to_the_duty_team_with_who_wrote_it(group: PeerGroup, peer_user: User) -> None:
    response = _client(peer_user).post(
        reverse("peer:group_work", args=[group.pk]),
        _session(concern="Someone new seemed very withdrawn and left early."),
        follow=True,
    )
    assert "gone to the duty team" in response.content.decode()
    flag = RiskFlag.objects.get()
    assert flag.where == RiskFlag.Where.PEER_GROUP
    assert RiskCategory.CONCERN in flag.categories
    assert flag.person_id is None
    assert flag.writer_contact == "priya@example.org"


def test_words_of_risk_in_a_note_are_flagged(group: PeerGroup, peer_user: User) -> None:
    _client(peer_user).post(
        reverse("peer:group_work", args=[group.pk]), _session(note="One member said they want to end it all.")
    )
    assert RiskFlag.objects.filter(where=RiskFlag.Where.PEER_GROUP).exists()


def test_only_those_who_run_it_see_its_sessions(group: PeerGroup) -> None:
    other_peer = _client(UserFactory(role=Role.PEER_SUPPORTER))
    assert other_peer.get(reverse("peer:group_work", args=[group.pk])).status_code == 403
    hub = _client(UserFactory(role=Role.HUB_MANAGER))
    assert hub.get(reverse("peer:group_work", args=[group.pk])).status_code == 200


def test_a_group_not_running_is_not_public_and_records_nothing(group: PeerGroup, peer_user: User) -> None:
    hub = _client(UserFactory(role=Role.HUB_MANAGER))
    hub.post(reverse("peer:group_change", args=[group.pk]), {"change-facilitators": [], "change-is_running": ""})
    group.refresh_from_db()
    assert not group.is_running
    assert Client().get(reverse("peer:group", args=[group.pk])).status_code == 404
    assert b"Hearing Voices" not in Client().get(reverse("peer:groups")).content
    response = _client(peer_user).post(reverse("peer:group_work", args=[group.pk]), _session())
    assert response.status_code == 403  # no longer among those who run it
    assert not GroupSession.objects.exists()


def test_the_hub_manager_runs_a_peer_support_listing_as_a_group() -> None:
    listed = ServiceFactory(name="Young Adults Peer Group")
    Attribute.objects.create(service=listed, taxonomy_term=TaxonomyTerm.objects.get(code="peer-support"))
    unlisted = ServiceFactory(name="Debt advice")
    tom = profile_for(UserFactory(role=Role.PEER_SUPPORTER), name="Tom")
    hub = _client(UserFactory(role=Role.HUB_MANAGER))
    page = hub.get(reverse("peer:groups_manage")).content.decode()
    assert "Young Adults Peer Group" in page
    assert "Debt advice" not in page
    refused = hub.post(reverse("peer:groups_manage"), {"service": str(unlisted.pk), "facilitators": [tom.pk]})
    assert "Choose a group from the list" in refused.content.decode()
    response = hub.post(reverse("peer:groups_manage"), {"service": str(listed.pk), "facilitators": [tom.pk]})
    group = PeerGroup.objects.get()
    assert response["Location"] == reverse("peer:group_work", args=[group.pk])
    assert list(group.facilitators.all()) == [tom]
    again = hub.post(reverse("peer:groups_manage"), {"service": str(listed.pk)})
    assert "Choose a group from the list" in again.content.decode()
    assert PeerGroup.objects.count() == 1


def test_a_group_whose_listing_is_unpublished_leaves_the_public_pages(group: PeerGroup) -> None:
    Service.objects.filter(pk=group.service_id).update(is_published=False)
    assert Client().get(reverse("peer:group", args=[group.pk])).status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_lists_of_groups_cost_the_same_queries_however_many() -> None:
    hub = _client(UserFactory(role=Role.HUB_MANAGER))
    group_for(profile_for(), name="Group 0")
    pages = [reverse("peer:groups"), reverse("peer:groups_manage")]
    _queries(hub, pages[1])  # the first request of a session does more
    few = [_queries(Client(), pages[0]), _queries(hub, pages[1])]
    for n in range(1, 6):
        group_for(profile_for(UserFactory(role=Role.PEER_SUPPORTER), name=f"Peer {n}"), name=f"Group {n}")
    many = [_queries(Client(), pages[0]), _queries(hub, pages[1])]
    assert few == many
