"""The time bank in a real browser, with axe on every page and state: two members join, one offers help and
asks for some, the other asks for the offer, it is agreed, the hours are recorded and confirmed, and both
see their hours given and received; then the coordinator's screens."""

import datetime
import uuid

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import worker_run
from livingwell.directory.tests.factories import OrganizationFactory
from livingwell.timebank import services
from livingwell.timebank.models import Bank, Category, Exchange, Member
from livingwell.timebank.shipped import BANK_ID, bank_load
from livingwell.timebank.tests.factories import listing_for, member_for
from tests.browser.conftest import check_page, fill_date, sign_in, staff_signed_in


def _join(page: Page, base_url: str, name: str) -> None:
    page.goto(f"{base_url}/time-bank/")
    page.get_by_role("link", name="Join the time bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the time bank")
    page.get_by_role("button", name="Join").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Agree to the code of conduct to join")
    check_page(page)
    page.get_by_label("The name other members see").fill(name)
    page.get_by_label("I have read the code of conduct").check()
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My time")


def _add(page: Page, kind: str, category: str, title: str, description: str) -> None:
    page.get_by_role("link", name="Offer or ask for help").first.click()
    page.get_by_label(kind).check()
    page.get_by_label("Category").select_option(label=category)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill(description)
    page.get_by_role("button", name="Add it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(title)


@pytest.mark.django_db(transaction=True)
def test_two_members_exchange_an_hour_and_a_half(page: Page, other_page: Page, live_server) -> None:
    bank_load(Bank, Category)
    UserFactory(username="sam", role=Role.PERSON, email="sam@example.org", first_name="Sam")
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/time-bank/")
    expect(page.get_by_text("Hours are never money.")).to_be_visible()
    check_page(page, screenshot="timebank-home")
    _join(page, live_server.url, "Sam")
    check_page(page)
    _add(page, "Offering help", "Gardening", "Help with a garden", "Weeding and planting, at weekends.")
    check_page(page)
    _add(page, "Asking for help", "Lifts", "A lift to the hospital", "Tuesday mornings, once a month.")

    # Priya, a volunteer, joins and finds Sam's offer.
    staff_signed_in(other_page, live_server.url, "priya", Role.PEER_SUPPORTER)
    _join(other_page, live_server.url, "Priya")
    other_page.goto(f"{live_server.url}/time-bank/")
    other_page.get_by_label("Search").fill("weeding")
    other_page.get_by_role("button", name="Search").click()
    expect(other_page.get_by_role("link", name="A lift to the hospital")).to_have_count(0)
    check_page(other_page)
    other_page.get_by_role("link", name="Help with a garden").click()
    expect(other_page.get_by_text("Sam", exact=True)).to_be_visible()
    check_page(other_page)
    other_page.get_by_label("Your message (optional)").fill("Could I come on Saturday? I love gardens.")
    other_page.get_by_role("button", name="Send").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Help with a garden")
    expect(other_page.locator(".govuk-summary-list")).not_to_contain_text("sam@example.org")
    check_page(other_page)

    # Sam says yes, and records the hours afterwards.
    page.goto(f"{live_server.url}/time-bank/mine/")
    page.get_by_role("link", name="Help with a garden").first.click()
    expect(page.get_by_text("Could I come on Saturday?")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Yes").click()
    expect(page.get_by_text("Meet somewhere public the first time")).to_be_visible()
    check_page(page, screenshot="timebank-exchange")
    page.get_by_label("How many hours?").fill("1.1")
    page.get_by_role("button", name="Record the hours").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the hours in quarter hours")
    check_page(page)
    page.get_by_label("How many hours?").fill("1.5")
    page.get_by_label("What was done (optional)").fill("Weeded the front bed")
    page.get_by_role("button", name="Record the hours").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Priya will be asked to confirm them")

    # Priya confirms: the hours are in both records, given and received apart.
    other_page.reload()
    expect(other_page.get_by_text("Sam recorded 1 hour 30 minutes")).to_be_visible()
    check_page(other_page)
    other_page.get_by_role("button", name="Confirm the hours").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("The hours are in both your records")
    other_page.goto(f"{live_server.url}/time-bank/mine/")
    expect(other_page.locator("[data-hours=received]")).to_have_text("1 hour 30 minutes")
    expect(other_page.locator("[data-hours=given]")).to_have_text("0 hours")
    check_page(other_page)
    page.goto(f"{live_server.url}/time-bank/mine/")
    expect(page.locator("[data-hours=given]")).to_have_text("1 hour 30 minutes")
    expect(page.locator("[data-hours=received]")).to_have_text("0 hours")
    expect(page.locator("table").last).to_contain_text("Priya")
    check_page(page, screenshot="timebank-mine")
    assert Exchange.objects.get().status == Exchange.Status.CONFIRMED


@pytest.mark.django_db(transaction=True)
def test_the_coordinator_welcomes_nudges_and_credits(page: Page, live_server) -> None:
    bank_load(Bank, Category)
    organization = OrganizationFactory(name="Kingsmere Time Bank")
    Bank.objects.filter(pk=BANK_ID).update(organization=organization, name="Kingsmere Time Bank")
    Member.objects.create(name="Edna", email="edna@example.org", conduct_agreed_at=timezone.now(),
                          submission_id=uuid.uuid4())  # fmt: skip
    quiet = member_for(name="Hugh", email="hugh@example.org")
    Member.objects.filter(pk=quiet.pk).update(joined_at=timezone.now() - datetime.timedelta(days=200))
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = services.exchange_ask(
        member=receiver, listing=listing_for(giver), message="", submission_id=uuid.uuid4()
    )
    services.exchange_answer(member=giver, exchange=exchange, agree=True)
    services.hours_record(member=giver, exchange=exchange, minutes=60, note="")
    Exchange.objects.filter(pk=exchange.pk).update(recorded_at=timezone.now() - datetime.timedelta(days=30))

    user = staff_signed_in(page, live_server.url, "pat", Role.PROVIDER_EDITOR)
    user.organisations.add(organization)
    page.goto(f"{live_server.url}/time-bank/")
    page.get_by_role("link", name="Coordinate the time bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Coordinate the time bank")
    expect(page.get_by_role("link", name="Help with a garden")).to_be_visible()
    check_page(page, screenshot="timebank-coordinate")
    page.get_by_role("button", name="Welcomed Edna").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Edna is welcomed to the time bank")
    page.get_by_role("button", name="Send a nudge to Hugh").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("A note is on its way to Hugh")
    check_page(page)
    worker_run()
    assert {message.to[0] for message in mail.outbox} >= {"edna@example.org", "hugh@example.org"}

    page.get_by_role("link", name="Credit hours for a group activity").click()
    page.get_by_role("button", name="Credit the hours").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the group did")
    check_page(page)
    page.get_by_label("What the group did").fill("Helping at the Collaborative's breakfast")
    today = timezone.localdate()
    fill_date(page, "Date", today)
    page.get_by_label("Hours for each member").fill("2")
    page.get_by_label("Members' email addresses").fill("hugh@example.org\nedna@example.org")
    page.get_by_role("button", name="Credit the hours").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Hours credited to 2 members")
    # Hugh has given time now, so is no longer among the members not seen for a while.
    expect(page.get_by_role("link", name="Hugh")).to_have_count(0)
    page.goto(f"{live_server.url}/time-bank/coordinate/members/{quiet.pk}/")
    expect(page.locator("[data-hours=given]")).to_have_text("2 hours")
    expect(page.locator("table")).to_contain_text("Helping at the Collaborative's breakfast")
    check_page(page)
