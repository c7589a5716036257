"""The safety net beyond the front door, in a real browser with axe on every page and state: a person
writes words of risk in their own plan, sees the crisis routes at once, and their guide reads the flag and
records what they did; the clinical lead tries the net in the admin."""

from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Plan
from livingwell.support.tests.factories import EpisodeFactory, urgent_introduction_routed
from tests.browser.conftest import check_page, sign_in, staff_signed_in


def test_words_of_risk_in_a_persons_own_plan_reach_their_guide(page: Page, other_page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    robin = UserFactory(username="robin", role=Role.PERSON)
    person = PersonFactory(user=robin, preferred_name="Robin")
    EpisodeFactory(person=person, guide=User.objects.get(username="gabriel"))
    Plan.objects.create(person=person)

    sign_in(other_page, live_server.url, "robin")
    other_page.goto(f"{live_server.url}/me/plan/")
    other_page.get_by_label("Add a comment").fill("I've been cutting again and I don't think I can keep myself safe")
    other_page.get_by_role("button", name="Add comment").click()
    alert = other_page.get_by_role("alert", name="Important")
    expect(alert).to_contain_text("may not be safe right now")
    expect(alert).to_contain_text("We have told your personal guide")
    expect(alert).to_contain_text("85258")
    check_page(other_page, screenshot="safety-alert")

    page.goto(f"{live_server.url}/hub/safety-flags/")
    check_page(page)
    page.locator("table a").first.click()
    expect(page.locator("main")).to_contain_text("I've been cutting again")
    expect(page.locator("main")).to_contain_text("Self-harm")
    page.get_by_role("button", name="Record it").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what you did")
    check_page(page)
    page.get_by_label("What did you do?").fill("Called Robin. Safe tonight; we meet tomorrow at 10.")
    check_page(page, screenshot="safety-flag")
    page.get_by_role("button", name="Record it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Recorded")
    expect(page.locator("main")).to_contain_text("No flags are waiting")
    check_page(page)


def test_the_clinical_lead_tries_the_safety_net_in_the_admin(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "lee", Role.ADMINISTRATOR)
    page.goto(f"{live_server.url}/admin/safety/lexiconentry/")
    check_page(page, admin=True)
    page.get_by_role("link", name="Try the safety net").click()
    page.get_by_label("Some words, as a person might write them").fill("he hits me and i wanna end it all")
    page.get_by_role("button", name="Try").click()
    expect(page.locator("#content")).to_contain_text("Not safe where they live")
    expect(page.locator("#content")).to_contain_text("Suicide")
    check_page(page, admin=True)


def test_an_urgent_introduction_reaches_the_guide_who_has_the_safety_conversation(page: Page, live_server) -> None:
    guide = staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    urgent_introduction_routed(guide)
    page.goto(f"{live_server.url}/support/caseload/")
    expect(page.locator("main")).to_contain_text("Urgent: safety conversation needed")
    check_page(page)
    page.get_by_role("link", name="Robin").click()
    expect(page.locator("main")).to_contain_text("How they came to us")
    expect(page.locator("main")).to_contain_text("tablets saved up")
    expect(page.locator("main")).to_contain_text("A guide to call tomorrow")
    check_page(page, screenshot="episode-handover")
    page.get_by_role("link", name="Record a contact").click()
    page.locator("input[name=kind]").first.check()
    page.get_by_label("This was a safety conversation").check()
    check_page(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact recorded")
    page.goto(f"{live_server.url}/support/caseload/")
    expect(page.locator("main")).not_to_contain_text("Urgent: safety conversation needed")
