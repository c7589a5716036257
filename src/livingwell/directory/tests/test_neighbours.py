"""Listings from a neighbouring directory's Open Referral UK feed (decision 0063): fetched by their changes,
shown marked with their source, never editable here, taken down when they leave the feed, and unable to touch
anything of ours whatever ids the feed sends. The feed here is a small one in memory that answers as an ORUK
API does; ``test_neighbours_loopback`` reads a second Living Well instance over HTTP."""

import datetime
import urllib.parse
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in
from livingwell.core.models import PeriodicRun
from livingwell.directory.housekeeping import directory_housekeeping
from livingwell.directory.models import Neighbour, Organization, Service, TaxonomyTerm
from livingwell.directory.neighbours import local_id, neighbour_fetch
from livingwell.directory.taxonomy import TAXONOMY_ID
from livingwell.directory.tests.factories import OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

BASE = "https://north.example/api/oruk"
START = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)


class Feed:
    """An ORUK feed in memory: ``/services`` (paged, ``modified_after`` inclusive, ``minimal``) and
    ``/services/{id}``. Every address asked for is kept in ``asked``; ``broken`` addresses fail."""

    def __init__(self, per_page_cap: int = 2) -> None:
        self.services: dict[str, dict[str, Any]] = {}
        self.asked: list[str] = []
        self.broken: set[str] = set()
        self.per_page_cap = per_page_cap  # small, so paging is exercised

    def put(self, name: str, *, at: datetime.datetime, upstream_id: str | None = None, **extra: Any) -> str:
        upstream_id = upstream_id or str(uuid.uuid4())
        record = {
            "id": upstream_id,
            "name": name,
            "status": "active",
            "description": f"{name}, in Northgate.",
            "last_modified": at.isoformat(),
            "organization": {"id": "north-mind", "name": "Northgate Mind", "description": "A charity."},
        }
        self.services[upstream_id] = record | extra
        return upstream_id

    def __call__(self, url: str) -> Any:
        self.asked.append(url)
        if url in self.broken:
            raise OSError("the connection was reset")
        parts = urllib.parse.urlsplit(url)
        path = parts.path.removeprefix(urllib.parse.urlsplit(BASE).path)
        if path.startswith("/services/"):
            record = self.services.get(urllib.parse.unquote(path.removeprefix("/services/")))
            if record is None:
                raise OSError("HTTP Error 404: Not Found")
            return record
        query = dict(urllib.parse.parse_qsl(parts.query))
        records = sorted(self.services.values(), key=lambda record: (record["name"], record["id"]))
        if "modified_after" in query:
            since = datetime.datetime.fromisoformat(query["modified_after"])
            records = [r for r in records if datetime.datetime.fromisoformat(r["last_modified"]) >= since]
        per_page = min(int(query.get("per_page", 50)), self.per_page_cap)
        page = int(query.get("page", 1))
        total_pages = max(1, -(-len(records) // per_page))
        shown = records[(page - 1) * per_page : page * per_page]
        if query.get("minimal") == "true":
            contents = [{"id": r["id"], "last_modified": r["last_modified"]} for r in shown]
        else:
            contents = [{k: v for k, v in r.items() if k != "attributes"} for r in shown]
        return {
            "total_items": len(records),
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }

    def fetched_in_full(self) -> list[str]:
        return [url.rsplit("/", 1)[1] for url in self.asked if "/services/" in url]


@pytest.fixture
def feed() -> Feed:
    return Feed()


@pytest.fixture
def north() -> Neighbour:
    return Neighbour.objects.create(name="Northgate Living Well", feed_url=BASE, website="https://north.example/")


def _fetch(north: Neighbour, feed: Feed) -> Any:
    report = neighbour_fetch(north, fetch=feed)
    north.refresh_from_db()
    return report


def _theirs(north: Neighbour, feed_id: str) -> Service:
    return Service.objects.get(pk=local_id(north, feed_id))


def test_their_listings_are_shown_marked_with_where_they_come_from(client: Client, north, feed) -> None:
    walk = feed.put("Riverside walk", at=START)
    report = _fetch(north, feed)
    assert (report.created, report.problems) == (1, [])
    listing = _theirs(north, walk)
    assert listing.source == north
    assert listing.organization.source == north
    page = client.get(reverse("directory:service_detail", kwargs={"service_id": listing.pk})).content.decode()
    assert "From Northgate Living Well" in page
    assert "is kept up to date there" in page
    assert 'href="https://north.example/"' in page
    assert reverse("directory:report", kwargs={"service_id": listing.pk}) not in page
    results = client.get(reverse("directory:search"), {"q": "riverside"}).content.decode()
    assert "Riverside walk" in results
    assert "From Northgate Living Well" in results
    assert "1 new, 0 changed" in north.fetch_result


def test_they_are_not_in_our_own_feed_nor_reported_to_us(client: Client, north, feed) -> None:
    walk = feed.put("Riverside walk", at=START)
    _fetch(north, feed)
    listing = _theirs(north, walk)
    ours = ServiceFactory(name="Our walk")
    ids = [item["id"] for item in client.get("/api/oruk/services").json()["contents"]]
    assert ids == [str(ours.pk)]
    assert client.get(f"/api/oruk/services/{listing.pk}").status_code == 404
    assert client.get(f"/api/oruk/organizations/{listing.organization_id}").status_code == 404
    assert client.get(reverse("directory:report", kwargs={"service_id": listing.pk})).status_code == 404


def test_only_changes_are_read_in_full_after_the_first_fetch(north, feed) -> None:
    walk = feed.put("Riverside walk", at=START)
    choir = feed.put("Community choir", at=START + datetime.timedelta(hours=1))
    feed.put("Allotment club", at=START + datetime.timedelta(hours=2))
    _fetch(north, feed)
    assert north.changes_since == START + datetime.timedelta(hours=2)
    assert len(feed.fetched_in_full()) == 3
    feed.asked.clear()
    feed.services[choir] |= {"name": "Community choir (Tuesdays)", "last_modified": "2026-11-02T10:00:00+00:00"}
    report = _fetch(north, feed)
    (changes,) = [url for url in feed.asked if "modified_after" in url]
    assert "modified_after=2026-11-01T11%3A00%3A00%2B00%3A00" in changes  # from the newest it had shown us
    # The changed one, and the one changed at the very time asked from (inclusive), read again; not the walk.
    assert walk not in feed.fetched_in_full()
    assert choir in feed.fetched_in_full()
    assert report.updated == 1
    assert _theirs(north, choir).name == "Community choir (Tuesdays)"
    assert north.changes_since == datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)


def test_a_date_far_in_the_future_does_not_stop_later_changes_being_fetched(north, feed) -> None:
    feed.put("Riverside walk", at=START)
    feed.put("Community choir", at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC))  # a wrong clock
    _fetch(north, feed)
    assert north.changes_since == START


def test_an_id_is_never_read_as_a_path(north, feed) -> None:
    odd = feed.put("Riverside walk", at=START, upstream_id="../admin?x=1")
    _fetch(north, feed)
    assert f"{BASE}/services/..%2Fadmin%3Fx%3D1" in feed.asked
    assert _theirs(north, odd).name == "Riverside walk"


def test_a_listing_gone_from_the_feed_is_taken_down_and_put_back_when_it_returns(client, north, feed) -> None:
    walk = feed.put("Riverside walk", at=START)
    feed.put("Community choir", at=START)
    _fetch(north, feed)
    gone = feed.services.pop(walk)
    report = _fetch(north, feed)
    assert report.withdrawn == 1
    listing = _theirs(north, walk)
    assert not listing.is_published
    assert client.get(reverse("directory:service_detail", kwargs={"service_id": listing.pk})).status_code == 404
    feed.services[walk] = gone
    assert _fetch(north, feed).restored == 1
    assert _theirs(north, walk).is_published


def test_a_feed_that_cannot_be_read_to_the_end_takes_nothing_down(north, feed) -> None:
    for name in ("Allotment club", "Community choir", "Riverside walk"):
        feed.put(name, at=START)
    _fetch(north, feed)
    since = north.changes_since
    feed.broken.add(f"{BASE}/services?minimal=true&per_page=10000&page=2")
    report = _fetch(north, feed)
    assert not report.complete
    assert report.withdrawn == 0
    assert Service.objects.filter(source=north, is_published=True).count() == 3
    assert north.changes_since == since  # asked from the same time again
    assert "could not be read to the end" in north.fetch_result
    assert "connection was reset" in north.fetch_result


def test_a_listing_that_cannot_be_read_is_said_and_the_rest_are_shown(north, feed) -> None:
    walk = feed.put("Riverside walk", at=START)
    feed.put("Community choir", at=START)
    feed.broken.add(f"{BASE}/services/{walk}")
    report = _fetch(north, feed)
    assert report.created == 1
    assert not report.complete
    assert f"{BASE}/services/{walk}: could not be read" in north.fetch_result
    assert north.changes_since is None  # the next fetch asks for everything again
    feed.broken.clear()
    assert _fetch(north, feed).created == 1


def test_a_feed_cannot_change_our_listings_or_organisations_whatever_ids_it_sends(north, feed) -> None:
    ours = ServiceFactory(name="Our walk", organization=OrganizationFactory(name="Kingsmere Mind"))
    feed.put(
        "Not our walk",
        at=START,
        upstream_id=str(ours.pk),
        organization={"id": str(ours.organization_id), "name": "Taken over", "description": "x"},
    )
    _fetch(north, feed)
    ours.refresh_from_db()
    assert ours.name == "Our walk"
    assert ours.source is None
    assert Organization.objects.get(pk=ours.organization_id).name == "Kingsmere Mind"
    theirs = _theirs(north, str(ours.pk))
    assert theirs.name == "Not our walk"
    assert theirs.pk != ours.pk


def test_an_organisation_of_the_same_name_is_linked_to_and_never_changed(north, feed) -> None:
    samaritans = OrganizationFactory(name="Samaritans", description="Ours.")
    feed.put("Listening line", at=START, organization={"id": "s", "name": "Samaritans", "description": "Theirs."})
    assert _fetch(north, feed).problems == []
    listing = Service.objects.get(source=north)
    assert listing.organization_id == samaritans.pk
    samaritans.refresh_from_db()
    assert (samaritans.description, samaritans.source) == ("Ours.", None)


def test_our_categories_are_linked_to_and_theirs_kept_apart(client: Client, north, feed) -> None:
    ours = TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID).first()
    assert ours is not None
    name = ours.name
    attributes = [
        {"id": "a1", "taxonomy_term_id": str(ours.pk), "taxonomy_term": {"id": str(ours.pk), "name": "Renamed"}},
        {
            "id": "a2",
            "taxonomy_term": {
                "id": "gardening",
                "name": "Gardening",
                "description": "Growing things.",
                "taxonomy_id": str(TAXONOMY_ID),
            },
        },
    ]
    walk = feed.put("Riverside walk", at=START, attributes=attributes)
    assert _fetch(north, feed).problems == []
    listing = _theirs(north, walk)
    terms = {term.pk: term for term in listing.terms.all()}
    assert ours.pk in terms
    assert TaxonomyTerm.objects.get(pk=ours.pk).name == name  # never renamed by a neighbour
    (gardening,) = [term for pk, term in terms.items() if pk != ours.pk]
    assert gardening.taxonomy_id != TAXONOMY_ID  # not added to our categories
    found = client.get(reverse("directory:search"), {"category": ours.code}).content.decode()
    assert "Riverside walk" in found


def test_their_neighbourhoods_are_left_out_rather_than_refused(north, feed) -> None:
    place = {
        "id": "p1",
        "location": {
            "id": "l1",
            "location_type": "physical",
            "name": "Northgate Hall",
            "living_well": {"neighbourhood": "northgate-central"},
        },
    }
    walk = feed.put("Riverside walk", at=START, service_at_locations=[place])
    report = _fetch(north, feed)
    assert report.problems == []
    (place_here,) = _theirs(north, walk).service_at_locations.all()
    assert place_here.location.neighbourhood is None


def test_a_neighbour_switched_off_has_all_its_listings_taken_down(north, feed) -> None:
    feed.put("Riverside walk", at=START)
    _fetch(north, feed)
    north.is_active = False
    north.save()
    feed.asked.clear()
    assert _fetch(north, feed).withdrawn == 1
    assert feed.asked == []
    assert not Service.objects.filter(source=north, is_published=True).exists()


def test_an_editor_of_the_same_organisation_cannot_edit_their_listing(client: Client, north, feed) -> None:
    samaritans = OrganizationFactory(name="Samaritans")
    feed.put("Listening line", at=START, organization={"id": "s", "name": "Samaritans", "description": "x"})
    _fetch(north, feed)
    listing = Service.objects.get(source=north)
    editor: User = UserFactory(username="pat", role=Role.PROVIDER_EDITOR)
    editor.organisations.add(samaritans)
    sign_in(client, editor)
    assert "Listening line" not in client.get(reverse("directory:listing_list")).content.decode()
    edit = reverse("directory:listing_edit", kwargs={"service_id": listing.pk})
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"name": "Mine now"}).status_code == 404


def test_the_admin_shows_their_listing_but_will_not_change_or_delete_it(signed_in_client, north, feed) -> None:
    walk = feed.put("Riverside walk", at=START)
    _fetch(north, feed)
    listing = _theirs(north, walk)
    admin = signed_in_client(Role.ADMINISTRATOR)
    change = reverse("admin:directory_service_change", args=[listing.pk])
    page = admin.get(change)
    assert page.status_code == 200
    assert "Riverside walk" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert admin.post(change, {"name": "Changed here"}).status_code == 403
    assert admin.post(reverse("admin:directory_service_delete", args=[listing.pk]), {"post": "yes"}).status_code == 403
    assert _theirs(north, walk).name == "Riverside walk"
    organisation = reverse("admin:directory_organization_change", args=[listing.organization_id])
    assert admin.post(organisation, {"name": "Changed here"}).status_code == 403


def test_each_neighbour_is_fetched_once_an_hour_by_the_housekeeping(north) -> None:
    south = Neighbour.objects.create(name="Southgate", feed_url="https://south.example/api/oruk")
    directory_housekeeping()
    directory_housekeeping()
    queued = DBTaskResult.objects.filter(task_path="livingwell.directory.tasks.neighbour_fetch_task")
    assert sorted(row.args_kwargs["args"][0] for row in queued) == sorted([str(north.pk), str(south.pk)])
    PeriodicRun.objects.filter(name__startswith="directory.neighbour_fetch").update(period="2000-01-01T00")
    directory_housekeeping()
    assert queued.all().count() == 4
