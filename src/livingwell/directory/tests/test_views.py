"""The public directory through HTTP: search, filters, the service page, and bad input."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.directory.models import Accessibility, Language, Schedule, Service, TaxonomyTerm
from livingwell.directory.postcodes import postcodes_load
from livingwell.directory.taxonomy import TAXONOMY_ID
from livingwell.directory.tests.factories import (
    AddressFactory,
    LocationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    full_service,
)

SEARCH = reverse("directory:search")


def _names(response) -> list[str]:
    return [result.service.name for result in response.context["results"].results]


@pytest.fixture
def place(db: None) -> None:
    postcodes_load(
        rows=[
            {"pcds": "KM1 1AA", "lat": "52.2000", "long": "-1.5000"},
            {"pcds": "KM9 9ZZ", "lat": "52.3000", "long": "-1.5000"},
        ]
    )


def _at(service: Service, latitude: float, longitude: float) -> None:
    location = LocationFactory(latitude=latitude, longitude=longitude)
    AddressFactory(location=location)
    ServiceAtLocationFactory(service=service, location=location)


@pytest.mark.django_db
def test_search_by_text_and_category(client: Client) -> None:
    walking = ServiceFactory(name="Walking group", description="Gentle walks.")
    ServiceFactory(name="Debt advice", description="Money help.")
    walking.attributes.create(taxonomy_term=TaxonomyTerm.objects.get(code="physical-activity"))
    assert _names(client.get(SEARCH, {"q": "walk"})) == ["Walking group"]
    assert _names(client.get(SEARCH, {"category": "physical-activity"})) == ["Walking group"]
    assert _names(client.get(SEARCH)) == ["Debt advice", "Walking group"]


@pytest.mark.django_db
def test_search_near_a_postcode_sorts_by_distance_and_drops_faraway(client: Client, place: None) -> None:
    near = ServiceFactory(name="Near")
    nearer = ServiceFactory(name="Nearer")
    far = ServiceFactory(name="Far away")
    _at(near, 52.2100, -1.5000)
    _at(nearer, 52.2010, -1.5000)
    _at(far, 52.5000, -1.5000)
    response = client.get(SEARCH, {"postcode": "km1 1aa", "miles": "3"})
    assert _names(response) == ["Nearer", "Near"]
    html = response.content.decode()
    assert "0.1 miles away" in html
    assert "near KM1 1AA" in html
    assert far.name not in html


@pytest.mark.django_db
def test_an_unknown_postcode_gets_a_message_and_the_search_still_works(client: Client, place: None) -> None:
    ServiceFactory(name="Anything")
    response = client.get(SEARCH, {"postcode": "ZZ1 1ZZ"})
    assert _names(response) == ["Anything"]
    assert "We do not know where ZZ1 1ZZ is" in response.content.decode()


@pytest.mark.django_db
def test_a_malformed_postcode_gets_an_error_and_the_search_still_works(client: Client) -> None:
    ServiceFactory(name="Anything")
    response = client.get(SEARCH, {"postcode": "not a postcode"})
    html = response.content.decode()
    assert "Enter a full UK postcode, like KM1 1AA" in html
    assert "govuk-error-summary" in html
    assert _names(response) == ["Anything"]


def _open_all_week(service: Service) -> None:
    Schedule.objects.create(
        service=service,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at=datetime.time(0),
        closes_at=datetime.time(23, 59, 59),
    )


@pytest.mark.django_db
def test_open_now(client: Client) -> None:
    always = ServiceFactory(name="Always open")
    never = ServiceFactory(name="Never open")
    _open_all_week(always)
    today = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][timezone.localdate().weekday()]
    other_day = "MO" if today != "MO" else "TU"
    Schedule.objects.create(
        service=never, freq="WEEKLY", byday=other_day, opens_at=datetime.time(0), closes_at=datetime.time(23, 59)
    )
    assert _names(client.get(SEARCH, {"open_now": "on"})) == ["Always open"]


@pytest.mark.django_db
def test_free_language_and_accessibility_filters(client: Client) -> None:
    free = ServiceFactory(name="Free one", fees_description="Free")
    ServiceFactory(name="Paid one", fees_description="£5")
    Language.objects.create(service=free, name="Polish")
    location = LocationFactory()
    Accessibility.objects.create(location=location, description="Step-free entrance")
    ServiceAtLocationFactory(service=free, location=location)
    assert _names(client.get(SEARCH, {"free": "on"})) == ["Free one"]
    assert _names(client.get(SEARCH, {"language": "Polish"})) == ["Free one"]
    assert _names(client.get(SEARCH, {"access": ["step-free"]})) == ["Free one"]


@pytest.mark.django_db
def test_unpublished_listings_are_not_shown(client: Client) -> None:
    hidden = ServiceFactory(name="Hidden", is_published=False)
    assert _names(client.get(SEARCH)) == []
    assert client.get(reverse("directory:service_detail", kwargs={"service_id": hidden.pk})).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 5000},
        {"q": "<script>alert(1)</script>"},
        {"q": "'; DROP TABLE directory_service; --"},
        {"q": "Zoë 🌻 مرحبا"},
        {"q": "%_%"},
        {"category": "no-such-category"},
        {"kind": "spaceship"},
        {"language": "Klingon"},
        {"miles": "-4"},
        {"access": ["teleporter"]},
        {"page": "-1"},
        {"page": "99999"},
        {"page": "🙂"},
        {"postcode": "<b>KM1</b>"},
    ],
)
def test_bad_input_gets_a_page_not_an_error(client: Client, params: dict) -> None:
    ServiceFactory(name="Walking group")
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "<b>KM1</b>" not in response.content.decode()


@pytest.mark.django_db
def test_pagination(client: Client) -> None:
    for index in range(25):
        ServiceFactory(name=f"Group {index:02d}")
    first = client.get(SEARCH)
    assert len(_names(first)) == 20
    assert "Page 1 of 2" in first.content.decode()
    assert _names(client.get(SEARCH, {"page": "2"})) == [f"Group {index}" for index in range(20, 25)]
    assert _names(client.get(SEARCH, {"page": "9"})) == _names(client.get(SEARCH, {"page": "2"}))


@pytest.mark.django_db
def test_search_takes_a_fixed_number_of_queries(client: Client, django_assert_num_queries) -> None:
    for _ in range(20):
        full_service()
    # categories and languages for the form, count, page, then places and their addresses
    with django_assert_num_queries(6):
        response = client.get(SEARCH)
    assert len(_names(response)) == 20


@pytest.mark.django_db
def test_the_service_page_says_everything_in_plain_words(client: Client) -> None:
    service = full_service(name="Listening Space")
    response = client.get(reverse("directory:service_detail", kwargs={"service_id": service.pk}))
    html = response.content.decode()
    assert "Listening Space" in html
    assert "Anyone can use this" in html
    assert "Monday to Friday, 9am to 5pm" in html
    assert "Second Thursday of the month, from 6pm" in html
    assert "How to get there" in html
    assert "Bus 12 stops outside." in html
    assert "Step-free entrance and a hearing loop." in html
    assert "0300 000 0001" in html
    assert "Polish" in html
    assert "1 October 2026" in html
    assert "may be out of date" not in html


@pytest.mark.django_db
def test_eligibility_and_stale_listings(client: Client) -> None:
    service = ServiceFactory(eligibility_description="Carers aged 18 and over", assured_date=datetime.date(2020, 1, 1))
    html = client.get(reverse("directory:service_detail", kwargs={"service_id": service.pk})).content.decode()
    assert "Carers aged 18 and over" in html
    assert "Anyone can use this" not in html
    assert "This listing may be out of date" in html


@pytest.mark.django_db
def test_a_service_with_no_location_still_has_a_page(client: Client) -> None:
    service = ServiceFactory(name="Phone line")
    response = client.get(reverse("directory:service_detail", kwargs={"service_id": service.pk}))
    assert response.status_code == 200
    assert _names(client.get(SEARCH, {"q": "phone"})) == ["Phone line"]


@pytest.mark.django_db
def test_demo_directory_has_sixty_listings_across_every_category() -> None:
    from livingwell.directory.demo import directory_demo_load

    assert directory_demo_load() >= 60
    assert directory_demo_load() >= 60  # again, changing nothing
    assert Service.objects.count() >= 60
    used = set(Service.objects.values_list("attributes__taxonomy_term__code", flat=True))
    assert set(TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID).values_list("code", flat=True)) <= used
    assert {"walking", "running", "gardening"} <= used  # OpenActive's, from the demo's own feed
    assert set(Service.objects.values_list("kind", flat=True)) == set(Service.Kind)


@pytest.mark.django_db
def test_full_text_search_ranks_names_above_descriptions_and_stems_words(client: Client) -> None:
    ServiceFactory(name="Allotment", description="Growing vegetables, and gentle walking between the beds.")
    ServiceFactory(name="Walking group", description="Every Saturday.")
    ServiceFactory(name="Choir", description="Singing.")
    assert _names(client.get(SEARCH, {"q": "walks"})) == ["Walking group", "Allotment"]
    assert set(_names(client.get(SEARCH, {"q": "singing and walking"}))) == {"Walking group", "Allotment", "Choir"}
    assert _names(client.get(SEARCH, {"q": "the"})) == []


@pytest.mark.django_db
def test_full_text_search_sees_changes_at_once(client: Client) -> None:
    service = ServiceFactory(name="Choir", description="Singing.")
    Service.objects.filter(pk=service.pk).update(description="Singing and ukulele.")
    assert _names(client.get(SEARCH, {"q": "ukulele"})) == ["Choir"]
    service.delete()
    assert _names(client.get(SEARCH, {"q": "ukulele"})) == []


@pytest.mark.django_db
def test_the_map_shows_the_same_search_with_the_list_always_offered(client: Client, place: None) -> None:
    walking = ServiceFactory(name="Walking group")
    _at(walking, 52.2010, -1.5000)
    ServiceFactory(name="Online only")
    response = client.get(reverse("directory:map"), {"q": "walking", "postcode": "KM1 1AA"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "See these results as a list" in html
    assert 'href="/directory/?q=walking&amp;postcode=KM1+1AA"' in html
    data = response.context["map_data"]
    assert [[listing["name"] for listing in place["listings"]] for place in data["places"]] == [["Walking group"]]
    assert data["centre"] == {"latitude": 52.2, "longitude": -1.5}
    assert data["tiles"] == ""
    assert "The map needs JavaScript" in html


@pytest.mark.django_db
def test_a_configured_tile_server_is_allowed_by_the_content_security_policy(client: Client, settings) -> None:
    from livingwell.core.settings_helpers import tile_origins

    assert tile_origins("https://{s}.tile.example.org/{z}/{x}/{y}.png") == ["https://*.tile.example.org"]
    assert tile_origins("") == []
    assert "tile.example.org" not in client.get(reverse("directory:map"))["Content-Security-Policy"]


@pytest.mark.django_db
def test_text_with_every_other_filter_at_once(client: Client, place: None) -> None:
    walking = ServiceFactory(name="Walking group", fees_description="Free")
    walking.attributes.create(taxonomy_term=TaxonomyTerm.objects.get(code="physical-activity"))
    _open_all_week(walking)
    _at(walking, 52.2010, -1.5)
    every = {"q": "walking", "category": "physical-activity", "open_now": "on", "free": "on"}
    assert _names(client.get(SEARCH, every)) == ["Walking group"]
    assert _names(client.get(SEARCH, {**every, "postcode": "KM1 1AA"})) == ["Walking group"]
    assert client.get(reverse("directory:map"), every).status_code == 200


@pytest.mark.django_db
def test_near_a_postcode_finds_exactly_what_the_whole_directory_search_finds(client: Client, place: None) -> None:
    """Near a postcode, places come first and their listings are checked one by one: same answers."""
    walking_term = TaxonomyTerm.objects.get(code="physical-activity")
    listings = {
        "Walking group": ("Gentle walks", True, True),
        "Walkers' café": ("Tea after walking", False, True),
        "Choir": ("Singing together", True, True),
        "Hidden walk": ("Walks, but not published", True, False),
        "Running club": ("Runs and a walk home", True, True),
    }
    for name, (description, in_category, published) in listings.items():
        service = ServiceFactory(name=name, description=description, is_published=published)
        if in_category:
            service.attributes.create(taxonomy_term=walking_term)
        _at(service, 52.2010, -1.5)
        _at(service, 52.2020, -1.5)  # two places: still listed once
    for params in (
        {"q": "walking"},
        {"q": "walks", "category": "physical-activity"},
        {"category": "physical-activity"},
        {"q": "singing or running"},
        {"q": "<script>alert(1)</script> walk"},
        {"q": "'; DROP TABLE directory_service; --"},
    ):
        everywhere = sorted(_names(client.get(SEARCH, params)))
        near = sorted(_names(client.get(SEARCH, {**params, "postcode": "KM1 1AA"})))
        assert near == everywhere, params
    assert sorted(_names(client.get(SEARCH, {"q": "walks", "postcode": "KM1 1AA"}))) == [
        "Running club",
        "Walkers' café",
        "Walking group",
    ]
