"""Journeys through the platform in a real browser. Every page visited is checked by axe-core."""

import re
import time

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.accounts.services import backup_codes_replace
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import worker_run
from livingwell.people.tests.factories import PersonFactory
from tests.browser.conftest import check_page, sign_in


@pytest.mark.django_db(transaction=True)
def test_a_visitor_finds_help_and_the_public_pages(page: Page, live_server) -> None:
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Living Well Kingsmere")
    expect(page.get_by_role("button", name="Emergency Exit this page")).to_be_visible()
    check_page(page, screenshot="home")

    page.get_by_role("link", name="Get help now").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help now")
    check_page(page)

    for link, heading in [
        ("Accessibility statement", "Accessibility statement for Living Well Kingsmere"),
        ("Privacy notice", "Privacy notice"),
        ("Cookies", "Cookies"),
        ("Contact us", "Contact us"),
    ]:
        page.get_by_role("contentinfo").get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_page(page)

    page.goto(f"{live_server.url}/no-such-page/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_exit_this_page_leaves_at_once(page: Page, live_server, settings) -> None:
    # The exit page is another website; the browser here cannot reach it, so stand in for it.
    page.route(
        f"{settings.LW_EXIT_PAGE_URL}**",
        lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
    )
    page.goto(live_server.url)
    page.get_by_role("button", name="Emergency Exit this page").click()
    expect(page).to_have_title("Weather")

    # Pressing Shift three times does the same, without finding the button.
    page.goto(f"{live_server.url}/get-help-now/")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_title("Weather")


@pytest.mark.django_db(transaction=True)
def test_a_hub_manager_sets_up_a_second_factor_and_reads_a_record(page: Page, live_server) -> None:
    UserFactory(username="hana", role=Role.HUB_MANAGER)
    PersonFactory(preferred_name="Olu Adeyemi")

    page.goto(f"{live_server.url}/account/sign-in/")
    check_page(page, screenshot="sign-in")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title("Error: Sign in – Living Well Kingsmere")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    check_page(page)

    sign_in(page, live_server.url, "hana")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your security code")
    check_page(page)

    page.get_by_label("Security code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The security code is not right")
    check_page(page)

    device = TOTPDevice.objects.get(user__username="hana")
    device.throttle_reset()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.get_by_label("Security code").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your security code is set up")
    check_page(page)

    page.get_by_role("link", name="Continue").click()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    check_page(page, screenshot="people")

    page.get_by_role("link", name="Olu Adeyemi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Olu Adeyemi")
    assert "Olu" not in page.url
    check_page(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_person_changes_how_they_are_contacted(page: Page, live_server) -> None:
    sam = UserFactory(username="sam", role=Role.PERSON)
    PersonFactory(user=sam, preferred_name="Sam")

    sign_in(page, live_server.url, "sam")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    check_page(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your details").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your details")
    check_page(page, screenshot="your-details")

    page.get_by_role("link", name="Change how we contact you").click()
    check_page(page)
    page.get_by_label("The name you like to be called").fill("")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title("Error: How we contact you – Living Well Kingsmere")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the name you like to be called")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your phone number")
    check_page(page)

    page.locator(".govuk-error-summary").get_by_role("link", name="Enter the name you like to be called").click()
    expect(page.get_by_label("The name you like to be called")).to_be_focused()
    page.get_by_label("The name you like to be called").fill("Sam 🌻")
    page.get_by_label("Phone number").fill("07700 900123")
    page.get_by_label("Phone call").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your contact preferences have been saved")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Sam 🌻")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Email, Phone call, Text message")
    check_page(page)

    page.goto(f"{live_server.url}/audit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot see this page")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_an_administrator_signs_in_with_a_backup_code_and_reads_the_audit_trail(page: Page, live_server) -> None:
    ade = UserFactory(username="ade", role=Role.ADMINISTRATOR)
    backup_codes_replace(user=ade, codes=["ab12cd34"])
    hana = UserFactory(username="hana", role=Role.HUB_MANAGER)
    person = PersonFactory(preferred_name="Marta")
    from livingwell.people.access import access_person_for

    access_person_for(hana, person.pk)

    sign_in(page, live_server.url, "ade")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    check_page(page)
    page.get_by_label("Security code").fill("ab12cd34")
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    check_page(page, screenshot="audit-trail")

    page.get_by_label("Staff member").select_option(label="hana")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    check_page(page)

    page.get_by_label("Person").fill("not a record number")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a person's record number")
    check_page(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Site administration").click()
    expect(page.locator("#site-name")).to_have_text("Living Well administration")
    check_page(page, admin=True)
    page.get_by_role("link", name="Users").first.click()
    expect(page.locator("#changelist")).to_be_visible()  # the list has loaded, not only its address
    check_page(page, admin=True)
    page.get_by_role("link", name="hana").click()
    expect(page.get_by_label("Role")).to_have_value("hub_manager")
    check_page(page, admin=True)


@pytest.mark.django_db(transaction=True)
def test_repeated_failed_sign_ins_lock_the_account(page: Page, live_server, settings) -> None:
    UserFactory(username="pat", role=Role.PROVIDER_EDITOR)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{live_server.url}/account/sign-in/")
        page.get_by_label("Username").fill("pat")
        page.get_by_label("Password").fill("wrong-password")
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many attempts to sign in")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_someone_who_forgot_their_password_chooses_a_new_one(page: Page, live_server) -> None:
    UserFactory(username="robin", email="robin@example.org")
    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_role("link", name="Forgot your password?").click()
    check_page(page)
    page.get_by_role("button", name="Send me a link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    check_page(page)
    page.get_by_label("Your email address").fill("robin@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check_page(page)
    worker_run()
    (message,) = [m for m in mail.outbox if m.to == ["robin@example.org"]]
    link = re.search(r"http://\S+/account/new-password/\S+", message.body)
    assert link is not None
    page.goto(link.group(0).replace("http://localhost:8000", live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    check_page(page)
    page.get_by_label("Choose a password").fill("a long walk by the canal")
    page.get_by_label("Type it again").fill("a long walk by the canal")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your password is changed")
    check_page(page)
