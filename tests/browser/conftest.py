"""Playwright driving Debian's Chromium, with axe-core checking every page a journey visits."""

import datetime
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, sync_playwright

from livingwell.accounts.models import Role, User
from livingwell.accounts.services import backup_codes_replace
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import _caches_start_afresh  # noqa: F401 - the same fixture, for the browser tests too

CHROMIUM = os.environ.get("LW_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations"],
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
AXE = Axe()


class _OneRequestAtATimeOnSqlite(ThreadedWSGIServer):
    """The live server, taking one request at a time when the test database is SQLite in memory.

    A page whose images are drawn from the database (the figures' charts) asks for them together.
    The server's threads reach the in-memory database through one shared cache, where two writes at
    once fail at once with "database table is locked" (the busy timeout does not apply there).
    PostgreSQL takes them together, so there the server stays fully threaded.
    """

    def set_app(self, application: Callable[..., Iterable[bytes]]) -> None:
        if connections["default"].vendor != "sqlite":
            super().set_app(application)
            return
        lock = threading.Lock()

        def one_at_a_time(environ: dict, start_response: Callable) -> Iterable[bytes]:
            with lock:
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(one_at_a_time)


LiveServerThread.server_class = _OneRequestAtATimeOnSqlite


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    if os.environ.get("LW_REQUIRE_BROWSER"):
        raise pytest.UsageError(f"Browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium to run browser tests)")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API keeps an event loop in the test thread while the browser is open; the
    # tests only touch the database between browser steps, never concurrently with them.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every page check_page sees is kept as the server sent it, for the Nu Html Checker (test_zz_html_valid.py).
HTML_PAGES = Path(__file__).resolve().parents[2] / "var" / "html-check"
_documents: dict[int, Response] = {}


def _keep_documents(page: Page) -> None:
    """Remember the last document the server sent to ``page``: the checker reads the HTML as sent, not the
    browser's tidied copy (which drops a duplicate attribute without a word)."""

    def on_response(response: Response) -> None:
        if response.request.resource_type == "document" and response.frame == page.main_frame:
            _documents[id(page)] = response

    page.on("response", on_response)


def _html_keep(page: Page) -> None:
    response = _documents.get(id(page))
    if response is None or "text/html" not in (response.headers.get("content-type") or ""):
        return
    HTML_PAGES.mkdir(parents=True, exist_ok=True)
    number = len(list(HTML_PAGES.glob("*.html")))
    (HTML_PAGES / f"{number:04d}.html").write_bytes(response.body())
    with (HTML_PAGES / "pages.txt").open("a", encoding="utf-8") as index:
        index.write(f"{number:04d}.html {response.url}\n")


@pytest.fixture(scope="session", autouse=True)
def _html_pages_afresh() -> None:
    shutil.rmtree(HTML_PAGES, ignore_errors=True)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    _keep_documents(page)
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # Chromium reports an error page's own status (404, 403, 429) as a failed load; that is
        # expected. A failed script, stylesheet or image is not.
        url = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and "/static/" not in url:
            return
        errors.append(f"{message.text} ({url})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    # A blocked script (CSP) or a JavaScript error shows up here.
    assert errors == []


@pytest.fixture
def other_page(browser: Browser) -> Iterator[Page]:
    """A second person's browser, alongside the first."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    other = context.new_page()
    _keep_documents(other)
    yield other
    context.close()


def check_page(page: Page, *, screenshot: str = "", admin: bool = False) -> None:
    """Check the page in its current state: axe finds nothing, crisis routes are there, JS ran.

    Django's admin pages have their own layout and scripts, but must pass axe and show the crisis
    routes like every other page.
    """
    _html_keep(page)
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    crisis = page.locator(".lw-crisis")
    assert crisis.count() == 1
    for route in ("NHS 111", "999", "116 123"):
        assert route in crisis.inner_text()
    if not admin:
        assert "govuk-frontend-supported" in (page.locator("body").get_attribute("class") or "")
    if screenshot and os.environ.get("LW_SCREENSHOTS"):  # ./lw screenshots
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{screenshot}.png", full_page=True)


def fill_date(page: Page, legend: str, day: datetime.date) -> None:
    """Type a date into the GOV.UK date input whose fieldset is ``legend`` (the first, where there are more)."""
    group = page.get_by_role("group", name=legend).first
    group.get_by_label("Day", exact=True).fill(str(day.day))
    group.get_by_label("Month", exact=True).fill(str(day.month))
    group.get_by_label("Year", exact=True).fill(str(day.year))


PASSWORD = "a-long-test-password"  # UserFactory's


def sign_in(page: Page, base_url: str, username: str) -> None:
    """Fill in the sign-in page with a test user's username and password."""
    page.goto(f"{base_url}/account/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def staff_signed_in(page: Page, base_url: str, username: str, role: Role, code: str = "ab12cd34") -> User:
    """A new staff member, signed in with a single-use backup code as their second factor."""
    user = UserFactory(username=username, role=role)
    backup_codes_replace(user=user, codes=[code])
    sign_in(page, base_url, username)
    page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Continue").click()
    return user
