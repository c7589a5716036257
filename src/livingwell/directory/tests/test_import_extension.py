"""The importer reads this project's extension to ORUK records, and the demo listings come in through it."""

import copy
import datetime
import json
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from livingwell.core.models import Neighbourhood
from livingwell.directory.demo import LISTINGS, _moved_on, directory_demo_load
from livingwell.directory.importer import import_services
from livingwell.directory.models import Location, Organization, Schedule, Service

EXAMPLES = Path(__file__).resolve().parents[1] / "oruk" / "examples"
GOOD = json.loads((EXAMPLES / "service_full.json").read_text())


def _record(service: dict | None = None, location: dict | None = None) -> dict:
    record = copy.deepcopy(GOOD)
    if service is not None:
        record["living_well"] = service
    if location is not None:
        record["service_at_locations"][0]["location"]["living_well"] = location
    return record


@pytest.mark.django_db
def test_a_listing_s_kind_type_and_neighbourhood_come_from_the_extension_and_again_change_nothing() -> None:
    Neighbourhood.objects.create(name="Canal Side", slug="canal-side")
    record = _record({"kind": "opportunity", "opportunity_type": "volunteering"}, {"neighbourhood": "canal-side"})
    assert import_services([("one", record)]).problems == []
    service = Service.objects.get(pk=GOOD["id"])
    assert (service.kind, service.opportunity_type) == ("opportunity", "volunteering")
    assert Location.objects.get().neighbourhood.slug == "canal-side"
    again = import_services([("one", record)])
    assert (again.unchanged, again.problems) == (1, [])


@pytest.mark.django_db
def test_an_organisation_s_kind_comes_from_its_extension_and_a_bad_one_is_reported() -> None:
    record = _record()
    record["organization"]["living_well"] = {"kind": "charity"}
    assert import_services([("one", record)]).problems == []
    assert Organization.objects.get(pk=GOOD["organization"]["id"]).kind == "charity"
    record["organization"]["living_well"] = {"kind": "'; DROP TABLE directory_organization; --"}
    report = import_services([("bad", record)])
    assert "living_well.kind" in report.problems[0].reason
    assert Organization.objects.get(pk=GOOD["organization"]["id"]).kind == "charity"


@pytest.mark.django_db
def test_a_record_without_the_extension_leaves_the_kind_as_it_is() -> None:
    import_services([("one", _record({"kind": "community_asset"}))])
    assert import_services([("plain", GOOD)]).unchanged == 1
    assert Service.objects.get(pk=GOOD["id"]).kind == "community_asset"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("service", "location", "reason"),
    [
        ({"kind": "bakery"}, None, "living_well.kind: 'bakery' is not one of service, opportunity, community_asset"),
        ({"kind": "<b>x</b>"}, None, "living_well.kind: '<b>x</b>' is not one of"),
        ({"kind": "<script>alert(1)</script>"}, None, "living_well.kind: Ensure this value has at most 20"),
        ({"opportunity_type": "volunteering"}, None, "living_well.opportunity_type: only an opportunity has one"),
        ({"kind": "opportunity", "opportunity_type": "x" * 500}, None, "living_well.opportunity_type:"),
        ("opportunity", None, "living_well: must be an object"),
        (None, {"neighbourhood": "'; DROP TABLE core_neighbourhood; --"}, "there is no neighbourhood"),
        (None, ["canal-side"], "living_well: must be an object"),
    ],
)
def test_a_bad_extension_is_reported_and_nothing_of_the_record_is_kept(service, location, reason: str) -> None:
    report = import_services([("bad", _record(service, location))])
    assert len(report.problems) == 1
    assert reason in report.problems[0].reason
    assert not Service.objects.exists()
    assert not Location.objects.exists()


@pytest.mark.django_db
def test_a_schedule_kept_under_a_new_service_at_location_id_survives_the_old_one_going() -> None:
    first = copy.deepcopy(GOOD)
    schedule = {"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00"}
    first["service_at_locations"][0]["schedules"] = [schedule]
    import_services([("first", first)])
    moved = copy.deepcopy(first)
    moved["service_at_locations"][0]["id"] = str(uuid.uuid4())
    report = import_services([("moved", moved)])
    assert (report.unchanged, report.problems) == (0, [])
    kept = Schedule.objects.get(pk=schedule["id"])
    assert str(kept.service_at_location_id) == moved["service_at_locations"][0]["id"]


@pytest.mark.django_db
def test_the_demo_listings_load_from_their_oruk_file_with_kinds_places_and_ages() -> None:
    document = json.loads(LISTINGS.read_text())
    assert directory_demo_load() == len(document["contents"]) == 62
    assert Service.objects.filter(kind="opportunity").exclude(opportunity_type="").count() == 11
    assert Service.objects.filter(kind="community_asset").exists()
    assert not Location.objects.filter(neighbourhood=None).exists()
    assert not Organization.objects.filter(kind="").exists()
    days = timezone.localdate() - datetime.date.fromisoformat(document["dates_as_of"])
    first = document["contents"][0]
    assert Service.objects.get(pk=first["id"]).assured_date == datetime.date.fromisoformat(first["assured_date"]) + days


def test_dates_move_on_by_the_days_since_the_file_s_date() -> None:
    ten_days_ago = timezone.localdate() - datetime.timedelta(days=10)
    services = [{"id": "a", "assured_date": "2026-01-01"}, {"id": "b"}]
    assert _moved_on(services, ten_days_ago) == [{"id": "a", "assured_date": "2026-01-11"}, {"id": "b"}]
