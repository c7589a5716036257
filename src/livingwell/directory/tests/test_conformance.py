"""The Open Referral UK conformance checks, as the official validator makes them, run over the demo directory:
the root's version and profile; the first, a middle and the last page of every list; detail pages of ids
picked at random from them; every answer against the profile's compiled schemas (vendored in oruk/schema)."""

import json
import random
from pathlib import Path

import pytest
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker

from livingwell.directory import oruk
from livingwell.directory.demo import directory_demo_load

COMPILED = Path(__file__).resolve().parents[1] / "oruk" / "schema" / "compiled"
API = "/api/oruk"
PAGE = json.loads((COMPILED.parent / "openapi.json").read_text())["components"]["schemas"]["Page"]
# Each list, the schema of its items, where each item's own page is, and that page's schema.
LISTS = {
    "services": ("service_list.json", "services", "service.json"),
    "service_at_locations": ("service_at_location_list.json", "service_at_locations", "service_at_location.json"),
    "organizations": ("organization_list.json", "organizations", "organization.json"),
    "taxonomies": (None, "taxonomies", None),
    "taxonomy_terms": (None, "taxonomy_terms", None),
}


def _validator(name: str | None) -> Draft202012Validator | None:
    if name is None:
        return None
    return Draft202012Validator(json.loads((COMPILED / name).read_text()), format_checker=FormatChecker())


def _valid(instance: object, validator: Draft202012Validator | None, where: str) -> None:
    if validator is None:
        return
    errors = sorted(validator.iter_errors(instance), key=str)
    assert errors == [], f"{where}: " + "; ".join(f"{list(error.path)}: {error.message}" for error in errors[:5])


def _answer(client: Client, path: str, query: dict | None = None) -> dict:
    response = client.get(path, query or {})
    assert response.status_code == 200, (path, response.content[:300])
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


@pytest.fixture
def demo(db: None) -> None:
    directory_demo_load()


@pytest.mark.django_db
def test_the_root_names_the_version_and_the_profile(client: Client, demo: None) -> None:
    root = _answer(client, f"{API}/")
    assert root["version"] == oruk.HSDS_VERSION == "3.0"
    assert root["profile"] == oruk.PROFILE_URL
    assert _answer(client, root["openapi_url"].replace("http://testserver", ""))["openapi"].startswith("3.")


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(LISTS))
def test_first_middle_and_last_pages_and_random_details_conform(client: Client, demo: None, name: str) -> None:
    item_schema, detail_path, detail_schema = LISTS[name]
    items, details = _validator(item_schema), _validator(detail_schema)
    page_check = Draft202012Validator(PAGE, format_checker=FormatChecker())
    total = _answer(client, f"{API}/{name}", {"per_page": 1})["total_items"]
    assert total >= 1, f"the demo has no {name}"
    per_page = max(1, min(7, total // 3))  # small enough for a middle page where there are three items
    first = _answer(client, f"{API}/{name}", {"per_page": per_page})
    ids = []
    for number in sorted({1, (first["total_pages"] + 1) // 2, first["total_pages"]}):
        page = _answer(client, f"{API}/{name}", {"per_page": per_page, "page": number})
        _valid(page, page_check, f"{name} page {number}")
        assert page["page_number"] == number
        assert (page["first_page"], page["last_page"]) == (number == 1, number == first["total_pages"])
        assert page["total_items"] == first["total_items"]
        assert 0 < page["size"] == len(page["contents"]) <= per_page
        for item in page["contents"]:
            _valid(item, items, f"{name} page {number}, {item.get('id')}")
            ids.append(item["id"])
    past = _answer(client, f"{API}/{name}", {"per_page": per_page, "page": first["total_pages"] + 1})
    assert (past["empty"], past["contents"]) == (True, [])
    for chosen in random.Random(19).sample(ids, k=min(5, len(ids))):  # noqa: S311 (the same ids each run)
        _valid(_answer(client, f"{API}/{detail_path}/{chosen}"), details, f"{detail_path}/{chosen}")
