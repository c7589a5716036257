"""Support in a real browser: a guide's caseload and episode work, easy out and easy in, with axe throughout."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role, User
from livingwell.conftest import worker_run
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.support.instruments import instruments_load
from livingwell.support.models import Action, Episode, Instrument, InstrumentItem, OnwardIntroduction
from livingwell.support.tests.factories import EpisodeFactory, GuideProfileFactory
from tests.browser.conftest import check_page, staff_signed_in


def _measures_shipped() -> None:
    """The measures a migration loads: a browser test's database is emptied after each test, data and all."""
    instruments_load(Instrument, InstrumentItem)


def _save(page: Page) -> None:
    page.get_by_role("button", name="Save").click()


@pytest.mark.django_db(transaction=True)
def test_a_guide_works_with_a_person_closes_their_support_and_they_come_back(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    gabriel = User.objects.get(username="gabriel")
    GuideProfileFactory(user=gabriel, name="Gabriel")
    GuideProfileFactory(name="Ana")
    episode = EpisodeFactory(
        guide=gabriel,
        person__preferred_name="Robin",
        person__email="robin@example.org",
        next_review_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    EpisodeFactory(guide=gabriel, person__preferred_name="Ash")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Caseload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Caseload")
    expect(page.locator("tbody tr").first).to_contain_text("Ash")
    expect(page.locator("tbody tr").nth(1)).to_contain_text("Overdue")
    check_page(page, screenshot="caseload")
    page.get_by_role("link", name="Robin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Robin")
    check_page(page)

    page.get_by_role("link", name="Record a contact").click()
    _save(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select how you were in touch")
    check_page(page)
    page.get_by_label("Phone call").check()
    page.get_by_label("Note (optional)").fill("Talked about getting out more")
    _save(page)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Contact recorded")

    page.get_by_role("link", name="Add a next step").click()
    page.get_by_label("The next step").fill("Try the walking group on Saturday")
    page.get_by_label("Who will do it").fill("Robin, with Gabriel")
    due = timezone.localdate() + datetime.timedelta(days=5)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    check_page(page)
    _save(page)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Next step added")
    check_page(page, screenshot="episode")
    page.get_by_role("button", name=re.compile(r"^Done.*walking group")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Step marked done")

    page.get_by_role("link", name="Hold, close or reopen").click()
    page.get_by_label("Close: support has ended").check()
    _save(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why")
    check_page(page)
    page.get_by_label("Close: support has ended").check()
    page.get_by_label("Why").fill("Robin is going to the walking group and feels better")
    _save(page)
    expect(page.locator(".govuk-caption-l")).to_contain_text("Closed")
    page.get_by_role("link", name="Print the closing summary").click()
    expect(page.locator("main")).to_contain_text("walking group and feels better")
    check_page(page)

    worker_run()
    (summary,) = [message for message in mail.outbox if message.to == ["robin@example.org"]]
    link = re.search(r"http://\S+/come-back/\?link=\S+", summary.body)
    assert link is not None
    visitor = page.context.browser.new_page()  # the person, in their own browser
    visitor.goto(link.group(0).replace("http://localhost:8000", live_server.url))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Come back to support")
    check_page(visitor, screenshot="come-back")
    visitor.get_by_role("button", name="I would like support again").click()
    expect(visitor.locator(".govuk-panel__title")).to_have_text("Welcome back")
    check_page(visitor)
    visitor.close()
    episode.refresh_from_db()
    assert episode.status == Episode.Status.OPEN
    assert Action.objects.filter(episode=episode, done_at__isnull=False).count() == 1  # history kept

    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    expect(page.locator(".lw-timeline")).to_contain_text("Reopened")
    page.get_by_role("link", name="Hand over").click()
    page.get_by_label("Ana").check()
    page.get_by_label("A note for the new guide").fill("Goes to the walking group on Saturdays")
    check_page(page)
    _save(page)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Handed over")


@pytest.mark.django_db(transaction=True)
def test_the_person_and_their_guide_build_a_plan_with_goals_under_each_big_3_outcome(page: Page, live_server) -> None:
    _measures_shipped()
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    gabriel = User.objects.get(username="gabriel")
    GuideProfileFactory(user=gabriel, name="Gabriel")
    episode = EpisodeFactory(guide=gabriel, person__preferred_name="Robin", person__email="robin@example.org")
    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    page.get_by_role("link", name="Plan", exact=True).click()
    page.get_by_role("button", name="Start the plan").click()
    page.get_by_role("link", name="Change About me").click()
    page.get_by_label("My strengths").fill("Patient; good with animals; a great cook")
    page.get_by_label("My crisis plan").fill("Call my sister Ade. Quiet, and no hospital if it can be helped.")
    check_page(page)
    _save(page)
    page.get_by_role("link", name="Add a connection").click()
    _save(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter who they are")
    check_page(page)
    page.get_by_label("Who", exact=True).fill("My sister Ade")
    page.get_by_label("Family").check()
    page.get_by_label("Very close").check()
    page.get_by_label("I agree to share my plan with them").check()
    _save(page)
    for outcome, goal in [
        ("Feeling better and staying well", "Sleep through the night"),
        ("Making my own choices and reaching my goals", "Choose a course to do"),
        ("Taking part: friends, community, work, money, housing or learning", "Join the walking group"),
    ]:
        page.get_by_role("link", name="Add a goal").click()
        page.get_by_label(outcome).check()
        page.get_by_label("The goal, in the person's words").fill(goal)
        _save(page)
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Goal added")
    page.get_by_role("link", name=re.compile("^Review.*walking group")).click()
    page.get_by_label("6", exact=True).check()
    check_page(page)
    _save(page)
    expect(page.locator("main")).to_contain_text("Progress: 6 out of 10")
    check_page(page, screenshot="plan")
    page.get_by_role("button", name="Invite them to read it online").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Invitation sent")

    worker_run()
    (invitation,) = [message for message in mail.outbox if message.to == ["robin@example.org"]]
    link = re.search(r"http://\S+/account/welcome/\S+", invitation.body)
    assert link is not None
    robin = page.context.browser.new_page()
    robin.goto(link.group(0).replace("http://localhost:8000", live_server.url))
    expect(robin.get_by_role("heading", level=1)).to_have_text("Choose a password")
    check_page(robin)
    robin.get_by_label("Choose a password").fill("a walk by the river at dawn")
    robin.get_by_label("Type it again").fill("a walk by the river at dawn")
    robin.get_by_role("button", name="Save and see my plan").click()
    expect(robin.get_by_role("heading", level=1)).to_have_text("My plan")
    expect(robin.locator("main")).to_contain_text("Join the walking group")
    check_page(robin, screenshot="my-plan")
    robin.get_by_label("Add a comment").fill("Can we add swimming?")
    robin.get_by_role("button", name="Add comment").click()
    expect(robin.locator(".govuk-notification-banner")).to_contain_text("Comment added")
    robin.get_by_role("button", name="I agree with my plan").click()
    expect(robin.locator(".govuk-notification-banner")).to_contain_text("You have agreed your plan")
    check_page(robin)
    robin.get_by_role("navigation", name="Menu").get_by_role("link", name="How I am doing").click()
    check_page(robin)
    robin.get_by_role("link", name="Fill in: Your wellbeing in four questions").click()
    check_page(robin)
    _fill_measure(robin, [6, 7, 6, 3], None)
    expect(robin.locator(".govuk-notification-banner")).to_contain_text("recorded")
    expect(robin.locator("main")).to_contain_text("(filled in online)")
    check_page(robin, screenshot="how-i-am-doing")
    robin.get_by_role("navigation", name="Menu").get_by_role("link", name="My support").click()
    expect(robin.get_by_role("heading", level=1)).to_have_text("My support")
    check_page(robin)
    robin.close()
    page.reload()
    expect(page.locator("main")).to_contain_text("Can we add swimming?")
    expect(page.locator(".govuk-tag--green").first).to_have_text("Agreed")


@pytest.mark.django_db(transaction=True)
def test_a_guide_sends_an_onward_introduction_that_the_provider_accepts(page: Page, live_server) -> None:
    garden = ServiceFactory(name="Community garden", description="Growing food together")
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=User.objects.get(username="gabriel"), person__preferred_name="Robin")
    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    page.get_by_role("link", name="Introduce them to a network service").click()
    page.get_by_role("button", name="Send the introduction").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Search for the service")
    check_page(page)
    page.get_by_label("Find the service in the directory").fill("garden")
    page.get_by_role("button", name="Search").click()
    page.get_by_label(re.compile("^Community garden")).check()
    page.get_by_label("How to contact them").check()
    page.get_by_label("They agreed to this introduction, and to share what is ticked").check()
    check_page(page, screenshot="onward-introduction")
    page.get_by_role("button", name="Send the introduction").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Introduction sent to Community garden")
    page.get_by_role("button", name="Sign out").click()

    staff_signed_in(page, live_server.url, "pat", Role.PROVIDER_EDITOR)
    User.objects.get(username="pat").organisations.add(garden.organization)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Introductions to you").click()
    check_page(page)
    page.get_by_role("link", name="Robin").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select what has happened")
    check_page(page)
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved")
    check_page(page, screenshot="provider-introduction")
    assert OnwardIntroduction.objects.get().status == "accepted"


def _fill_measure(page: Page, values: list[int], occasion: str | None) -> None:
    if occasion:
        page.get_by_label(occasion, exact=True).check()
    for number, value in enumerate(values, start=1):
        page.locator(f"input[name='item_{number}'][value='{value}']").check()
    page.get_by_role("button", name="Save").click()


@pytest.mark.django_db(transaction=True)
def test_swemwbs_ons4_and_dialog_recorded_twice_show_the_change(page: Page, live_server) -> None:
    _measures_shipped()
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=User.objects.get(username="gabriel"), person__preferred_name="Robin")
    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    page.get_by_role("link", name="Outcome measures").click()
    check_page(page)
    for name, first, second in [
        ("SWEMWBS", [2, 2, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 3]),
        ("ONS4", [4, 5, 4, 8], [6, 7, 7, 3]),
        ("DIALOG", [3] * 11, [5] * 8 + [4] * 3),
    ]:
        page.get_by_role("link", name=re.compile(f"^Fill in .*{name}")).click()
        page.get_by_role("button", name="Save").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Answer question 1")
        check_page(page)
        _fill_measure(page, first, "At the start")
        expect(page.locator(".govuk-notification-banner")).to_contain_text("recorded")
        page.get_by_role("link", name=re.compile(f"^Fill in .*{name}")).click()
        _fill_measure(page, second, "At a review")
    expect(page.locator("main")).to_contain_text("17.98 → 24.11 (+6.13, better)")
    expect(page.locator("main")).to_contain_text("Anxious yesterday: 8 → 3 (-5, better)")
    expect(page.locator("main")).to_contain_text("Treatment satisfaction (mean of 3, 1 to 7): 3 → 4 (+1, better)")
    check_page(page, screenshot="outcome-measures")
    with page.expect_download() as download:  # for an NHS system, as FHIR (decision 0064)
        page.get_by_role("link", name="Download every measure as a FHIR file, for an NHS system").click()
    assert download.value.suggested_filename == "outcome-measures.json"
    bundle = json.loads(Path(download.value.path()).read_text())
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == 6


def _fill_date(page: Page, day: int, month: int, year: int, nth: int = 0) -> None:
    page.get_by_label("Day").nth(nth).fill(str(day))
    page.get_by_label("Month").nth(nth).fill(str(month))
    page.get_by_label("Year").nth(nth).fill(str(year))


@pytest.mark.django_db(transaction=True)
def test_a_budget_is_tracked_and_accommodation_recorded(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=User.objects.get(username="gabriel"), person__preferred_name="Robin")
    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    page.get_by_role("link", name="Personal budget").click()
    check_page(page)
    page.get_by_role("link", name="Add a budget").click()
    page.get_by_label("Social care (personal budget)").check()
    _fill_date(page, 1, 4, 2026)
    _fill_date(page, 31, 3, 2026, nth=1)
    page.get_by_label("Amount (£)").fill("lots")
    _save(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an amount in pounds")
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end must be on or after the start")
    check_page(page)
    page.get_by_label("Social care (personal budget)").check()
    _fill_date(page, 31, 3, 2027, nth=1)
    page.get_by_label("Amount (£)").fill("500")
    _save(page)
    page.get_by_role("link", name="Plan what it is for").click()
    page.get_by_label(re.compile("^Social care")).check()
    page.get_by_label("What the money is for").fill("Art classes")
    page.get_by_label("Planned cost (£)").fill("300")
    _save(page)
    page.get_by_role("link", name="Record spending").click()
    page.get_by_label(re.compile("^Social care")).check()
    _fill_date(page, 1, 6, 2026)
    page.get_by_label("What it paid for").fill("Art classes, spring and summer")
    page.get_by_label("Amount (£)").fill("520")
    check_page(page)
    _save(page)
    expect(page.locator(".govuk-warning-text")).to_contain_text("Overspent by £20.00")
    check_page(page, screenshot="personal-budget")

    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/accommodation/")
    page.get_by_label("Own tenancy").check()
    _fill_date(page, 1, 5, 2026)
    _save(page)
    expect(page.locator("main")).to_contain_text("Own tenancy, from 1 May 2026")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_the_hub_manager_reads_the_accommodation_pathway(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "hana", Role.HUB_MANAGER)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Accommodation pathway").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accommodation pathway")
    check_page(page, screenshot="accommodation-pathway")


@pytest.mark.django_db(transaction=True)
def test_a_guide_records_life_circumstances_with_the_person(page: Page, live_server) -> None:
    staff_signed_in(page, live_server.url, "gabriel", Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=User.objects.get(username="gabriel"), person__preferred_name="Robin")
    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    page.get_by_role("link", name="Life circumstances").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Life circumstances")
    check_page(page)
    _save(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select when in their support this is")
    check_page(page)
    page.get_by_role("group", name="When in their support is this?").get_by_label("At the start").check()
    page.get_by_role("group", name="Work or volunteering").get_by_label("Volunteering", exact=True).check()
    page.get_by_role("group", name="Medication").get_by_label("About the same").check()
    _save(page)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Life circumstances recorded")
    expect(page.get_by_role("table")).to_contain_text("Volunteering")
    expect(page.get_by_role("table")).to_contain_text("About the same")
    check_page(page, screenshot="life-circumstances")
