"""A person's rights in a real browser, with axe on every page and state: the Hub manager makes a person's
subject access export through the worker, downloads it once, and erases their record once they confirm the
law allows it."""

import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.conftest import worker_run
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.tests.factories import episode_closed
from tests.browser.conftest import check_page, staff_signed_in


@pytest.mark.django_db(transaction=True)
def test_the_hub_manager_exports_a_persons_records_once_and_erases_them(
    page: Page, live_server, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    manager = staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    person = PersonFactory(preferred_name="Robin", email="robin@example.org")
    episode_closed(person, manager)

    page.goto(f"{live_server.url}/people/{person.pk}/")
    page.get_by_role("link", name="Their rights: subject access and erasure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Their rights")
    check_page(page)
    page.get_by_role("button", name="Make their subject access export").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Their export is being made")
    check_page(page)

    worker_run()
    page.reload()
    check_page(page, screenshot="person-rights")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download, once").click()
    with zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes())) as archive:
        assert "subject-access.json" in archive.namelist()
        assert b"robin@example.org" in archive.read("subject-access.json")
    page.reload()
    expect(page.get_by_text("Downloaded, and deleted from here")).to_be_visible()
    expect(page.get_by_role("button", name="Download, once")).to_have_count(0)
    check_page(page)

    page.get_by_role("button", name="Erase their record").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm that the law allows this erasure")
    expect(page).to_have_title("Error: Their rights: Robin – Living Well Kingsmere")
    check_page(page)
    page.get_by_label("I have checked with our data protection officer that the law allows this erasure").check()
    page.get_by_role("button", name="Erase their record").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Their record has been erased")
    expect(page.get_by_text("robin@example.org")).to_have_count(0)
    check_page(page)
    assert Person.objects.get(pk=person.pk).preferred_name == "[erased]"


@pytest.mark.django_db(transaction=True)
def test_the_hub_manager_records_an_nhs_number_checked_by_its_check_digit(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    person = PersonFactory(preferred_name="Robin")
    page.goto(f"{live_server.url}/people/{person.pk}/")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Not known")
    page.get_by_role("link", name="Change NHS number").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("NHS number")
    check_page(page)
    page.get_by_label("NHS number (optional)").fill("943 476 5918")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("This is not a valid NHS number: check each digit")
    check_page(page)
    page.get_by_label("NHS number (optional)").fill("943 476 5919")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("NHS number saved.")
    expect(page.locator(".govuk-summary-list")).to_contain_text("943 476 5919")
    check_page(page)
    page.goto(f"{live_server.url}/people/")
    expect(page.get_by_role("table")).to_contain_text("Ending 5919")
    expect(page.get_by_text("943 476 5919")).to_have_count(0)
    check_page(page)
