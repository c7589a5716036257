"""Our categories as the published lists Open Referral UK asks for: the LGA Services and Needs Lists and
OpenActive's activities (decision 0065). Machines get their terms with ``term_uri``; people keep our plain
words; the importer reads others' terms of those lists."""

import json
import uuid
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.directory.importer import import_services
from livingwell.directory.models import Attribute, Service, Taxonomy, TaxonomyTerm
from livingwell.directory.taxonomy import (
    ACTIVITIES,
    LGA_NEEDS,
    LGA_SERVICES,
    MAPPINGS,
    NAMESPACE,
    OPENACTIVE,
    STANDARD_LISTS,
    STANDARD_TERMS,
    TERMS,
    category_id,
    standard_list_of,
)
from livingwell.directory.tests.factories import ServiceFactory, full_service
from livingwell.directory.tests.test_import import _copy

EXAMPLES = Path(__file__).resolve().parents[1] / "oruk" / "examples"
GOOD = json.loads((EXAMPLES / "service_full.json").read_text())
YOGA = "https://openactive.io/activity-list#bf1a5e00-cdcf-465d-8c5a-6f57040b7f7e"
COUNSELLING = "http://id.esd.org.uk/service/163"

pytestmark = pytest.mark.django_db


def _category(code: str) -> TaxonomyTerm:
    return TaxonomyTerm.objects.get(pk=category_id(code))


def _in(code: str, **kwargs: object) -> Service:
    service = ServiceFactory(**kwargs)
    Attribute.objects.create(service=service, taxonomy_term=_category(code))
    return service


def _api(client: Client, name: str, **query: object) -> dict:
    response = client.get(reverse(f"directory_api:{name}"), query)
    assert response.status_code == 200, response.content
    return response.json()


def test_every_category_but_food_stands_for_terms_of_the_lists_each_with_its_address() -> None:
    assert set(MAPPINGS) == {code for code, _name, _description in TERMS}
    assert [code for code, terms in MAPPINGS.items() if not terms] == ["food"]
    for term in STANDARD_TERMS:
        assert standard_list_of(term.term_uri) == (term.standard, term.identifier)
        row = TaxonomyTerm.objects.get(pk=term.id)  # shipped by the migration
        assert (row.term_uri, row.taxonomy_id) == (term.term_uri, term.standard.id)
    for standard in STANDARD_LISTS:
        assert Taxonomy.objects.get(pk=standard.id).uri == standard.uri
    # The LGA lists' identifiers are numbers; OpenActive's are UUIDs.
    assert all(term.identifier.isdigit() for term in STANDARD_TERMS if term.standard is not OPENACTIVE)
    assert all(uuid.UUID(term.identifier) for term in ACTIVITIES)


def test_a_listing_gives_the_terms_its_categories_stand_for_once_each(client: Client) -> None:
    service = full_service()  # in peer support
    Attribute.objects.create(service=service, taxonomy_term=_category("talking-therapies"))
    body = client.get(reverse("directory_api:service_detail", kwargs={"service_id": service.pk})).json()
    uris = [attribute["taxonomy_term"].get("term_uri") for attribute in body["attributes"]]
    # Improving mental health is stood for by both categories, and given once.
    assert uris.count("http://id.esd.org.uk/need/36") == 1
    assert COUNSELLING in uris
    assert "http://id.esd.org.uk/need/111" in uris
    ids = [attribute["id"] for attribute in body["attributes"]]
    assert len(ids) == len(set(ids))
    counselling = next(a for a in body["attributes"] if a["taxonomy_term"].get("term_uri") == COUNSELLING)
    assert counselling["taxonomy_term"]["taxonomy"] == "LGA Services List"
    assert counselling["taxonomy_term_id"] == str(uuid.uuid5(NAMESPACE, COUNSELLING))
    # The same ids on every reading.
    again = client.get(reverse("directory_api:service_detail", kwargs={"service_id": service.pk})).json()
    assert [attribute["id"] for attribute in again["attributes"]] == ids


def test_the_api_finds_listings_by_a_lists_term_or_by_the_list(client: Client) -> None:
    counselling = _in("talking-therapies", name="Counselling")
    _in("food", name="Food bank")
    term_id = uuid.uuid5(NAMESPACE, COUNSELLING)
    found = _api(client, "service_list", taxonomy_term_id=str(term_id))
    assert [item["name"] for item in found["contents"]] == [counselling.name]
    found = _api(client, "service_list", taxonomy_id=str(LGA_SERVICES.id))
    assert [item["name"] for item in found["contents"]] == [counselling.name]
    found = _api(client, "service_list", taxonomy_id=str(OPENACTIVE.id))
    assert found["contents"] == []
    terms = _api(client, "taxonomy_term_list", taxonomy_id=str(OPENACTIVE.id), per_page=50)
    assert {item["term_uri"] for item in terms["contents"]} == {term.term_uri for term in ACTIVITIES}


def _record(number: int, *attributes: dict) -> dict:
    record = _copy(GOOD, number)  # every id its own
    record["name"] = f"Listing {number}"
    record["attributes"] = [
        {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{number}:{index}")), "link_type": "", **attribute}
        for index, attribute in enumerate(attributes)
    ]
    return record


def _id(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def _term(term_id: str, name: str, term_uri: str, taxonomy: str = "Theirs") -> dict:
    return {
        "taxonomy_term": {"id": term_id, "name": name, "description": name, "taxonomy": taxonomy, "term_uri": term_uri}
    }


def test_the_importer_reads_others_terms_of_the_lists_into_ours(client: Client) -> None:
    records = [
        ("debt", _record(1, _term(_id("their-debt"), "Debt advice", "http://id.esd.org.uk/service/651"))),
        ("yoga", _record(2, _term(_id("their-yoga"), "Yoga", YOGA, "OpenActive"))),
        ("yoga again", _record(3, _term(str(uuid.uuid4()), "Yoga!", YOGA))),
        ("mental health", _record(4, _term(_id("mh"), "Improving mental health", "http://id.esd.org.uk/need/36"))),
    ]
    report = import_services(records)
    assert report.problems == []
    assert not Taxonomy.objects.filter(name__in=["Theirs", "OpenActive"]).exists()  # no list of theirs made
    debt = Service.objects.get(name="Listing 1")
    # Debt counselling stands for money and debt alone, so the listing is in it, and the term is given by it.
    assert [term.code for term in debt.terms.all()] == ["money-and-debt"]
    debt_json = client.get(reverse("directory_api:service_detail", kwargs={"service_id": debt.pk})).json()
    assert "http://id.esd.org.uk/service/651" in [a["taxonomy_term"].get("term_uri") for a in debt_json["attributes"]]
    # Every OpenActive activity is a physical activity; both feeds' Yoga is the one term here, as first named.
    yoga = TaxonomyTerm.objects.get(term_uri=YOGA)
    assert (yoga.taxonomy_id, yoga.name, yoga.pk) == (OPENACTIVE.id, "Yoga", uuid.uuid5(NAMESPACE, YOGA))
    for name in ["Listing 2", "Listing 3"]:
        codes = {term.code for term in Service.objects.get(name=name).terms.all()}
        assert codes == {yoga.code, "physical-activity"}
    # A need that many of our categories stand for is kept as given, and puts the listing in none of them.
    needs = Service.objects.get(name="Listing 4").terms.get()
    assert (needs.taxonomy_id, needs.term_uri) == (LGA_NEEDS.id, "http://id.esd.org.uk/need/36")
    # Found by people in our words.
    page = client.get(reverse("directory:search"), {"category": "physical-activity"}).content.decode()
    assert "Listing 2" in page
    again = import_services(records)
    assert (again.created, again.updated, again.problems) == (0, 0, [])


def test_people_see_our_categories_and_never_the_lists_terms(client: Client) -> None:
    records = [("yoga", _record(5, _term(_id("their-yoga"), "Yoga", YOGA)))]
    assert import_services(records).problems == []
    listing = Service.objects.get(name="Listing 5")
    search = client.get(reverse("directory:search")).content.decode()
    assert "Physical activity" in search
    for machine_words in ["Counselling", "LGA", "Yoga", "Improving mental health"]:
        assert f">{machine_words}<" not in search
    page = client.get(reverse("directory:service_detail", kwargs={"service_id": listing.pk})).content.decode()
    assert "Physical activity" in page
    assert ">Yoga<" not in page
