"""A visitor finds support in the directory, in a real browser, with axe on every page."""

import datetime
import uuid

import pytest
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.directory.demo import directory_demo_load
from livingwell.directory.models import Neighbour, Schedule, Service
from livingwell.directory.neighbours import neighbour_fetch
from livingwell.directory.tests.test_neighbours import START, Feed
from tests.browser.conftest import check_page, staff_signed_in


@pytest.mark.django_db(transaction=True)
def test_a_visitor_finds_a_service_by_text_category_postcode_and_open_now(page: Page, live_server) -> None:
    directory_demo_load()
    # Open round the clock, so "open now" finds it whenever the tests run.
    sanctuary = Service.objects.get(name="Evening Sanctuary")
    Schedule.objects.filter(service_at_location__service=sanctuary).update(
        byday="MO,TU,WE,TH,FR,SA,SU", opens_at=datetime.time(0), closes_at=datetime.time(23, 59, 59)
    )

    page.goto(live_server.url)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find support").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find support in Kingsmere")
    check_page(page)

    page.get_by_label("What are you looking for?").fill("walk")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".lw-result h3")).to_contain_text(["Men's Walk and Talk"])
    check_page(page)

    page.get_by_label("What are you looking for?").fill("")
    page.get_by_label("Category").select_option(label="Peer support")
    page.get_by_label("Near a postcode").fill("km1 1aa")
    page.get_by_label("Distance").select_option(label="Within 3 miles")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results-heading")).to_contain_text("near KM1 1AA")
    expect(page.locator(".lw-result__meta").first).to_contain_text("miles away")
    check_page(page, screenshot="directory-search")

    page.get_by_label("Category").select_option(label="All categories")
    page.get_by_label("Open now").check()
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".lw-result h3")).to_contain_text(["Evening Sanctuary"])
    check_page(page)

    page.get_by_role("link", name="Evening Sanctuary").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evening Sanctuary")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Anyone can use this")
    expect(page.get_by_text("How to get there")).to_be_visible()
    check_page(page, screenshot="directory-service")

    page.get_by_role("button", name="Add to my list").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Added to your list")
    page.get_by_role("link", name="See your list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your list")
    expect(page.get_by_role("button", name="Print your list")).to_be_visible()
    check_page(page, screenshot="my-list")
    page.get_by_role("link", name="Email it to yourself").click()
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    check_page(page)
    page.get_by_label("Your email address").fill("me@example.org")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("We have sent your list")
    check_page(page)
    page.get_by_role("link", name="Evening Sanctuary").click()

    page.get_by_role("link", name="Report something wrong with this listing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report something wrong")
    check_page(page)
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Tell us what is wrong")
    check_page(page)
    page.get_by_label("What is wrong?").fill("It now opens at 7pm.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for telling us")
    check_page(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Find support").click()
    page.get_by_label("Near a postcode").fill("nowhere")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_title("Error: Find support – Living Well Kingsmere")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a full UK postcode")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_provider_editor_updates_their_listing(page: Page, live_server) -> None:
    from livingwell.accounts.models import Role
    from livingwell.directory.models import ListingReport, Organization

    directory_demo_load()
    ListingReport.objects.create(
        service=Service.objects.get(name="Community Lunch"),
        message="The lunch is on Fridays too now.",
        submission_id=uuid.uuid4(),
    )
    pat = staff_signed_in(page, live_server.url, "pat", Role.PROVIDER_EDITOR)
    pat.organisations.add(Organization.objects.get(name="Canal Side Community Kitchen"))

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your listings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your listings")
    check_page(page, screenshot="your-listings")

    page.get_by_role("link", name="1 report of something wrong to look at").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("The lunch is on Fridays too now.")
    check_page(page)
    page.get_by_role("button", name="Mark as dealt with").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Marked as dealt with")
    check_page(page)
    page.get_by_role("link", name="Your listings").first.click()

    page.get_by_role("link", name="Community Lunch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change Community Lunch")
    check_page(page)
    page.get_by_label("What it is, in plain words").fill("")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what it is")
    check_page(page)

    # The wording checked first: suggestions, nothing saved, and the editor may still save as it is.
    page.get_by_label("What it is, in plain words").fill("We facilitate a holistic lunch for each SU.")
    page.get_by_role("button", name="Check the wording first").click()
    suggestions = page.locator("#plain-words")
    expect(suggestions).to_contain_text("Spell out “SU” the first time you use it")
    expect(suggestions).to_contain_text("Try “about your whole life” instead of “holistic”")
    expect(page.get_by_label("What it is, in plain words")).to_have_value("We facilitate a holistic lunch for each SU.")
    check_page(page)

    page.get_by_label("What it is, in plain words").fill("A hot lunch and good company, every weekday.")
    page.get_by_label("Anything people must know now").fill("Closed on bank holidays.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your changes are live")
    check_page(page)

    page.get_by_role("row").filter(has_text="Community Lunch").get_by_role("button", name="It is still correct").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Thank you for checking Community Lunch")
    check_page(page)

    page.goto(f"{live_server.url}/directory/?q=lunch")
    page.get_by_role("link", name="Community Lunch").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("Closed on bank holidays.")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_visitor_sees_results_on_a_map_without_a_tile_server(page: Page, live_server) -> None:
    directory_demo_load()
    page.goto(f"{live_server.url}/directory/?category=peer-support")
    page.get_by_role("link", name="Show these results on a map").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Map of support in Kingsmere")
    markers = page.locator(".leaflet-marker-icon")
    expect(markers.first).to_be_visible()
    assert markers.count() >= 5
    check_page(page, screenshot="directory-map")
    markers.first.press("Enter")  # markers work from the keyboard too
    link = page.locator(".leaflet-popup-content a").first
    name = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.go_back()
    page.get_by_role("link", name="See these results as a list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find support in Kingsmere")


@pytest.mark.django_db(transaction=True)
def test_an_administrator_adds_a_neighbouring_directory_and_its_listings_are_found_marked(
    page: Page, live_server
) -> None:
    staff_signed_in(page, live_server.url, "ada", Role.ADMINISTRATOR)
    page.goto(f"{live_server.url}/admin/directory/neighbour/add/")
    check_page(page, admin=True)
    page.get_by_label("Name").fill("Northgate Living Well")
    page.get_by_label("Address of its Open Referral UK API").fill("https://north.example/api/oruk")
    page.get_by_label("Its website").fill("https://north.example/")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    check_page(page, admin=True)

    feed = Feed()
    feed.put("Riverside walk", at=START)
    neighbour_fetch(Neighbour.objects.get(), fetch=feed)  # as the hourly fetch does, with a feed in memory
    page.locator("#result_list").get_by_role("link", name="Northgate Living Well").click()
    expect(page.locator(".field-fetch_result")).to_contain_text("1 new, 0 changed")
    check_page(page, admin=True)
    walk = Service.objects.get(name="Riverside walk")
    page.goto(f"{live_server.url}/admin/directory/service/{walk.pk}/change/")
    expect(page.get_by_role("button", name="Save", exact=True)).to_have_count(0)  # seen here, kept there
    check_page(page, admin=True)

    page.goto(f"{live_server.url}/directory/?q=riverside")
    result = page.locator(".lw-result").filter(has_text="Riverside walk")
    expect(result).to_contain_text("From Northgate Living Well")
    check_page(page)
    result.get_by_role("link", name="Riverside walk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Riverside walk")
    expect(page.get_by_role("link", name="Tell Northgate Living Well if something is wrong")).to_be_visible()
    expect(page.get_by_role("link", name="Report something wrong with this listing")).to_have_count(0)
    check_page(page)
