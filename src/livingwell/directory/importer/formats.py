"""The formats ORUK data comes in: a JSON document or paged feed, and a CSV datapackage."""

import csv
import json
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from livingwell.directory.importer.batches import import_services
from livingwell.directory.importer.common import Fetch, ImportProblem, ImportReport, Record


def _services_in(document: Any) -> Iterator[Record]:
    if isinstance(document, list):
        for item in document:
            yield from _services_in(item)
    elif isinstance(document, dict) and "contents" in document:
        yield from _services_in(document["contents"])
    elif isinstance(document, dict) and "services" in document and "status" not in document:
        # An organisation with its services.
        organisation = {key: value for key, value in document.items() if key != "services"}
        for service in document["services"]:
            yield {"organization": organisation, **service}
    elif isinstance(document, dict) and "service" in document and "location" in document:
        # A service at a location, as /service_at_locations/{id} once returned it.
        yield {
            **document["service"],
            "service_at_locations": [{"id": document["id"], "location": document["location"]}],
        }
    elif isinstance(document, dict):
        yield document
    else:
        raise ValueError("not an Open Referral UK document")


def import_json_file(path: Path) -> ImportReport:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        services = list(_services_in(document))
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as error:
        return ImportReport(problems=[ImportProblem(path.name, f"not valid JSON: {error}")])
    return import_services((f"{path.name} service {s.get('id', index + 1)}", s) for index, s in enumerate(services))


# A page or record bigger than this is refused rather than read into memory: no ORUK page comes near it.
MAX_RESPONSE_BYTES = 50 * 1024 * 1024


def fetch_json(url: str) -> Any:
    """The JSON at ``url`` (http or https only), read with a time limit and a size limit."""
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise ValueError("only http and https addresses can be imported")
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - scheme checked
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - scheme checked
        body = response.read(MAX_RESPONSE_BYTES + 1)
    if len(body) > MAX_RESPONSE_BYTES:
        raise ValueError(f"more than {MAX_RESPONSE_BYTES // (1024 * 1024)} MB")
    return json.loads(body.decode("utf-8"))


def import_json_feed(base_url: str, *, per_page: int = 50, fetch: Fetch = fetch_json) -> ImportReport:
    """Import every service from an ORUK API: page through /services, then fetch each in full."""
    base = base_url.rstrip("/")
    report = ImportReport()
    page = 1
    while True:
        try:
            listing = fetch(f"{base}/services?page={page}&per_page={per_page}")
        except (OSError, ValueError) as error:
            report.problems.append(ImportProblem(f"{base}/services page {page}", f"could not be read: {error}"))
            return report
        records = []
        for item in listing.get("contents", []):
            url = f"{base}/services/{item['id']}"
            try:
                records.append((url, fetch(url)))
            except (OSError, ValueError) as error:
                report.problems.append(ImportProblem(url, f"could not be read: {error}"))
        page_report = import_services(records)
        report.created += page_report.created
        report.updated += page_report.updated
        report.unchanged += page_report.unchanged
        report.problems += page_report.problems
        if listing.get("last_page", True) or not listing.get("contents"):
            return report
        page += 1


def _rows(folder: Path, *names: str) -> list[tuple[str, int, Record]]:
    """Rows of the first of ``names`` that exists, with empty cells dropped."""
    for name in names:
        path = folder / name
        if path.exists():
            with path.open(newline="", encoding="utf-8-sig") as handle:
                return [
                    (name, number, {key: value for key, value in row.items() if key and value not in (None, "")})
                    for number, row in enumerate(csv.DictReader(handle), start=2)
                ]
    return []


def _numbers(record: Record, *names: str) -> Record:
    for name in names:
        if name in record:
            try:
                number = float(record[name])
            except ValueError:
                continue
            record[name] = int(number) if number.is_integer() and name not in {"latitude", "longitude"} else number
    return record


def import_csv_datapackage(folder: Path) -> ImportReport:
    """Join the datapackage's tables into ORUK services, then import them like JSON."""
    by: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))

    def group(rows: list[tuple[str, int, Record]], key: str, table: str) -> None:
        for _name, _number, row in rows:
            if key in row:
                by[table][row[key]].append(row)

    organisations = {row["id"]: row for _n, _num, row in _rows(folder, "organizations.csv") if "id" in row}
    locations = {
        row["id"]: _numbers(row, "latitude", "longitude")
        for _n, _num, row in _rows(folder, "locations.csv")
        if "id" in row
    }
    terms = {row["id"]: row for _n, _num, row in _rows(folder, "taxonomy_terms.csv") if "id" in row}
    group(_rows(folder, "addresses.csv", "address.csv"), "location_id", "addresses")
    group(_rows(folder, "accessibility.csv"), "location_id", "accessibility")
    group(
        [(n, i, _numbers(r, "interval")) for n, i, r in _rows(folder, "schedules.csv", "schedule.csv")],
        "service_id",
        "schedules",
    )
    group(_rows(folder, "service_at_locations.csv", "service_at_location.csv"), "service_id", "service_at_locations")
    group(_rows(folder, "service_areas.csv"), "service_id", "service_areas")
    group(_rows(folder, "languages.csv"), "service_id", "languages")
    group(
        [(n, i, _numbers(r, "amount")) for n, i, r in _rows(folder, "cost_options.csv")], "service_id", "cost_options"
    )
    group(_rows(folder, "contacts.csv"), "service_id", "contacts")
    group(_rows(folder, "phones.csv"), "contact_id", "contact_phones")
    group(_rows(folder, "attributes.csv", "attribute.csv"), "link_id", "attributes")

    def service(row: Record) -> Record:
        record = _numbers(dict(row), "minimum_age", "maximum_age")
        if record.get("organization_id") in organisations:
            record["organization"] = organisations[record["organization_id"]]
        schedules = by["schedules"].get(record["id"], [])
        record["schedules"] = [s for s in schedules if not s.get("service_at_location_id")]
        record["service_at_locations"] = []
        for link in by["service_at_locations"].get(record["id"], []):
            location = dict(locations.get(link.get("location_id", ""), {"id": link.get("location_id")}))
            location["addresses"] = by["addresses"].get(location.get("id", ""), [])
            location["accessibility"] = by["accessibility"].get(location.get("id", ""), [])
            record["service_at_locations"].append(
                {
                    **link,
                    "location": location,
                    "schedules": [s for s in schedules if s.get("service_at_location_id") == link["id"]],
                }
            )
        for table in ("service_areas", "languages", "cost_options"):
            record[table] = by[table].get(record["id"], [])
        record["contacts"] = [
            {**contact, "phones": by["contact_phones"].get(contact["id"], [])}
            for contact in by["contacts"].get(record["id"], [])
        ]
        record["attributes"] = [
            {**attribute, "taxonomy_term": terms[attribute["taxonomy_term_id"]]}
            for attribute in by["attributes"].get(record["id"], [])
            if attribute.get("taxonomy_term_id") in terms
        ]
        return record

    services = _rows(folder, "services.csv")
    if not services:
        return ImportReport(problems=[ImportProblem(folder.name, "there is no services.csv")])
    return import_services((f"{name} row {number}", service(row)) for name, number, row in services)
