"""Co-production in a real browser, with axe on every page and state: joining and suggesting a topic,
building and publishing an agenda, attendance with a live quorum and decisions, minutes from draft to
published, and an Expert by Experience's claim approved."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import AgendaItem, Body, Meeting, Minutes, PaymentRate, Topic
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory, board, secretary_of
from livingwell.conftest import worker_run
from tests.browser.conftest import check_page, sign_in, staff_signed_in


def _member_of(body: Body, group_key: str, groups, name: str, **member) -> User:
    user = UserFactory(role=Role.PERSON, username=name.lower().split()[0], first_name=name)
    MembershipFactory(body=body, constituency=groups[group_key], member__user=user, member__name=name, **member)
    return user


def _today(body: Body) -> Meeting:
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    return MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=3))


def _there(page: Page, name: str) -> None:
    """Mark a member there (the button's name ends with theirs, visually hidden)."""
    page.get_by_role("button", name=re.compile(rf"^There\W+{re.escape(name)}$")).click()


def _secretary(page: Page, live_server, body: Body) -> User:
    user = staff_signed_in(page, live_server.url, "sol", Role.SECRETARY)
    secretary_of(body, user)
    return user


@pytest.mark.django_db(transaction=True)
def test_someone_asks_to_join_and_a_member_suggests_a_topic(page: Page, other_page: Page, live_server) -> None:
    body, groups = board()
    Body.objects.filter(pk=body.pk).update(name="Kingsmere Collaborative", open_membership=True)
    page.goto(live_server.url)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Get involved").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Collaborative and co-production")
    check_page(page, screenshot="collaborative-index")
    page.get_by_role("link", name="Kingsmere Collaborative").click()
    check_page(page, screenshot="collaborative-body")
    page.get_by_role("link", name="Code of conduct").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Code of conduct")
    check_page(page)
    page.go_back()
    page.get_by_role("link", name="Ask to join").click()
    page.get_by_role("button", name="Ask to join").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Agree to the code of conduct to join")
    check_page(page)
    page.get_by_label("Experts by Experience").check()
    page.get_by_label("Your name").fill("Zoë Adeyemi")
    page.get_by_label("Email address").fill("zoe@example.org")
    page.get_by_label("I have read the code of conduct and agree to it").check()
    page.get_by_role("button", name="Ask to join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your request to join is sent")
    check_page(page)

    member = _member_of(body, "ebe", groups, "Ola Member")
    sign_in(other_page, live_server.url, member.username)
    other_page.goto(f"{live_server.url}/collaborative/yours/")
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Your co-production")
    check_page(other_page)
    other_page.get_by_role("link", name=re.compile("^Suggest a topic")).click()
    other_page.get_by_role("button", name="Suggest").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Enter the topic")
    check_page(other_page)
    other_page.get_by_label("Topic").fill("Bus fares to the Hub")
    other_page.get_by_label("Why does it matter?").fill("Two buses each way costs more than many of us can afford.")
    other_page.get_by_role("button", name="Suggest").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("Your topic is in the rolling programme")
    expect(other_page.locator("main")).to_contain_text("Bus fares to the Hub")
    check_page(other_page, screenshot="collaborative-yours")
    assert Topic.objects.get().title == "Bus fares to the Hub"


@pytest.mark.django_db(transaction=True)
def test_the_secretary_builds_and_publishes_an_agenda(page: Page, live_server) -> None:
    body, groups = board()
    lead = MembershipFactory(body=body, constituency=groups["carer"], member__name="Chloe Park")
    Topic.objects.create(body=body, title="Bus fares to the Hub", why="It costs too much.", submission_id="0" * 32)
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=4))
    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Run the group")
    check_page(page, screenshot="collaborative-running")
    page.get_by_role("link", name=re.compile(meeting.starts_at.astimezone().strftime("%A"))).first.click()
    expect(page.get_by_role("heading", level=2, name="Agenda", exact=True)).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_contain_text("Short notice")
    check_page(page)
    page.get_by_role("link", name="Schedule a suggested topic").click()
    page.get_by_label("Who will lead it?").select_option(str(lead.pk))
    check_page(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The topic is on the agenda")
    expect(page.locator("#agenda + ol")).to_contain_text("Bus fares to the Hub")
    page.get_by_role("link", name="Add an item").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the item")
    check_page(page)
    page.get_by_label("Item", exact=True).fill("Welcome and introductions")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish and send to members").click()
    expect(page.locator(".govuk-error-summary, .govuk-notification-banner").first).to_contain_text(
        "Confirm that you are publishing with short notice"
    )
    check_page(page)
    page.get_by_label("I know this is short notice").check()
    page.get_by_role("button", name="Publish and send to members").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The agenda is published")
    check_page(page, screenshot="collaborative-agenda")
    page.get_by_role("link", name="The public page of this meeting").click()
    expect(page.locator("main")).to_contain_text("Bus fares to the Hub")
    expect(page.locator("main")).to_contain_text("a member (Carers)")
    check_page(page, screenshot="collaborative-meeting")


@pytest.mark.django_db(transaction=True)
def test_attendance_shows_the_quorum_live_and_decisions_are_recorded(page: Page, live_server) -> None:
    body, groups = board()
    ebe = [MembershipFactory(body=body, constituency=groups["ebe"], member__name=f"Expert {n}") for n in range(4)]
    orgs = [MembershipFactory(body=body, constituency=groups["nhs"], member__name=f"NHS {n}") for n in range(2)]
    orgs += [
        MembershipFactory(body=body, constituency=groups["council"], member__name=f"Council {n}") for n in range(2)
    ]
    meeting = _today(body)
    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/meetings/{meeting.pk}/run/")
    expect(page.locator("#quorum")).to_contain_text("Not quorate")
    check_page(page)
    for membership in [*orgs, *ebe[:3]]:
        _there(page, membership.member.name)
    expect(page.locator("#quorum")).to_contain_text("Expert by Experience or Carer: 3 of at least 4")
    expect(page.locator("#quorum")).to_contain_text("(1 short)")
    check_page(page)
    page.get_by_label("What was decided?").fill("Keep the Hub open on Saturday mornings.")
    page.get_by_label("In scope of co-production").check()
    page.get_by_label("Co-producing").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#decisions ~ .govuk-summary-card").first).to_contain_text("Taken while not quorate")
    _there(page, ebe[3].member.name)
    expect(page.locator("#quorum")).to_contain_text("Quorate")
    expect(page.locator("#quorum")).not_to_contain_text("Not quorate")
    page.get_by_label("What was decided?").fill("Close the Hub's day centre.")
    page.get_by_label("Out of scope of co-production").check()
    page.get_by_label("Informing").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose why it was out of scope")
    check_page(page)
    page.get_by_label("Financial").check()
    page.get_by_label("Explain, in plain words (out of scope only)").fill("The council's budget decided it.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The decision is recorded")
    check_page(page, screenshot="collaborative-attendance")
    page.get_by_role("link", name="Choose the chair").click()
    page.get_by_label("Who chairs this meeting?").select_option(label=f"{ebe[0].member.name} (Experts by Experience)")
    check_page(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why someone from another sector chairs")
    check_page(page)
    page.goto(f"{live_server.url}/collaborative/decisions/")
    expect(page.locator("main")).to_contain_text("Keep the Hub open on Saturday mornings.")
    expect(page.locator("main")).to_contain_text("The council's budget decided it.")
    check_page(page, screenshot="collaborative-decisions")


@pytest.mark.django_db(transaction=True)
def test_minutes_are_circulated_approved_and_published(page: Page, live_server) -> None:
    body, groups = board()
    MembershipFactory(body=body, constituency=groups["ebe"], member__name="Ben Hughes")
    MembershipFactory(body=body, constituency=groups["nhs"], member__name="Femi Adebayo", member__named_in_public=True)
    start = timezone.now() - datetime.timedelta(days=60)
    last = MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    today = _today(body)
    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/meetings/{last.pk}/run/minutes/")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write the minutes")
    check_page(page)
    page.get_by_label("Minutes").fill(
        "Ben Hughes asked about bus fares for his carer, the driver on route 7. Femi Adebayo will find out."
    )
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator("main")).to_contain_text("A member (Experts by Experience) asked about bus fares for their")
    page.get_by_role("button", name="Circulate to members").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("sent to members")
    check_page(page, screenshot="collaborative-minutes")
    page.goto(f"{live_server.url}/collaborative/meetings/{today.pk}/run/")
    page.get_by_role("button", name=re.compile("^Approved at this meeting")).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The minutes are approved")
    check_page(page)
    page.goto(f"{live_server.url}/collaborative/meetings/{last.pk}/run/minutes/")
    # The secretary sees that "the driver on route 7" still says who it is, and corrects the public version.
    page.get_by_text("Correct the public version").first.click()
    public = page.get_by_label("Correct the public version")
    public.fill(public.input_value().replace("their carer, the driver on route 7", "a carer"))
    check_page(page, screenshot="collaborative-public-version")
    page.get_by_role("button", name="Save the public version").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The public version is corrected")
    expect(page.locator("main")).to_contain_text("Corrected by the secretary")
    page.get_by_role("button", name="Publish on the public site").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("published")
    page.goto(f"{live_server.url}/collaborative/meetings/{last.pk}/")
    expect(page.locator("#minutes ~ .govuk-body").last).to_contain_text("Femi Adebayo will find out")
    expect(page.locator("main")).not_to_contain_text("Ben Hughes")
    expect(page.locator("main")).not_to_contain_text("route 7")
    expect(page.locator("main")).to_contain_text("asked about bus fares for a carer")
    check_page(page)
    assert Minutes.objects.get().status == "published"


@pytest.mark.django_db(transaction=True)
def test_an_experts_claim_with_a_receipt_is_approved(page: Page, other_page: Page, live_server) -> None:
    body, groups = board()
    PaymentRate.objects.create(
        body=body, kind="ebe", basis="hour", amount=Decimal("15.00"), valid_from=datetime.date(2020, 4, 6)
    )
    expert = _member_of(body, "ebe", groups, "Amara Okafor", member__annual_cap=Decimal("60.00"))
    meeting = _today(body)
    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/meetings/{meeting.pk}/run/")
    _there(page, "Amara Okafor")
    expect(page.locator("#quorum")).to_contain_text("Expert by Experience or Carer: 1 of at least 4")

    sign_in(other_page, live_server.url, expert.username)
    other_page.goto(f"{live_server.url}/collaborative/yours/payments/")
    expect(other_page.locator("main")).to_contain_text("Waiting for approval")
    check_page(other_page)
    other_page.get_by_role("link", name=re.compile("Co-production Board")).click()
    other_page.get_by_role("button", name="Add the expense").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Choose the receipt")
    check_page(other_page)
    other_page.get_by_label("What was it for?").fill("Bus fare")
    other_page.get_by_label("Amount in pounds").fill("4.50")
    other_page.get_by_label("Receipt").set_input_files(
        {"name": "ticket.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 bus ticket"}
    )
    other_page.get_by_role("button", name="Add the expense").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("The expense is added")
    expect(other_page.locator("main")).to_contain_text("£49.50")
    check_page(other_page)

    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/payments/")
    expect(page.locator("main")).to_contain_text("Amara Okafor")
    expect(page.locator("main")).to_contain_text("Near their yearly limit")
    check_page(page, screenshot="collaborative-payments")
    page.get_by_role("link", name="Amara Okafor").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("Near the yearly limit of £60.00")
    check_page(page)
    page.get_by_role("button", name="Approve the claim").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The claim is approved")
    check_page(page)
    other_page.goto(f"{live_server.url}/collaborative/yours/payments/")
    expect(other_page.locator("main")).to_contain_text("Approved")
    expect(other_page.locator(".govuk-warning-text")).to_contain_text("You are near your yearly limit")
    check_page(other_page, screenshot="collaborative-statement")


@pytest.mark.django_db(transaction=True)
def test_the_secretary_keeps_members_meetings_and_rotas(page: Page, other_page: Page, live_server) -> None:
    body, groups = board()
    Body.objects.filter(pk=body.pk).update(open_membership=True)
    member = _member_of(body, "ebe", groups, "Ola Member")
    MembershipFactory(body=body, constituency=groups["nhs"], member__name="Bea Hub")
    Topic.objects.create(body=body, title="Parking", why="There is none.", submission_id="1" * 32)
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=9))
    start = timezone.now() - datetime.timedelta(days=30)
    last = MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    Minutes.objects.create(meeting=last, text="Ola Member asked about parking.", status="circulated")
    other_page.goto(f"{live_server.url}/collaborative/{body.slug}/join/")
    other_page.get_by_label("Carers").check()
    other_page.get_by_label("Your name").fill("Kim Carer")
    other_page.get_by_label("Email address").fill("kim@example.org")
    other_page.get_by_label("I have read the code of conduct and agree to it").check()
    other_page.get_by_role("button", name="Ask to join").click()

    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/")
    page.get_by_role("link", name="Kim Carer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Request to join")
    check_page(page)
    page.get_by_role("button", name="Decline and tell them why").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give a reason")
    check_page(page)
    page.get_by_role("button", name="Approve: make them a member").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Kim Carer is now a member")

    page.get_by_role("link", name="Add a member").click()
    page.get_by_role("button", name="Add the member").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("They must agree to the code of conduct")
    check_page(page)
    page.get_by_label("Council representatives").check()
    page.get_by_label("Name", exact=True).fill("Grace Lee")
    page.get_by_label("Email address").fill("grace@council.example")
    page.get_by_label("They have read the code of conduct and agree to it").check()
    page.get_by_role("button", name="Add the member").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Grace Lee is now a member")

    page.get_by_role("link", name="Ola Member").click()
    check_page(page)
    page.get_by_label("Co-production and teamwork").check()
    completed = page.get_by_role("group", name="Completed on (optional)")
    completed.get_by_label("Day", exact=True).fill("3")
    completed.get_by_label("Month", exact=True).fill("2")
    completed.get_by_label("Year", exact=True).fill("2026")
    page.get_by_role("button", name="Record training").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The training is recorded")
    check_page(page)

    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/")
    page.get_by_role("link", name="Set aside").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give a reason")
    check_page(page)
    page.get_by_label("Why is it not being taken forward?").fill("The council is consulting on it in March.")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Plan repeating meetings").click()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose how often")
    check_page(page)
    page.get_by_label("Every three months").check()
    page.get_by_label("Which week of the month?").select_option("1")
    page.get_by_label("Day of the week").select_option("1")
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("1")
    page.get_by_label("Year", exact=True).fill(str(timezone.localdate().year + 1))
    page.get_by_label("Starts").fill("18:00")
    page.get_by_label("Ends").fill("20:00")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The meetings are planned")
    page.get_by_role("link", name="Add a meeting").click()
    check_page(page)
    page.go_back()

    page.get_by_role("link", name="Start a rota").click()
    page.get_by_label("Name of the rota").fill("Hub representative")
    page.get_by_label("What does the person on the rota do?").fill("Go and report back to the Hub.")
    page.get_by_label("Bea Hub (NHS representatives)").check()
    page.get_by_role("button", name="Start the rota").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least two people to take turns")
    check_page(page)
    page.get_by_label("Bea Hub (NHS representatives)").check()
    page.get_by_label("Ola Member (Experts by Experience)").check()
    page.get_by_role("button", name="Start the rota").click()
    page.get_by_role("button", name="Give out the next turns").click()
    expect(page.locator("main table")).to_contain_text("Bea Hub")
    check_page(page, screenshot="collaborative-rota")

    page.goto(f"{live_server.url}/collaborative/meetings/{meeting.pk}/run/move/")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why it is moving")
    check_page(page)
    page.goto(f"{live_server.url}/collaborative/meetings/{meeting.pk}/run/cancel/")
    page.get_by_label("Why is it cancelled?").fill("The hall is flooded.")
    page.get_by_role("button", name="Cancel the meeting").click()
    expect(page.locator("h1")).to_contain_text("Cancelled")
    check_page(page)

    sign_in(other_page, live_server.url, member.username)
    other_page.goto(f"{live_server.url}/collaborative/meetings/{last.pk}/minutes/")
    expect(other_page.locator("main")).to_contain_text("Ola Member asked about parking.")
    check_page(other_page)
    later = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=20))
    other_page.goto(f"{live_server.url}/collaborative/meetings/{later.pk}/reply/")
    other_page.get_by_role("button", name="Save").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Say whether you will come")
    check_page(other_page)
    other_page.get_by_label("Yes, I will come").check()
    other_page.get_by_label("Anything we should arrange so you can take part? (optional)").fill("A hearing loop")
    other_page.get_by_role("button", name="Save").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("Your reply is saved")
    check_page(other_page)


@pytest.mark.django_db(transaction=True)
def test_a_guest_presents_at_a_board_meeting(page: Page, live_server) -> None:
    body, _groups = board()
    meeting = _today(body)
    AgendaItem.objects.create(meeting=meeting, title="The crisis café's first year", position=1)
    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/meetings/{meeting.pk}/run/")
    page.get_by_role("link", name="Invite a guest").click()
    page.get_by_role("button", name="Invite").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter their name")
    check_page(page)
    page.get_by_label("Which item?").select_option(label="The crisis café's first year")
    page.get_by_label("To present").check()
    page.get_by_label("Name").fill("Dr Priya Shah")
    page.get_by_label("Organisation (optional)").fill("Kingsmere Trust")
    page.get_by_label("Email address").fill("priya@trust.example")
    page.get_by_role("button", name="Invite").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Dr Priya Shah is invited")
    check_page(page)
    quorum = page.locator(".govuk-tag", has_text="quorate").first.inner_text()
    page.get_by_role("button", name="There Dr Priya Shah").click()
    expect(page.get_by_role("button", name="Not there Dr Priya Shah")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="quorate").first).to_have_text(quorum)  # guests do not count
    check_page(page, screenshot="collaborative-guest")
    worker_run()
    assert [m.subject for m in mail.outbox if m.to == ["priya@trust.example"]] == [
        "You are invited to Co-production Board"
    ]


@pytest.mark.django_db(transaction=True)
def test_an_adviser_from_expression_of_interest_through_training_and_supervision(
    page: Page, other_page: Page, live_server
) -> None:
    body, groups = board()
    Body.objects.filter(pk=body.pk).update(
        name="Experts by Experience advisory group", kind=Body.Kind.EBE_GROUP, open_membership=True
    )
    # An expression of interest, from the group's page.
    other_page.goto(f"{live_server.url}/collaborative/{body.slug}/join/")
    other_page.get_by_label("Experts by Experience").check()
    other_page.get_by_label("Your name").fill("Zoë Adeyemi")
    other_page.get_by_label("Email address").fill("zoe@example.org")
    other_page.get_by_label("Why would you like to join? (optional)").fill("I want crisis care to listen.")
    other_page.get_by_label("I have read the code of conduct and agree to it").check()
    other_page.get_by_role("button", name="Ask to join").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Your request to join is sent")

    # The secretary has a short conversation with her, records it, and approves.
    _secretary(page, live_server, body)
    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/")
    page.get_by_role("link", name="Zoë Adeyemi").click()
    page.get_by_role("button", name="Record the conversation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date")
    check_page(page)
    today = timezone.localdate()
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_label("Notes").fill("Keen to work on crisis care. Would like a buddy.")
    page.get_by_role("button", name="Record the conversation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The conversation is recorded")
    check_page(page)
    page.get_by_role("button", name="Approve: make them a member").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Zoë Adeyemi is now a member")

    # Induction, a buddy, the four courses and supervision, on her record.
    experienced = _member_of(body, "ebe", groups, "Amara Okafor")
    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/")
    page.get_by_role("link", name="Zoë Adeyemi").click()
    check_page(page)
    induction = page.locator("form", has=page.get_by_role("button", name="Record the induction"))
    induction.get_by_label("Day", exact=True).fill(str(today.day))
    induction.get_by_label("Month", exact=True).fill(str(today.month))
    induction.get_by_label("Year", exact=True).fill(str(today.year))
    induction.get_by_role("button", name="Record the induction").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Their induction is recorded")
    page.get_by_label("Their buddy").select_option(label="Amara Okafor (Experts by Experience)")
    page.get_by_role("button", name="Save the buddy").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Their buddy is saved")
    training = page.locator("form", has=page.get_by_role("button", name="Record training"))
    training.get_by_label("Commissioning and governance").check()
    training.get_by_role("group", name="Course date (optional)").get_by_label("Day", exact=True).fill(str(today.day))
    training.get_by_role("group", name="Course date (optional)").get_by_label("Month", exact=True).fill(
        str(today.month)
    )
    training.get_by_role("group", name="Course date (optional)").get_by_label("Year", exact=True).fill(str(today.year))
    training.get_by_label("They attended").check()
    training.get_by_role("button", name="Record training").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The training is recorded")
    supervision = page.locator("form", has=page.get_by_role("button", name="Record the session"))
    supervision.get_by_role("button", name="Record the session").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write the notes")
    check_page(page)
    supervision = page.locator("form", has=page.get_by_role("button", name="Record the session"))
    supervision.get_by_label("Day", exact=True).fill(str(today.day))
    supervision.get_by_label("Month", exact=True).fill(str(today.month))
    supervision.get_by_label("Year", exact=True).fill(str(today.year))
    supervision.get_by_label("Notes").fill("Zoë spoke up at her first Board pre-meeting.")
    supervision.get_by_label("Follow-ups (optional)").fill("Book the self-care course.")
    supervision.get_by_role("button", name="Record the session").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The supervision session is recorded")
    check_page(page, screenshot="collaborative-adviser")

    # Zoë reads her own training, supervision notes and buddy, signed in.
    zoe = User.objects.get(email="zoe@example.org")
    zoe.set_password("a-long-test-password")
    zoe.save()
    other_page.context.clear_cookies()
    sign_in(other_page, live_server.url, zoe.username)
    other_page.goto(f"{live_server.url}/collaborative/yours/")
    expect(other_page.get_by_text("Zoë spoke up at her first Board pre-meeting.")).to_be_visible()
    expect(other_page.get_by_text(f"Your buddy is {experienced.first_name}.")).to_be_visible()
    check_page(other_page)
