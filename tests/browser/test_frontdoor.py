"""The front door in a real browser, with axe on every page in every state."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.conftest import worker_run
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.tests.factories import GuideProfileFactory, episode_closed
from tests.browser.conftest import check_page, staff_signed_in

BORN = datetime.date(1985, 3, 27)


def _continue(page: Page) -> None:
    page.get_by_role("button", name="Continue").click()


def _answer_the_rest(page: Page, *, words: str = "I have been low since I lost my job.") -> None:
    _continue(page)  # date of birth: may be left out
    page.get_by_label("Phone call").check()
    page.get_by_label("Phone number").fill("07700 900982")
    page.get_by_label("No, please do not leave a message").check()
    _continue(page)
    page.get_by_role("textbox").first.fill(words)
    _continue(page)
    _continue(page)  # what matters: may be left out
    _continue(page)  # what would help
    _continue(page)  # access and language
    _continue(page)  # GP
    page.get_by_role("link", name="Skip these questions").click()


@pytest.mark.django_db(transaction=True)
def test_a_person_introduces_themselves_and_gets_a_reference(page: Page, live_server) -> None:
    page.goto(live_server.url)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Introduce yourself").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Introduce yourself to the Living Well Network")
    expect(page.locator(".govuk-warning-text")).to_contain_text("This is not a crisis service")
    check_page(page, screenshot="frontdoor-start")
    page.get_by_role("button", name="Start now").click()

    _continue(page)  # nothing chosen: an error, in an accessible state
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select who this introduction is for")
    assert page.title().startswith("Error:")
    check_page(page)
    page.get_by_role("radio", name="Me", exact=True).check()
    _continue(page)

    page.get_by_label("What name would you like us to call you?").fill("Sam")
    _continue(page)
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("1985")
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    check_page(page)
    page.get_by_label("Day").fill("27")
    page.get_by_label("Month").fill("3")
    _continue(page)
    page.get_by_role("checkbox", name="Email").check()
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an email address")
    check_page(page, screenshot="frontdoor-question-error")
    page.get_by_role("checkbox", name="Email").uncheck()
    page.get_by_label("Phone call").check()
    page.get_by_label("Phone number").fill("07700 900982")
    page.get_by_label("No, please do not leave a message").check()
    _continue(page)

    page.get_by_label("What is going on for you at the moment?").fill("I have been low since I lost my job.")
    _continue(page)
    page.get_by_label("What matters to you?").fill("My dog, and my brother")
    page.get_by_label("What do you enjoy?").fill("Walking by the river")
    page.get_by_label("What are you good at?").fill("Fixing bikes")
    check_page(page, screenshot="frontdoor-question")
    _continue(page)
    page.get_by_label("Taking part: friends, community, work, money, housing or learning").check()
    _continue(page)
    check_page(page)
    _continue(page)
    check_page(page)
    _continue(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Equality monitoring (optional)")
    check_page(page)
    page.get_by_role("link", name="Skip these questions").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending")
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Me")
    check_page(page, screenshot="frontdoor-check-answers")
    page.get_by_role("link", name="Change what name would you like us to call you?").click()
    page.get_by_label("What name would you like us to call you?").fill("Sammy")
    _continue(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending")
    expect(page.locator(".govuk-summary-list").nth(1)).to_contain_text("Sammy")
    page.get_by_role("button", name="Send introduction").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Introduction sent")
    introduction = Introduction.objects.get()
    expect(page.locator(".govuk-panel__body")).to_contain_text(introduction.reference)
    assert introduction.preferred_name == "Sammy"
    assert introduction.good_at == "Fixing bikes"
    assert str(introduction.date_of_birth) == "1985-03-27"
    check_page(page, screenshot="frontdoor-sent")


@pytest.mark.django_db(transaction=True)
def test_someone_introduces_a_person_who_has_agreed(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}/introduce/who/")
    page.get_by_label("Someone else, who has agreed to this").check()
    _continue(page)
    page.get_by_label("A friend").check()
    page.get_by_label("Your name").fill("Alex")
    page.get_by_label("How can we reach you?").fill("alex@example.org")
    _continue(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm that they have agreed")
    check_page(page)
    page.get_by_label("They know about this introduction and have agreed to it").check()
    _continue(page)
    page.get_by_label("What name would they like us to call them?").fill("Jo")
    check_page(page)
    _continue(page)
    _answer_the_rest(page)
    check_page(page)
    page.get_by_role("button", name="Send introduction").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Introduction sent")
    check_page(page)
    introduction = Introduction.objects.get()
    assert (introduction.for_whom, introduction.introducer_name, introduction.preferred_name) == (
        "someone_else",
        "Alex",
        "Jo",
    )


@pytest.mark.django_db(transaction=True)
def test_the_urgent_path_shows_crisis_routes_at_once(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}/introduce/who/")
    page.get_by_role("radio", name="Me", exact=True).check()
    _continue(page)
    page.get_by_label("What name would you like us to call you?").fill("Kit")
    _continue(page)
    _answer_the_rest(page, words="I don't want to be here. I want to die.")
    expect(page.get_by_role("alert")).to_contain_text("may not be safe right now")
    expect(page.get_by_role("alert")).to_contain_text("116 123")
    check_page(page, screenshot="frontdoor-urgent")
    page.get_by_role("button", name="Send introduction").click()
    expect(page.get_by_role("alert")).to_contain_text("This is not a crisis service")
    check_page(page)
    assert Introduction.objects.get().is_urgent


@pytest.mark.django_db(transaction=True)
def test_a_duty_worker_sees_urgent_introductions_first_and_takes_one(page: Page, live_server) -> None:
    ServiceFactory(name="Community garden", description="Growing food together")
    IntroductionFactory(preferred_name="Robin")
    IntroductionFactory(preferred_name="Kit", is_urgent=True, urgent_phrases=["want to die"])
    staff_signed_in(page, live_server.url, "dee", Role.DUTY_WORKER)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Duty queue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Duty queue")
    expect(page.locator("tbody tr").first).to_contain_text("Kit")
    expect(page.locator("tbody tr").first).to_contain_text("Urgent")
    check_page(page, screenshot="duty-queue")

    page.locator("tbody tr").first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kit")
    expect(page.locator(".govuk-warning-text")).to_contain_text("want to die")
    check_page(page)
    page.get_by_role("button", name="Take this introduction").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have taken this introduction")
    check_page(page)

    page.get_by_role("link", name="Record a contact attempt").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select what happened")
    check_page(page)
    page.get_by_label("Called and spoke to them").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact attempt recorded")

    page.get_by_role("link", name="Record the first conversation").click()
    page.get_by_label("What matters to them").fill("Their cat; their allotment")
    page.get_by_label("Their strengths, interests and connections").fill("Grows vegetables; a good neighbour")
    page.get_by_label("The next step you agreed").fill("Try the community garden on Saturday")
    check_page(page, screenshot="duty-first-conversation")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("First conversation recorded")

    page.get_by_role("link", name="Route this introduction").click()
    page.get_by_label("Find services in the directory").fill("garden")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Community support: an introduction to a network service").check()
    page.get_by_label("Community garden").check()
    check_page(page, screenshot="duty-route")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Introduction routed")
    expect(page.get_by_text("Community garden", exact=True)).to_be_visible()
    check_page(page, screenshot="duty-introduction")
    page.get_by_role("link", name="Duty queue").first.click()
    expect(page.locator("tbody tr")).to_have_count(1)  # Kit has gone on; Robin waits


@pytest.mark.django_db(transaction=True)
def test_the_hub_manager_reads_waiting_times_and_routes(page: Page, live_server) -> None:
    IntroductionFactory(route="closed", status="routed", route_reason="Found support elsewhere")
    IntroductionFactory()
    staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Waiting times").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Waiting times and routes")
    expect(page.get_by_role("table").nth(1)).to_contain_text("Closed")
    check_page(page, screenshot="hub-waiting-times")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("route", "service", "reason"),
    [
        ("Information: services they can contact themselves", "Debt advice drop-in", ""),
        ("Secondary care: an introduction to the mental health trust", "", "Needs the early intervention team"),
        ("Closed", "", "They found support elsewhere"),
    ],
)
def test_a_duty_worker_routes_an_introduction(page: Page, live_server, route: str, service: str, reason: str) -> None:
    ServiceFactory(name="Debt advice drop-in", description="Money help")
    introduction = IntroductionFactory(preferred_name="Ash", email="ash@example.org")
    staff_signed_in(page, live_server.url, "dee", Role.DUTY_WORKER)
    page.goto(f"{live_server.url}/hub/introductions/{introduction.pk}/route/")
    page.get_by_label(route).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()  # a service or a reason is needed
    check_page(page)
    if service:
        page.get_by_label("Find services in the directory").fill("debt")
        page.get_by_role("button", name="Search").click()
        page.get_by_label(route).check()
        page.get_by_label(service).check()
    if reason:
        page.get_by_label("Why").fill(reason)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Introduction routed")
    check_page(page)
    introduction.refresh_from_db()
    assert introduction.status == "routed"
    if route.startswith("Secondary care"):  # the structured referral, to upload by hand here (decision 0064)
        expect(page.get_by_text("This site is not connected to the trust's system")).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download the referral (FHIR file)").click()
        assert download.value.suggested_filename == f"referral-{introduction.reference}.json"
        bundle = json.loads(Path(download.value.path()).read_text())
        assert [entry["resource"]["resourceType"] for entry in bundle["entry"]] == [
            "Patient",
            "Organization",
            "ServiceRequest",
        ]


@pytest.mark.django_db(transaction=True)
def test_easy_in_a_duty_worker_links_someone_known_and_reopens_their_episode(page: Page, live_server) -> None:
    known = PersonFactory(preferred_name="Sam Jones", date_of_birth=BORN, phone="07700 900982")
    GuideProfileFactory(name="Ana")
    ben = GuideProfileFactory(name="Ben", about="I grew up here. I like music and cooking.")
    episode = episode_closed(known, ben.user)
    introduction = IntroductionFactory(
        preferred_name="Sam", date_of_birth=datetime.date(1985, 3, 28), phone="+44 7700 900982"
    )
    staff_signed_in(page, live_server.url, "dee", Role.DUTY_WORKER)
    page.goto(f"{live_server.url}/hub/introductions/{introduction.pk}/")
    expect(page.locator(".govuk-inset-text").first).to_contain_text("Possible matches")
    expect(page.locator(".govuk-summary-card")).to_contain_text("Date of birth one typing slip apart")
    check_page(page, screenshot="duty-possible-match")
    page.get_by_role("button", name="Link to Sam Jones").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Linked")
    check_page(page)

    page.get_by_role("link", name="Route this introduction").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("Hub support reopens it")
    page.get_by_label("Hub support: an episode with a personal guide").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select their personal guide")
    check_page(page)
    page.get_by_label("Hub support: an episode with a personal guide").check()
    page.get_by_role("radio", name=re.compile(r"^Ben: I grew up here")).check()
    page.get_by_label("They chose this guide themselves").check()
    check_page(page, screenshot="duty-route-hub-support")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Introduction routed")
    expect(page.get_by_text("Episode of support: Reopened, with personal guide Ben.")).to_be_visible()
    check_page(page)
    episode.refresh_from_db()
    assert (episode.status, episode.guide_chosen_by_person) == ("open", True)


@pytest.mark.django_db(transaction=True)
def test_a_person_sees_what_their_introduction_recorded_through_a_one_time_link(page: Page, live_server) -> None:
    introduction = IntroductionFactory(preferred_name="Sam", email="sam@example.org", good_at="Fixing bikes")
    page.goto(f"{live_server.url}/introduce/")
    page.get_by_role("link", name="See what we recorded").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("See what we recorded from your introduction")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your reference")
    check_page(page)
    page.get_by_label("Your reference").fill(introduction.reference)
    page.get_by_label("The email address or mobile number you gave us").fill("sam@example.org")
    check_page(page, screenshot="own-record-ask")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email or text messages")
    check_page(page)

    worker_run()
    (message,) = mail.outbox
    link = re.search(r"http\S+", message.body)
    assert link is not None
    page.goto(link.group(0).replace(settings.LW_SITE_URL, live_server.url))
    check_page(page)
    page.get_by_role("button", name="Show my record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What we recorded from your introduction")
    expect(page.locator("main")).to_contain_text("Fixing bikes")
    check_page(page, screenshot="own-record")

    page.goto(link.group(0).replace(settings.LW_SITE_URL, live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has been used or has expired")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_guide_writes_their_profile_and_people_read_it(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "ana", Role.PERSONAL_GUIDE)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your guide profile").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the name people call you")
    check_page(page)
    page.get_by_label("The name people call you").fill("Ana")
    page.get_by_label("About you").fill("I was a youth worker for ten years. I love football and walks by the river.")
    page.get_by_label("Languages you speak").fill("English and Portuguese")
    page.get_by_label("Taking new people").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your profile is saved")
    check_page(page)
    page.get_by_role("link", name="See the public page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose your personal guide")
    expect(page.locator(".govuk-summary-card")).to_contain_text("Speaks English and Portuguese.")
    check_page(page, screenshot="personal-guides")
