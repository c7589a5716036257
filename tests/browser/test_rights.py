"""A person's rights in a real browser, with axe on every page and state: the Hub manager makes a person's
subject access export through the worker, downloads it once, and erases their record once they confirm the
law allows it."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
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

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
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
