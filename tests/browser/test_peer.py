"""Peer support in a real browser, with axe on every page and state: a person chooses a peer supporter from
the profiles, the peer accepts and records a session with a worry, the person reads their note, and their
guide sees the worry from the episode; a peer's supervision; a peer group counted, never named, and a
sessional peer's payment approved against their yearly limit."""

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.directory.models import Attribute, TaxonomyTerm
from livingwell.directory.taxonomy import default_taxonomy_ensure
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.peer.tests.factories import profile_for, sessional
from livingwell.people.tests.factories import PersonFactory
from livingwell.safety.models import RiskFlag
from livingwell.support.tests.factories import EpisodeFactory
from tests.browser.conftest import check_page, fill_date, sign_in, staff_signed_in


@pytest.mark.django_db(transaction=True)
def test_a_person_chooses_a_peer_who_records_a_session_and_a_worry(
    page: Page, other_page: Page, browser: Browser, live_server
) -> None:
    person_user = UserFactory(username="jo", role=Role.PERSON)
    person = PersonFactory(user=person_user, preferred_name="Jo", email="jo@example.org")
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    guide_page = context.new_page()
    guide = staff_signed_in(guide_page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(person=person, guide=guide)
    priya = staff_signed_in(other_page, live_server.url, "priya", Role.PEER_SUPPORTER)
    profile_for(priya, name="Priya")

    sign_in(page, live_server.url, "jo")
    page.goto(f"{live_server.url}/peer-support/")
    check_page(page, screenshot="peer-profiles")
    page.get_by_role("link", name="Priya").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya")
    check_page(page)
    page.get_by_label("A few words for them (optional)").fill("I'd like company at the walking group.")
    page.get_by_role("button", name="Ask").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Priya has been asked")
    check_page(page)

    # Priya accepts, and records a session with a worry.
    other_page.goto(f"{live_server.url}/peer-support/work/")
    check_page(other_page)
    other_page.get_by_role("link", name="Jo").click()
    expect(other_page.get_by_text("jo@example.org")).to_be_visible()
    check_page(other_page)
    other_page.get_by_role("button", name="Accept").click()
    other_page.get_by_role("button", name="Record the session").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Write a short note for them")
    check_page(other_page)
    today = timezone.localdate()
    fill_date(other_page, "Date", today)
    other_page.get_by_label("Where").fill("The canal walking group")
    other_page.get_by_label("A short note for them").fill("We walked to the lock and back. You chatted to Rosa.")
    other_page.get_by_label("Anything worrying you").fill("Jo said she has not been eating and feels very low.")
    other_page.get_by_role("button", name="Record the session").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("Your worry has gone to their guide")
    check_page(other_page, screenshot="peer-session")

    # Jo reads the note, and not the worry.
    page.goto(f"{live_server.url}/peer-support/mine/")
    expect(page.get_by_text("We walked to the lock and back.")).to_be_visible()
    expect(page.get_by_text("has not been eating")).to_have_count(0)
    check_page(page)

    # Her guide sees the worry, from her episode and as a safety flag.
    assert RiskFlag.objects.get().guide == guide
    guide_page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    guide_page.get_by_role("link", name="Their peer support").click()
    expect(guide_page.get_by_text("has not been eating")).to_be_visible()
    check_page(guide_page)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_peer_is_supervised_and_checks_in(page: Page, other_page: Page, live_server) -> None:
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE, first_name="Gabriel")
    manager = staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    priya = staff_signed_in(other_page, live_server.url, "priya", Role.PEER_SUPPORTER)
    profile = profile_for(priya, name="Priya")
    assert manager.role == Role.HUB_MANAGER

    # The Hub manager names Priya's supervisor, and records a supervision.
    page.goto(f"{live_server.url}/peer-support/supervision/")
    check_page(page)
    page.get_by_role("link", name="Priya").click()
    page.get_by_label("Supervisor").select_option(label=guide.get_full_name() or guide.username)
    page.get_by_role("button", name="Save the supervisor").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The supervisor is saved")
    page.get_by_role("button", name="Record the supervision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what you talked about")
    check_page(page)
    today = timezone.localdate()
    fill_date(page, "Date", today)
    page.get_by_label("What you talked about").fill("Boundaries, and a good first month with Jo.")
    page.get_by_role("button", name="Record the supervision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The supervision is recorded")
    check_page(page, screenshot="peer-supervision")

    # Priya reads it, and checks in for herself.
    other_page.goto(f"{live_server.url}/peer-support/work/")
    other_page.get_by_role("link", name="Your supervision, training and wellbeing").click()
    expect(other_page.get_by_text("Boundaries, and a good first month with Jo.")).to_be_visible()
    check_page(other_page)
    other_page.get_by_role("button", name="Check in").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Choose how you are doing")
    check_page(other_page)
    other_page.get_by_label("Okay").check()
    other_page.get_by_role("button", name="Check in").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("kept for you alone")
    check_page(other_page)
    assert profile.check_ins.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_peer_group_is_counted_never_named_and_a_sessional_peer_is_paid(
    page: Page, other_page: Page, live_server
) -> None:
    default_taxonomy_ensure()
    listing = ServiceFactory(name="Hearing Voices Group", description="A friendly peer group. Come as you are.")
    Attribute.objects.create(service=listing, taxonomy_term=TaxonomyTerm.objects.get(code="peer-support"))
    staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    priya = staff_signed_in(other_page, live_server.url, "priya", Role.PEER_SUPPORTER)
    sessional(profile_for(priya, name="Priya"), fee="25.00", limit="30.00")

    # The Hub manager runs the listing as a peer group, run by Priya.
    page.goto(f"{live_server.url}/peer-support/supervision/")
    page.get_by_role("link", name="Peer support groups").click()
    check_page(page)
    page.get_by_label("Which group in the directory?").select_option(label="Hearing Voices Group")
    page.get_by_label("Priya").check()
    page.get_by_role("button", name="Start recording its sessions").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is a peer group here now")
    check_page(page)

    # Priya records a session: how many came, never who.
    other_page.goto(f"{live_server.url}/peer-support/work/")
    other_page.get_by_role("link", name="Hearing Voices Group").click()
    other_page.get_by_role("button", name="Record the session").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Enter how many people came")
    check_page(other_page)
    fill_date(other_page, "Date", timezone.localdate())
    other_page.get_by_label("How many people came?").fill("3")
    other_page.get_by_label("How it went (optional)").fill("Quiet and settled; two new faces.")
    other_page.get_by_role("button", name="Record the session").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("The session is recorded")
    check_page(other_page)

    # In public: how often it met, and a small number hidden.
    other_page.get_by_role("link", name="The group's public page").click()
    expect(other_page.locator("main")).to_contain_text("fewer than 5")
    expect(other_page.get_by_text("two new faces")).to_have_count(0)
    check_page(other_page, screenshot="peer-group")

    # The session makes a payment at Priya's fee, near her yearly limit; the Hub manager approves it.
    page.goto(f"{live_server.url}/peer-support/payments/")
    expect(page.locator("main")).to_contain_text("Near their yearly limit")
    check_page(page)
    page.get_by_role("link", name="Priya").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("Near the yearly limit of £30.00")
    check_page(page)
    page.get_by_role("button", name="Approve the payment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The payment is approved")
    check_page(page)

    # Priya's statement for the tax year, as Experts by Experience see theirs.
    other_page.goto(f"{live_server.url}/peer-support/work/")
    other_page.get_by_role("link", name="Your payments").click()
    expect(other_page.locator(".govuk-warning-text")).to_contain_text("You are near your yearly limit of £30.00")
    expect(other_page.locator("main")).to_contain_text("£25.00")
    check_page(other_page, screenshot="peer-payments")
