"""The Open Referral UK API: every endpoint's responses validate against the ORUK schemas."""

import json
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from livingwell.directory.models import Service, Taxonomy, TaxonomyTerm
from livingwell.directory.taxonomy import TAXONOMY_ID
from livingwell.directory.tests.factories import ServiceAtLocationFactory, ServiceFactory, full_service

SCHEMAS = Path(__file__).resolve().parents[1] / "oruk" / "schema"
OPENAPI = json.loads((SCHEMAS / "openapi.json").read_text())
PAGE_SCHEMA = OPENAPI["components"]["schemas"]["Page"]
# The schemas refer to each other by file name, as in taxonomy.json's "$ref": "taxonomy_term.json".
REGISTRY = Registry().with_resources(
    (path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
    for path in SCHEMAS.glob("*.json")
)


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


def _assert_valid(instance: object, schema: dict) -> None:
    validator = Draft202012Validator(schema, registry=REGISTRY, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(instance), key=str)
    assert errors == [], "\n".join(f"{list(error.path)}: {error.message}" for error in errors)


def _assert_page(body: dict, item_schema: dict) -> None:
    _assert_valid(body, PAGE_SCHEMA)
    assert set(PAGE_SCHEMA["properties"]) <= body.keys()
    for item in body["contents"]:
        _assert_valid(item, item_schema)


def _get(client: Client, name: str, **kwargs: object) -> dict:
    query = kwargs.pop("query", {})
    response = client.get(reverse(f"directory_api:{name}", kwargs=kwargs or None), query)
    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def service(db: None) -> Service:
    return full_service()


def test_index(client: Client, db: None) -> None:
    body = _get(client, "index")
    _assert_valid(body, OPENAPI["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"])
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/oruk/openapi.json")
    assert _get(client, "openapi")["openapi"].startswith("3.")


def test_services_list_and_detail(client: Client, service: Service) -> None:
    body = _get(client, "service_list")
    _assert_page(body, _schema("compiled/service_list.json"))
    assert [item["id"] for item in body["contents"]] == [str(service.id)]

    detail = _get(client, "service_detail", service_id=service.id)
    _assert_valid(detail, _schema("compiled/service.json"))
    assert detail["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "KM1 1AA"
    assert detail["attributes"][0]["taxonomy_term"]["term"] == "peer-support"
    assert detail["languages"][0]["name"] == "Polish"


def test_service_at_locations_list_and_detail(client: Client, service: Service) -> None:
    body = _get(client, "service_at_location_list")
    _assert_page(body, _schema("compiled/service_at_location_list.json"))
    service_at_location = service.service_at_locations.get()
    assert [item["id"] for item in body["contents"]] == [str(service_at_location.id)]

    detail = _get(client, "service_at_location_detail", service_at_location_id=service_at_location.id)
    _assert_valid(detail, _schema("compiled/service.json"))
    assert detail["id"] == str(service.id)


def test_taxonomies_and_terms(client: Client, db: None) -> None:
    body = _get(client, "taxonomy_list")
    _assert_page(body, _schema("taxonomy.json"))
    assert body["total_items"] == Taxonomy.objects.count() == 4  # ours, and the three lists (decision 0065)
    taxonomy = Taxonomy.objects.get(pk=TAXONOMY_ID)
    detail = _get(client, "taxonomy_detail", taxonomy_id=taxonomy.id)
    _assert_valid(detail, _schema("taxonomy.json"))
    assert len(detail["taxonomy_terms"]) == TaxonomyTerm.objects.filter(taxonomy=taxonomy).count()

    terms = _get(client, "taxonomy_term_list", query={"per_page": 100})
    _assert_page(terms, _schema("taxonomy_term.json"))
    assert terms["total_items"] == TaxonomyTerm.objects.count() >= 12
    term = TaxonomyTerm.objects.get(code="befriending")
    _assert_valid(_get(client, "taxonomy_term_detail", taxonomy_term_id=term.id), _schema("taxonomy_term.json"))


def test_default_taxonomy_covers_a_mental_health_network(db: None) -> None:
    codes = set(TaxonomyTerm.objects.values_list("code", flat=True))
    assert {
        "peer-support",
        "befriending",
        "crisis-support",
        "talking-therapies",
        "employment",
        "money-and-debt",
        "housing",
        "physical-activity",
        "arts-and-creativity",
        "volunteering",
        "carers",
        "learning",
    } <= codes


def test_only_published_services_appear(client: Client, db: None) -> None:
    shown = ServiceFactory(name="Shown")
    hidden = ServiceFactory(name="Hidden", is_published=False)
    closed = ServiceFactory(name="Closed", status=Service.Status.DEFUNCT)
    ServiceAtLocationFactory(service=hidden)
    ids = [item["id"] for item in _get(client, "service_list")["contents"]]
    assert ids == [str(shown.id)]
    for item in (hidden, closed):
        response = client.get(reverse("directory_api:service_detail", kwargs={"service_id": item.id}))
        assert response.status_code == 404
        assert response.json() == {"error": "Not found"}
    assert _get(client, "service_at_location_list")["contents"] == []


def test_filters(client: Client, service: Service) -> None:
    other = ServiceFactory(name="Allotment group", description="Growing vegetables together.")
    assert [i["id"] for i in _get(client, "service_list", query={"search": "vegetables"})["contents"]] == [
        str(other.id)
    ]
    term = TaxonomyTerm.objects.get(code="peer-support")
    by_term = _get(client, "service_list", query={"taxonomy_term_id": str(term.id)})
    assert [i["id"] for i in by_term["contents"]] == [str(service.id)]
    later = _get(client, "service_list", query={"modified_after": "2999-01-01T00:00:00Z"})
    assert later["contents"] == []
    assert later["empty"] is True
    # Inclusive: the record changed at the very moment asked for is in.
    at = _get(client, "service_list", query={"modified_after": service.last_modified.isoformat()})
    assert str(service.id) in [item["id"] for item in at["contents"]]


def test_paging(client: Client, db: None) -> None:
    ServiceFactory.create_batch(5)
    first = _get(client, "service_list", query={"per_page": 2})
    assert (first["total_items"], first["total_pages"], first["size"]) == (5, 3, 2)
    assert first["first_page"] is True
    assert first["last_page"] is False
    last = _get(client, "service_list", query={"per_page": 2, "page": 3})
    assert (last["size"], last["last_page"]) == (1, True)
    beyond = _get(client, "service_list", query={"per_page": 2, "page": 99})
    assert (beyond["size"], beyond["empty"], beyond["total_items"]) == (0, True, 5)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "-1"},
        {"page": "two"},
        {"per_page": "1000"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"taxonomy_term_id": "'; DROP TABLE directory_service; --"},
        {"modified_after": "yesterday"},
        {"search": "x" * 1000},
        {"postcode": "not a postcode"},
        {"proximity": "500"},
    ],
)
def test_bad_parameters_get_a_clear_json_error(client: Client, query: dict) -> None:
    response = client.get(reverse("directory_api:service_list"), query)
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Some query parameters are not valid."
    assert set(body["fields"]) == set(query)


@pytest.mark.django_db
@pytest.mark.parametrize("search", ["<script>alert(1)</script>", "Zoë 🌻", "' OR 1=1 --", "%", "_"])
def test_nasty_searches_are_just_text(client: Client, search: str) -> None:
    ServiceFactory(name="Walking group")
    assert _get(client, "service_list", query={"search": search})["contents"] == []


def test_unknown_ids_are_json_404s(client: Client, db: None) -> None:
    response = client.get("/api/oruk/services/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json() == {"error": "Not found"}
    assert client.get("/api/oruk/services/not-a-uuid").status_code == 404


def test_api_refuses_writes(client: Client, db: None) -> None:
    assert client.post(reverse("directory_api:service_list")).status_code == 405


def test_service_list_takes_a_fixed_number_of_queries(client: Client, db: None, django_assert_num_queries) -> None:
    ServiceFactory.create_batch(20)
    with django_assert_num_queries(3):  # the count, the page's ids, their rows
        _get(client, "service_list")


def test_a_deep_page_holds_the_right_services_in_order(client: Client, db: None) -> None:
    services = sorted(ServiceFactory.create_batch(7), key=lambda service: (service.name, str(service.id)))
    body = _get(client, "service_list", query={"per_page": 3, "page": 3})
    assert [item["id"] for item in body["contents"]] == [str(services[6].id)]
    body = _get(client, "service_list", query={"per_page": 3, "page": 2})
    assert [item["id"] for item in body["contents"]] == [str(service.id) for service in services[3:6]]


def test_service_detail_takes_a_fixed_number_of_queries(
    client: Client, service: Service, django_assert_num_queries
) -> None:
    with django_assert_num_queries(14):
        _get(client, "service_detail", service_id=service.id)


def test_the_schema_check_catches_bad_records() -> None:
    with pytest.raises(AssertionError, match="status"):
        _assert_valid({"id": "ac148810-d857-441c-9679-408f346de14b", "name": "x"}, _schema("compiled/service.json"))
    with pytest.raises(AssertionError, match="uuid"):
        _assert_valid({"id": "not-a-uuid", "name": "x", "status": "active"}, _schema("compiled/service.json"))
    with pytest.raises(AssertionError, match="date-time"):
        _assert_valid(
            {"id": "ac148810-d857-441c-9679-408f346de14b", "name": "x", "status": "active", "last_modified": "soon"},
            _schema("compiled/service.json"),
        )


def test_service_at_locations_near_a_postcode(client: Client, db: None) -> None:
    from livingwell.directory.postcodes import postcodes_load
    from livingwell.directory.tests.factories import LocationFactory

    postcodes_load(rows=[{"pcds": "KM1 1AA", "lat": "52.2000", "long": "-1.5000"}])
    near = ServiceAtLocationFactory(location=LocationFactory(latitude=52.2010, longitude=-1.5))
    nearer = ServiceAtLocationFactory(location=LocationFactory(latitude=52.2001, longitude=-1.5))
    ServiceAtLocationFactory(location=LocationFactory(latitude=52.3, longitude=-1.5))
    body = _get(client, "service_at_location_list", query={"postcode": "km11aa", "proximity": "500"})
    _assert_page(body, _schema("compiled/service_at_location_list.json"))
    assert [item["id"] for item in body["contents"]] == [str(nearer.id), str(near.id)]
    unknown = client.get(reverse("directory_api:service_at_location_list"), {"postcode": "ZZ1 1ZZ"})
    assert unknown.status_code == 404
    assert "ZZ1 1ZZ" in unknown.json()["error"]


def test_service_at_locations_search_by_text(client: Client, db: None) -> None:
    wanted = ServiceAtLocationFactory(service=ServiceFactory(name="Allotment group"))
    ServiceAtLocationFactory(service=ServiceFactory(name="Choir"))
    body = _get(client, "service_at_location_list", query={"search": "allotment"})
    assert [item["id"] for item in body["contents"]] == [str(wanted.id)]


@pytest.mark.parametrize(
    ("method", "path", "status", "words"),
    [
        ("get", "/api/oruk/nothing-here", 404, "Not found"),
        ("get", "/api/oruk/services/not-a-uuid", 404, "Not found"),
        ("get", "/api/oruk/services/", 404, "Not found"),
        ("post", "/api/oruk/services", 405, "Only GET and HEAD are answered here"),
        (
            "delete",
            "/api/oruk/services/ac148810-d857-441c-9679-408f346de14b",
            405,
            "Only GET and HEAD are answered here",
        ),
        ("get", "/api/oruk/services?page=<script>", 400, None),
    ],
)
def test_every_error_of_the_api_is_json_open_to_other_sites(
    client: Client, db: None, method: str, path: str, status: int, words: str | None
) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    if words:
        assert response.json() == {"error": words}
    if status == 405:
        assert response["Allow"] == "GET, HEAD"


def test_a_failure_on_our_side_is_json_too(client: Client, db: None, monkeypatch) -> None:
    from livingwell.directory import api

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "_services_matching", broken)
    client.raise_request_exception = False
    response = client.get("/api/oruk/services")
    assert response.status_code == 500
    assert response.json() == {"error": "Something went wrong on our side. Try again later."}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "a bug" not in response.content.decode()


def test_pages_outside_the_api_keep_their_own_errors(client: Client, db: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Access-Control-Allow-Origin" not in response


def _ids(client: Client, name: str = "service_list", **query: object) -> set[str]:
    body = _get(client, name, query=query)
    if name == "service_list":
        return {item["id"] for item in body["contents"]}
    return {item["service"]["id"] for item in body["contents"]}


@pytest.fixture
def kinds(db: None) -> dict[str, Service]:
    """Services of two organisations, for several ages, open at several times."""
    from livingwell.directory.models import Schedule

    young = ServiceFactory(name="Youth club", minimum_age=11, maximum_age=18)
    adults = ServiceFactory(name="Adult walk", minimum_age=18, maximum_age=None)
    anyone = ServiceFactory(name="Open café", organization=young.organization)
    Schedule.objects.create(service=young, freq="WEEKLY", byday="TU,TH", opens_at="16:00", closes_at="18:00")
    Schedule.objects.create(service=adults, freq="MONTHLY", byday="2SA", opens_at="10:00", closes_at="12:00")
    at_place = ServiceAtLocationFactory(service=anyone)
    Schedule.objects.create(
        service_at_location=at_place, freq="WEEKLY", byday="MO", opens_at="09:00", closes_at="17:00"
    )
    return {"young": young, "adults": adults, "anyone": anyone}


def test_services_by_organisation_age_day_and_time(client: Client, kinds: dict[str, Service]) -> None:
    young, adults, anyone = (str(kinds[name].id) for name in ("young", "adults", "anyone"))
    assert _ids(client, organization_id=kinds["young"].organization_id) == {young, anyone}
    assert _ids(client, minimum_age=18) == {adults}  # "a minimum age of at least" 18
    assert _ids(client, minimum_age=0) == {young, adults}  # a service giving no age is not counted
    assert _ids(client, maximum_age=18) == {young}  # "a maximum age equal to or below" 18
    assert _ids(client, day="TH") == {young}
    assert _ids(client, day="saturday") == {adults}  # its name, in any case; a monthly "2SA" too
    assert _ids(client, day="Monday") == {anyone}  # opening times of the service at one of its places
    assert _ids(client, start_time="10:00") == {young, adults}  # opening at ten or later
    assert _ids(client, end_time="12:00") == {adults}  # closing by noon
    assert _ids(client, day="TU", start_time="16:00", end_time="18:00") == {young}
    assert _ids(client, day="TU", start_time="17:00") == set()  # one schedule has to fit them all
    assert _ids(client, "service_at_location_list", day="MO") == {anyone}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"organization_id": "not-a-uuid"}, "organization_id"),
        ({"minimum_age": "-1"}, "minimum_age"),
        ({"maximum_age": "ten"}, "maximum_age"),
        ({"day": "Caturday"}, "day"),
        ({"day": "<script>"}, "day"),
        ({"start_time": "25:00"}, "start_time"),
        ({"end_time": "'; DROP TABLE directory_service; --"}, "end_time"),
        ({"minimal": "true", "full": "true"}, "full"),
        ({"per_page": "5000"}, "per_page"),
    ],
)
def test_a_bad_parameter_says_which_and_why(client: Client, db: None, query: dict, field: str) -> None:
    response = client.get(reverse("directory_api:service_list"), query)
    assert response.status_code == 400
    assert list(response.json()["fields"]) == [field]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_minimal_gives_every_id_and_last_change_at_once(client: Client, db: None) -> None:
    services = ServiceFactory.create_batch(60)
    body = _get(client, "service_list", query={"minimal": "true"})
    assert body["total_items"] == body["size"] == 60  # past the usual 50 a page
    assert {item["id"] for item in body["contents"]} == {str(item.id) for item in services}
    assert all(set(item) == {"id", "last_modified"} for item in body["contents"])
    _assert_page(body, {"type": "object"})


def test_full_gives_each_service_as_its_own_page_does_in_a_fixed_number_of_queries(
    client: Client, db: None, django_assert_num_queries
) -> None:
    for _index in range(3):
        full_service()
    one = Service.objects.first()
    with django_assert_num_queries(16):
        body = _get(client, "service_list", query={"full": "true"})
    full_service()
    with django_assert_num_queries(16):
        _get(client, "service_list", query={"full": "true"})
    _assert_page(body, _schema("compiled/service.json"))
    detail = _get(client, "service_detail", service_id=one.id)
    assert next(item for item in body["contents"] if item["id"] == str(one.id)) == detail


def test_the_openapi_served_names_only_what_is_answered(client: Client, db: None) -> None:
    served = _get(client, "openapi")
    parameters = served["components"]["parameters"]
    assert "format" not in parameters  # no ndjson here
    taken = set(api_form_fields("service_list"))
    for path, answered in (("/services", taken), ("/service_at_locations", set(api_form_fields("sal")))):
        named = {ref["$ref"].rsplit("/", 1)[1] for ref in served["paths"][path]["get"]["parameters"]}
        assert named <= answered, named - answered


def api_form_fields(endpoint: str) -> list[str]:
    from livingwell.directory.api import ListParameters, ServiceListParameters

    return list((ServiceListParameters if endpoint == "service_list" else ListParameters).base_fields)


def test_organisations_with_a_published_service_and_their_services(
    client: Client, db: None, django_assert_num_queries
) -> None:
    from livingwell.directory.tests.factories import OrganizationFactory

    garden = ServiceFactory(
        name="Garden club", organization=OrganizationFactory(name="Kingsmere Gardeners")
    ).organization
    ServiceFactory(name="Hidden plot", organization=garden, is_published=False)
    quiet = OrganizationFactory(name="Only hidden listings")
    ServiceFactory(organization=quiet, is_published=False)
    OrganizationFactory(name="No listings at all")
    page = _get(client, "organization_list")
    _assert_page(page, _schema("compiled/organization_list.json"))
    assert [item["id"] for item in page["contents"]] == [str(garden.id)]
    assert _get(client, "organization_list", query={"search": "garden"})["contents"] == page["contents"]
    assert _get(client, "organization_list", query={"search": "nothing like it"})["contents"] == []
    with django_assert_num_queries(2):
        one = _get(client, "organization_detail", organization_id=garden.id)
    _assert_valid(one, _schema("compiled/organization.json"))
    assert [service["name"] for service in one["services"]] == ["Garden club"]  # never the hidden one
    whole = _get(client, "organization_detail", organization_id=garden.id, query={"full_service": "true"})
    _assert_valid(whole, _schema("compiled/organization.json"))
    garden_club = Service.objects.get(name="Garden club")
    assert whole["services"] == [_get(client, "service_detail", service_id=garden_club.id)]  # each whole
    for hidden in (quiet, OrganizationFactory()):
        response = client.get(reverse("directory_api:organization_detail", kwargs={"organization_id": hidden.id}))
        assert (response.status_code, response.json()) == (404, {"error": "Not found"})
    assert client.get(reverse("directory_api:organization_list"), {"per_page": "0"}).status_code == 400


def test_the_openapi_served_has_the_organisation_paths(client: Client, db: None) -> None:
    served = _get(client, "openapi")
    assert {"/organizations", "/organizations/{id}"} <= set(served["paths"])
    assert "full_service" in served["components"]["parameters"]
