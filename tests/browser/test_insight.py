"""The figures in a real browser: a commissioner reads the dashboard, chooses a period and downloads a
table, with axe on each page."""

import datetime
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Body, Decision
from livingwell.collaborative.tests.factories import BodyFactory, MeetingFactory
from livingwell.core.models import Neighbourhood
from livingwell.directory.tests.factories import OrganizationFactory
from livingwell.insight.history import history_import_rows
from tests.browser.conftest import check_page, staff_signed_in


def _history(months: int) -> None:
    """Past introductions for the last ``months`` months: more each month, fewer to secondary care."""
    Neighbourhood.objects.create(name="Ashby Vale", slug="ashby-vale")
    today = timezone.localdate().replace(day=1)
    rows = []
    for back in range(months):
        month = (today - datetime.timedelta(days=31 * back)).replace(day=1)
        for number in range(20 + back):
            arrived = month + datetime.timedelta(days=number % 25)
            contact = arrived + datetime.timedelta(days=1 + (number + back) % 9)
            route = "secondary_care" if number < back else ("community", "information", "hub_support")[number % 3]
            rows.append(
                {
                    "reference": f"P{back}-{number}",
                    "arrived_on": arrived.isoformat(),
                    "first_contact_on": contact.isoformat(),
                    "route": route,
                    "routed_on": contact.isoformat(),
                    "neighbourhood": "Ashby Vale",
                }
            )
    report = history_import_rows(enumerate(rows, start=2))
    assert report.problems == []


@pytest.mark.django_db(transaction=True)
def test_a_commissioner_reads_the_figures_for_a_period_and_downloads_a_table(page: Page, live_server) -> None:
    _history(14)
    staff_signed_in(page, live_server.url, "cora", Role.ANALYST)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Figures").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Figures")
    charts = page.locator(".lw-chart img")
    # Introductions, referrals to secondary care, waits, early support, onward introductions, the pathway,
    # co-production's meetings, decisions by level of participation and attendance.
    expect(charts).to_have_count(9)
    for index in range(9):
        # decode() waits for the image to load, and fails if it is broken.
        assert charts.nth(index).evaluate("image => image.decode().then(() => image.naturalWidth > 0)")
    # The browser asks for the charts together; asked for many times at once, every one still comes.
    statuses = page.evaluate(
        """sources => Promise.all(sources.flatMap(source => [1, 2, 3, 4].map(
            () => fetch(source).then(response => response.status))))""",
        charts.evaluate_all("images => images.map(image => image.src)"),
    )
    assert statuses == [200] * 36
    check_page(page, screenshot="figures")

    page.get_by_label("From", exact=True).select_option(
        label=page.get_by_label("From", exact=True).locator("option").first.inner_text()
    )
    page.get_by_role("button", name="Show this period").click()
    expect(page.get_by_role("heading", level=2, name="Introductions to secondary care")).to_be_visible()
    check_page(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download “Where introductions went” as CSV").click()
    assert download.value.suggested_filename.startswith("routes-")
    text = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert text.startswith("Month,Information,Community support")


@pytest.mark.django_db(transaction=True)
def test_the_hub_manager_reads_their_team_today(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Figures").click()
    check_page(page)
    page.get_by_role("link", name="Your team today").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your team today")
    expect(page.get_by_role("columnheader", name="Safety conversations due")).to_be_visible()
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_visitor_reads_how_we_are_doing_and_takes_the_open_data(page: Page, live_server) -> None:
    _history(14)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="How we are doing").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("How we are doing")
    expect(page.get_by_role("heading", level=2, name="Introductions to secondary care")).to_be_visible()
    chart = page.locator(".lw-chart img").first
    assert chart.evaluate("image => image.decode().then(() => image.naturalWidth > 0)")
    check_page(page, screenshot="how-we-are-doing")

    quarter = page.get_by_label("Quarter", exact=True)
    earlier = quarter.locator("option").nth(1).inner_text()
    quarter.select_option(label=earlier)
    page.get_by_role("button", name="Show this quarter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(earlier)
    check_page(page)

    with page.expect_download() as download:
        page.get_by_role("link", name=f"{earlier} as a spreadsheet (CSV)").click()
    text = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert text.startswith("quarter,table,row,column,value,number")
    data = page.request.get(
        live_server.url
        + (page.get_by_role("link", name=f"{earlier} as data for computers (JSON)").get_attribute("href") or "")
    )
    assert data.json()["licence"]["name"] == "Open Government Licence v3.0"


@pytest.mark.django_db(transaction=True)
def test_a_quarterly_report_is_drafted_approved_at_the_collaborative_and_published(
    page: Page, other_page: Page, live_server
) -> None:
    _history(8)
    body = BodyFactory(name="Kingsmere Collaborative", slug="collaborative", kind=Body.Kind.COLLABORATIVE)
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - datetime.timedelta(days=2))
    Decision.objects.create(
        meeting=meeting, body=body, what="Agreed the quarterly report, with thanks to the Hub.", scope="in",
        participation="co_producing", quorate=True, submission_id=uuid.uuid4(), recorded_by=UserFactory(),
    )  # fmt: skip

    # The analyst starts the report for the latest quarter and writes what it shows.
    staff_signed_in(page, live_server.url, "cora", Role.ANALYST)
    page.goto(live_server.url + "/figures/")
    page.get_by_role("link", name="Quarterly reports to the Collaborative").click()
    check_page(page)
    quarter = page.get_by_label("Quarter", exact=True).locator("option").first.inner_text()
    page.get_by_role("button", name="Start the report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(quarter)
    page.get_by_role("link", name="Write what this quarter shows").click()
    check_page(page)
    page.get_by_label("What this quarter shows, in plain words").fill(
        "More people came to the network early, and fewer were referred to secondary care.\n\n"
        "We would like the Collaborative to ask about waits in Eastfield."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("We would like the Collaborative to ask about waits in Eastfield.")).to_be_visible()
    check_page(page)

    # The secretary approves it with the decision the Collaborative took at its meeting.
    staff_signed_in(other_page, live_server.url, "sol", Role.SECRETARY)
    other_page.goto(live_server.url + "/how-we-are-doing/")
    other_page.get_by_role("link", name="Reports being drafted for the Collaborative").click()
    other_page.get_by_role("link", name=quarter).click()
    check_page(other_page)
    other_page.get_by_label("The Collaborative's decision approving it").select_option(index=0)
    other_page.get_by_role("button", name="Approve the report").click()
    expect(other_page.get_by_text("Approved. Its figures are now kept as they are.")).to_be_visible()
    other_page.get_by_role("button", name="Publish the report").click()
    expect(other_page.get_by_text("Published.")).to_be_visible()
    check_page(other_page, screenshot="quarterly-report")

    # Anyone reads it on "How we are doing", and takes it as a PDF.
    page.context.clear_cookies()
    page.goto(live_server.url + "/how-we-are-doing/")
    page.get_by_role("link", name=f"Quarterly report: {quarter}").click()
    expect(page.get_by_text("Agreed the quarterly report, with thanks to the Hub.")).to_be_visible()
    check_page(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report as a PDF").click()
    assert open(download.value.path(), "rb").read(4) == b"%PDF"  # noqa: SIM115


@pytest.mark.django_db(transaction=True)
def test_a_commissioner_sets_up_an_alliance_and_reads_its_figures(page: Page, live_server) -> None:
    organisation = OrganizationFactory(name="Kingsmere Mind")
    staff_signed_in(page, live_server.url, "cora", Role.ANALYST)
    page.goto(live_server.url + "/figures/")
    page.get_by_role("link", name="Alliances: partners, budgets and outcomes").click()
    check_page(page)
    page.get_by_label("Name").fill("Recovery and Wellbeing Alliance")
    page.get_by_label("The outcomes the partners share").fill("People stay well, in work and in their homes.")
    page.get_by_label("Cost per person supported for a year, before the alliance (£)").fill("11500")
    page.get_by_role("button", name="Add the alliance").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Recovery and Wellbeing Alliance")
    page.get_by_label("Organisation").select_option(label=organisation.name)
    page.get_by_role("button", name="Add the partner").click()
    expect(page.get_by_text("Kingsmere Mind is a partner.")).to_be_visible()
    check_page(page)
    form = page.locator("form", has=page.get_by_role("button", name="Record the budget and spend"))
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    form.get_by_label("From").select_option(last_month)
    form.get_by_label("To").select_option(last_month)
    form.get_by_label("Budget (£)").fill("")
    form.get_by_role("button", name="Record the budget and spend").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the budget, in pounds")
    check_page(page)
    form = page.locator("form", has=page.get_by_role("button", name="Record the budget and spend"))
    form.get_by_label("Partner").select_option(label="Kingsmere Mind")
    form.get_by_label("Budget (£)").fill("12000")
    form.get_by_label("Spent (£)").fill("11250.50")
    form.get_by_role("button", name="Record the budget and spend").click()
    expect(page.get_by_text("The budget and spend are recorded.")).to_be_visible()
    expect(page.get_by_role("cell", name="£11,250.50").first).to_be_visible()
    check_page(page, screenshot="alliance")
