"""Importing Open Referral UK data: the examples, re-imports, bad records and our own API."""

import json
import re
import shutil
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from livingwell.conftest import worker_run
from livingwell.directory.importer import import_csv_datapackage, import_json_feed, import_json_file, import_services
from livingwell.directory.models import Location, Organization, Schedule, Service, ServiceAtLocation
from livingwell.directory.tests.factories import full_service

EXAMPLES = Path(__file__).resolve().parents[1] / "oruk" / "examples"
GOOD = json.loads((EXAMPLES / "service_full.json").read_text())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["service_full.json", "service_list.json", "organization_full.json", "service_at_location_full.json"]
)
def test_the_json_examples_import_cleanly_and_again_change_nothing(name: str) -> None:
    first = import_json_file(EXAMPLES / name)
    assert first.problems == []
    assert first.imported >= 1
    again = import_json_file(EXAMPLES / name)
    assert again.problems == []
    assert (again.created, again.updated, again.unchanged) == (0, 0, first.imported)


@pytest.mark.django_db
def test_the_csv_example_imports_cleanly_and_again_changes_nothing() -> None:
    first = import_csv_datapackage(EXAMPLES / "csv")
    assert (first.created, first.problems) == (1, [])
    service = Service.objects.get(pk="ac148810-d857-441c-9679-408f346de14b")
    assert service.name == "Community Counselling"
    assert ServiceAtLocation.objects.filter(service=service).count() == 1
    assert Schedule.objects.filter(service_at_location__service=service).exists()
    again = import_csv_datapackage(EXAMPLES / "csv")
    assert (again.created, again.updated, again.unchanged, again.problems) == (0, 0, 1, [])


def _copy(record: dict, number: int) -> dict:
    """The record with every id but its terms', and its organisation's name, made new."""
    text = re.sub(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        lambda match: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{number}:{match.group()}")),
        json.dumps(record),
    )
    copy = json.loads(text)
    copy["organization"]["name"] += f" {number}"
    for attribute, original in zip(copy["attributes"], record["attributes"], strict=True):
        attribute["taxonomy_term"] = original["taxonomy_term"]
    return copy


@pytest.mark.django_db
def test_a_batch_of_records_is_read_and_written_in_a_few_queries() -> None:
    records = [(f"copy {number}", _copy(GOOD, number)) for number in range(40)]
    with CaptureQueriesContext(connection) as first:
        report = import_services(records)
    assert (report.created, report.problems) == (40, [])
    assert Service.objects.count() == 40
    assert Location.objects.count() == 40
    assert len(first.captured_queries) < 60  # one by one, it is over 1,000
    with CaptureQueriesContext(connection) as again:
        report = import_services(records)
    assert (report.unchanged, report.updated, report.created) == (40, 0, 0)
    assert len(again.captured_queries) < 30


@pytest.mark.django_db
def test_a_record_the_database_refuses_is_reported_and_the_rest_of_its_batch_imports() -> None:
    clash = _copy(GOOD, 2)
    clash["organization"]["name"] = GOOD["organization"]["name"]  # another organisation with the same name
    unknown_place = _copy(GOOD, 3)
    unknown_place["service_at_locations"] = [{"id": str(uuid.uuid4()), "location_id": str(uuid.uuid4())}]
    report = import_services([("good", GOOD), ("clash", clash), ("nowhere", unknown_place), ("fine", _copy(GOOD, 4))])
    assert report.created == 2
    reasons = {problem.record: problem.reason for problem in report.problems}
    assert set(reasons) == {"clash", "nowhere"}
    assert "name" in reasons["clash"]
    assert "is not known" in reasons["nowhere"]
    assert set(Service.objects.values_list("pk", flat=True)) == {uuid.UUID(GOOD["id"]), uuid.UUID(_copy(GOOD, 4)["id"])}
    assert Organization.objects.filter(name=GOOD["organization"]["name"]).count() == 1


@pytest.mark.django_db
def test_the_same_service_twice_in_a_feed_ends_as_the_later_one_says() -> None:
    later = {**GOOD, "name": "Community Counselling (later)", "cost_options": []}
    report = import_services([("first", GOOD), ("later", later)])
    assert (report.created, report.updated, report.problems) == (1, 1, [])
    service = Service.objects.get(pk=GOOD["id"])
    assert service.name == "Community Counselling (later)"
    assert not service.cost_options.exists()


@pytest.mark.django_db
def test_a_changed_record_updates_and_a_removed_child_goes() -> None:
    import_services([("first", GOOD)])
    changed = {**GOOD, "name": "Community Counselling (evenings)", "cost_options": []}
    report = import_services([("second", changed)])
    assert (report.created, report.updated) == (0, 1)
    service = Service.objects.get(pk=GOOD["id"])
    assert service.name == "Community Counselling (evenings)"
    assert not service.cost_options.exists()


@pytest.mark.django_db
def test_a_partly_bad_feed_imports_the_good_records_and_reports_each_bad_one() -> None:
    records = [
        ("good", GOOD),
        (
            "no name",
            {key: value for key, value in GOOD.items() if key != "name"}
            | {"id": "a3b1c6d0-0000-4000-8000-000000000001"},
        ),
        ("bad id", {**GOOD, "id": "not-a-uuid"}),
        ("bad status", {**GOOD, "id": "a3b1c6d0-0000-4000-8000-000000000002", "status": "exploded"}),
        ("no organisation", {"id": "a3b1c6d0-0000-4000-8000-000000000003", "name": "Orphan", "status": "active"}),
        ("huge", {**GOOD, "id": "a3b1c6d0-0000-4000-8000-000000000004", "accreditations": "x", "name": "x" * 1000}),
    ]
    report = import_services(records)
    assert report.created == 1
    reasons = {problem.record: problem.reason for problem in report.problems}
    assert set(reasons) == {"no name", "bad id", "bad status", "no organisation", "huge"}
    assert "'name' is a required property" in reasons["no name"]
    assert "uuid" in reasons["bad id"]
    assert "exploded" in reasons["bad status"]
    assert "organization_id" in reasons["no organisation"]
    assert reasons["huge"].startswith("name: Ensure this value has at most 255 characters")
    assert Service.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_date_or_address_is_refused_as_the_production_install_checks_it() -> None:
    """The formats jsonschema checks only with rfc3339-validator and rfc3986-validator: both are in the production
    install, and the platform refuses to start without them (directory/checks.py)."""
    records = [
        ("bad date", {**GOOD, "id": "a3b1c6d0-0000-4000-8000-000000000011", "last_modified": "next Tuesday"}),
        ("bad address", {**GOOD, "id": "a3b1c6d0-0000-4000-8000-000000000012", "url": "not an address"}),
    ]
    report = import_services(records)
    reasons = {problem.record: problem.reason for problem in report.problems}
    assert reasons == {
        "bad date": "last_modified: 'next Tuesday' is not a 'date-time'",
        "bad address": "url: 'not an address' is not a 'uri'",
    }
    assert not Service.objects.exists()


def test_the_platform_refuses_to_start_where_a_format_would_go_unchecked(monkeypatch) -> None:
    from jsonschema import FormatChecker

    from livingwell.directory.checks import oruk_formats_checked

    assert oruk_formats_checked() == []
    monkeypatch.delitem(FormatChecker.checkers, "date-time")
    (error,) = oruk_formats_checked()
    assert (error.id, "date-time" in error.msg) == ("directory.E001", True)


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["{not json", "", "[1, 2, 3]", '"a string"', "\x00\x01"])
def test_malformed_json_is_reported_not_raised(tmp_path: Path, text: str) -> None:
    path = tmp_path / "feed.json"
    path.write_text(text)
    report = import_json_file(path)
    assert report.imported == 0
    assert report.problems


@pytest.mark.django_db
def test_malformed_csv_rows_are_reported_by_row(tmp_path: Path) -> None:
    folder = tmp_path / "package"
    shutil.copytree(EXAMPLES / "csv", folder)
    services = (folder / "services.csv").read_text()
    header = services.splitlines()[0]
    (folder / "services.csv").write_text(
        services.rstrip("\n")
        + "\n"
        + "b1b1b1b1-0000-4000-8000-000000000001,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,,No name,,,active,,,,,,,,\n"
        + "b1b1b1b1-0000-4000-8000-000000000002,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Aged,x,,,active,,,old,,,,,\n"
    )
    assert header.startswith("id,organization_id,name")
    report = import_csv_datapackage(folder)
    assert report.created == 1
    assert [problem.record for problem in report.problems] == ["services.csv row 3", "services.csv row 4"]


@pytest.mark.django_db
def test_a_folder_without_services_is_reported(tmp_path: Path) -> None:
    assert import_csv_datapackage(tmp_path).problems[0].reason == "there is no services.csv"


@pytest.mark.django_db
def test_importing_our_own_api_changes_nothing(client: Client) -> None:
    for _ in range(3):
        full_service()

    def fetch(url: str) -> object:
        return client.get(url.replace("http://testserver", "")).json()

    report = import_json_feed("http://testserver/api/oruk", per_page=2, fetch=fetch)
    assert report.problems == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)


@pytest.mark.django_db
def test_an_unreachable_feed_is_reported() -> None:
    def fetch(url: str) -> object:
        raise OSError("connection refused")

    report = import_json_feed("https://nowhere.example/api", fetch=fetch)
    assert report.problems[0].reason == "could not be read: connection refused"


@pytest.mark.django_db
def test_the_command_reports_and_fails_on_bad_records(tmp_path: Path, capsys) -> None:
    call_command("directory_import", "--json", str(EXAMPLES / "service_full.json"))
    assert "Imported 1 services: 1 new" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{**GOOD, "id": "nope"}]))
    with pytest.raises(CommandError, match="1 records were not imported"):
        call_command("directory_import", "--json", str(bad))
    assert "Not imported: bad.json service nope" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No file"):
        call_command("directory_import", "--json", str(tmp_path / "missing.json"))


@pytest.mark.django_db(transaction=True)  # the task worker runs as it would on its own
def test_imported_listings_are_whole_and_searchable_at_once(client: Client) -> None:
    """Rows written in bulk are the rows Django would write: defaults, automatic dates, the full-text index."""
    from django_tasks_db.models import DBTaskResult

    records = [(f"copy {number}", _copy(GOOD, number)) for number in range(3)]
    assert import_services(records).created == 3
    service = Service.objects.get(pk=records[0][1]["id"])
    assert service.last_modified is not None
    assert service.is_published
    assert service.kind == Service.Kind.SERVICE
    results = client.get("/directory/", {"q": "counselling"}).context["results"]
    assert results.total == 3
    tidy = DBTaskResult.objects.filter(task_path__endswith="fulltext_tidy_task")
    assert tidy.exists() is (connection.vendor == "sqlite")  # PostgreSQL's index needs no tidying
    worker_run()
    assert client.get("/directory/", {"q": "counselling"}).context["results"].total == 3
