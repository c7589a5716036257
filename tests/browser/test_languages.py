"""The front door end to end in Arabic (right to left) and in Polish, in a real browser with axe on every page,
and the confirmation email in the language it was sent in; and finding support in the directory in both
(decision 0062)."""

import datetime
import re
import uuid

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Body
from livingwell.collaborative.tests.factories import MeetingFactory, board, secretary_of
from livingwell.conftest import worker_run
from livingwell.directory.demo import directory_demo_load
from livingwell.frontdoor.models import Introduction
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.invite import person_account_invite
from livingwell.support.models import Connection, Plan
from livingwell.support.tests.factories import EpisodeFactory
from livingwell.timebank import services
from livingwell.timebank.models import Bank, Category, Member
from livingwell.timebank.shipped import bank_load
from livingwell.timebank.tests.factories import member_for
from tests.browser.conftest import check_page, sign_in, staff_signed_in


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("code", "name", "direction"), [("ar", "العربية", "rtl"), ("pl", "Polski", "ltr")])
def test_someone_introduces_themselves_in_their_language(
    page: Page, live_server, code: str, name: str, direction: str
) -> None:
    with translation.override(code):  # the words as this language's file has them
        said = {english: gettext(english) for english in WORDS}
    assert [english for english in WORDS if said[english] == english] in ([], ["Menu"])  # Polish says "Menu" too

    page.goto(live_server.url)
    page.get_by_role("navigation", name="Languages").get_by_role("link", name=name).click()
    expect(page).to_have_url(f"{live_server.url}/{code}/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", code)
    expect(html).to_have_attribute("dir", direction)
    expect(page.locator(".govuk-phase-banner")).to_contain_text(said[NOT_CHECKED])
    check_page(page)

    page.get_by_role("navigation", name=said["Menu"]).get_by_role("link", name=said["Introduce yourself"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Introduce yourself to the Living Well Network"])
    check_page(page)
    page.get_by_role("button", name=said["Start now"]).click()

    def next_page() -> None:
        page.get_by_role("button", name=said["Continue"]).click()

    next_page()  # nothing chosen: the mistake is said in the language too
    expect(page.locator(".govuk-error-summary")).to_contain_text(said["Select who this introduction is for"])
    check_page(page, screenshot=f"frontdoor-question-error-{code}")
    page.get_by_role("radio", name=said["Me"], exact=True).check()
    next_page()
    page.get_by_label(said["What name would you like us to call you?"]).fill("Sam")
    check_page(page)
    next_page()
    check_page(page)
    next_page()  # date of birth: may be left out
    page.get_by_role("checkbox", name=said["Email"], exact=True).check()
    page.get_by_label(said["Email address"]).fill("sam@example.org")
    page.get_by_label(said["No, please do not leave a message"]).check()
    check_page(page)
    next_page()
    page.get_by_label(said["What is going on for you at the moment?"]).fill("Od miesięcy źle śpię. لا أنام جيدًا.")
    check_page(page)
    next_page()
    for _question in ("what matters", "what would help", "access and language", "GP"):
        check_page(page)
        next_page()
    check_page(page)
    page.get_by_role("link", name=said["Skip these questions"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(said["Check your answers before sending"])
    check_page(page)
    page.get_by_role("button", name=said["Send introduction"]).click()
    expect(page.locator(".govuk-panel__title")).to_have_text(said["Introduction sent"])
    expect(html).to_have_attribute("dir", direction)
    check_page(page)

    introduction = Introduction.objects.get()
    assert introduction.written_in == code
    worker_run()
    (confirmation,) = [message for message in mail.outbox if message.to == ["sam@example.org"]]
    with translation.override(code):
        subject = gettext("We have your introduction: %(reference)s") % {"reference": introduction.reference}
    assert confirmation.subject == subject
    assert "Samaritans" in confirmation.body
    assert "Thank you for introducing yourself" not in confirmation.body


NOT_CHECKED = "A fluent speaker has not checked this translation yet."
WORDS = [
    NOT_CHECKED,
    "Menu",
    "Introduce yourself",
    "Introduce yourself to the Living Well Network",
    "Start now",
    "Continue",
    "Select who this introduction is for",
    "Me",
    "What name would you like us to call you?",
    "Email",
    "Email address",
    "No, please do not leave a message",
    "What is going on for you at the moment?",
    "Skip these questions",
    "Check your answers before sending",
    "Send introduction",
    "Introduction sent",
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("pl", "ltr")])
def test_someone_finds_support_in_their_language(page: Page, live_server, code: str, direction: str) -> None:
    directory_demo_load()
    with translation.override(code):
        said = {english: gettext(english) for english in DIRECTORY_WORDS}
    assert [english for english in DIRECTORY_WORDS if said[english] == english] == []

    page.goto(f"{live_server.url}/{code}/directory/")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    check_page(page)
    page.get_by_label(said["What are you looking for?"]).fill("walk")
    page.get_by_role("button", name=said["Search"]).click()
    page.locator(".lw-result h3 a").first.click()
    expect(page.get_by_role("button", name=said["Add to my list"])).to_be_visible()
    check_page(page)
    page.get_by_role("button", name=said["Add to my list"]).click()
    page.get_by_role("link", name=said["See your list"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Your list"])
    check_page(page)


DIRECTORY_WORDS = ["What are you looking for?", "Search", "Add to my list", "See your list", "Your list"]


@pytest.mark.django_db(transaction=True)
def test_someone_tells_their_story_in_arabic(page: Page, live_server) -> None:
    """Right to left from the list to the thanks, and the email's link back to their own page in Arabic."""
    with translation.override("ar"):
        said = {english: gettext(english) for english in STORY_WORDS}
    assert [english for english in STORY_WORDS if said[english] == english] == []

    page.goto(f"{live_server.url}/ar/stories/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    check_page(page)
    page.get_by_role("link", name=said["Tell your story"]).click()
    page.get_by_role("button", name=said["Send my story"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(said["Write your story"])
    check_page(page, screenshot="story-write-error-ar")
    page.get_by_label(said["A title for your story"]).fill("المقهى")
    page.get_by_label(said["Your story"], exact=True).fill("ذهبت إلى المقهى في الثانية ليلًا، وجلس أحدهم معي.")
    page.get_by_label(said["Someone who has had support"]).check()
    page.get_by_label(said["Only the team"]).check()
    page.get_by_label(said["Email address (optional)"]).fill("robin@example.org")
    page.get_by_role("button", name=said["Send my story"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Thank you for your story"])
    check_page(page)

    worker_run()
    (thanks,) = mail.outbox
    assert thanks.subject == said["Thank you for your story"]
    link = re.search(r"http://\S+/ar/stories/yours/open/\?link=\S+", thanks.body).group(0)  # type: ignore[union-attr]
    page.goto(live_server.url + link.removeprefix("http://localhost:8000"))
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("button", name=said["Withdraw my story"])).to_be_visible()
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_time_bank_member_exchanges_in_arabic(page: Page, live_server) -> None:
    """A member who joined in Arabic adds an offer, hears of someone asking for it in Arabic, and agrees and
    records the hours on pages read from the right, with axe on each; the other member hears in English."""
    with translation.override("ar"):
        said = {english: gettext(english) for english in TIME_BANK_WORDS}
    assert [english for english in TIME_BANK_WORDS if said[english] == english] == []
    bank_load(Bank, Category)
    UserFactory(username="ola", role=Role.PERSON, email="ola@example.org", first_name="Ola")
    sign_in(page, live_server.url, "ola")
    page.goto(f"{live_server.url}/ar/time-bank/join/member/")
    page.get_by_label(said[TIME_BANK_WORDS[0]]).check()
    page.get_by_role("button", name=said["Join"]).click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(said["My time"])
    check_page(page)
    page.get_by_role("link", name=said["Offer or ask for help"]).first.click()
    page.get_by_role("button", name=said["Add it"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(said["Choose offering or asking"])
    check_page(page)
    page.get_by_label(said["Offering help"]).check()
    page.get_by_label(said["Title"]).fill("خياطة")
    page.get_by_label(said["Description"]).fill("تقصير السراويل وإصلاح السحّابات، صباح السبت.")
    page.get_by_role("button", name=said["Add it"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("خياطة")
    ola = Member.objects.get(name="Ola")
    assert ola.written_in == "ar"

    bola = member_for(UserFactory(role=Role.PERSON, email="bola@example.org"), name="Bola")
    services.exchange_ask(member=bola, listing=ola.listings.get(), message="Saturday?", submission_id=uuid.uuid4())
    worker_run()
    (asked,) = mail.outbox
    assert asked.to == ["ola@example.org"]
    link = re.search(r"http://\S+/ar/time-bank/exchanges/\S+/", asked.body).group(0)  # type: ignore[union-attr]
    page.goto(live_server.url + link.removeprefix("http://localhost:8000"))
    expect(page.get_by_text("Saturday?")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name=said["Yes"]).click()
    page.get_by_label(said["How many hours?"]).fill("1.1")
    page.get_by_role("button", name=said["Record the hours"]).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_page(page, screenshot="timebank-exchange-ar")
    page.get_by_label(said["How many hours?"]).fill("1.5")
    page.get_by_role("button", name=said["Record the hours"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Bola")
    check_page(page)
    worker_run()
    to_bola = [message for message in mail.outbox if message.to == ["bola@example.org"]]
    assert [message.subject for message in to_bola] == ["Yes to “خياطة”", "Please confirm the hours for “خياطة”"]


@pytest.mark.django_db(transaction=True)
def test_someone_we_support_reads_and_agrees_their_plan_in_arabic(page: Page, live_server) -> None:
    """From the invitation their guide sends: a password chosen, the plan read from the right with its
    connections drawn, a comment added and the plan agreed, with axe on each page."""
    with translation.override("ar"):
        said = {english: gettext(english) for english in PLAN_WORDS}
    assert [english for english in PLAN_WORDS if said[english] == english] == []
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    person = PersonFactory(preferred_name="Robin", email="robin@example.org", written_in="ar")
    EpisodeFactory(person=person, guide=guide)
    plan = Plan.objects.create(person=person, strengths="صبور، ويحب الحيوانات")
    Connection.objects.create(plan=plan, name="أختي", kind="family", closeness="close", may_share=True)
    Connection.objects.create(plan=plan, name="مجموعة الحديقة", kind="community", closeness="wider")
    person_account_invite(actor=guide, person=person)
    worker_run()
    (invitation,) = mail.outbox
    link = re.search(r"http://\S+/ar/account/welcome/\S+", invitation.body).group(0)  # type: ignore[union-attr]
    page.goto(link.replace("http://localhost:8000", live_server.url))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Choose a password"])
    check_page(page)
    page.get_by_label(said["Choose a password"]).fill("a walk by the river at dawn")
    page.get_by_label(said["Type it again"]).fill("a walk by the river at dawn")
    page.get_by_role("button", name=said["Save and see my plan"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(said["My plan"])
    expect(page.locator("main")).to_contain_text("أختي")
    check_page(page, screenshot="my-plan-ar")
    page.get_by_label(said["Add a comment"]).fill("هل يمكننا إضافة السباحة؟")
    page.get_by_role("button", name=said["Add comment"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(said["Comment added."])
    page.get_by_role("button", name=said["I agree with my plan"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(said["Thank you. You have agreed your plan."])
    check_page(page)


PLAN_WORDS = [
    "Choose a password",
    "Type it again",
    "Save and see my plan",
    "My plan",
    "Add a comment",
    "Add comment",
    "Comment added.",
    "I agree with my plan",
    "Thank you. You have agreed your plan.",
]


TIME_BANK_WORDS = [
    "I have read the code of conduct and the advice on meeting someone for the first time, and I agree",
    "Join",
    "My time",
    "Offer or ask for help",
    "Add it",
    "Choose offering or asking",
    "Offering help",
    "Title",
    "Description",
    "Yes",
    "How many hours?",
    "Record the hours",
]


STORY_WORDS = [
    "Tell your story",
    "Send my story",
    "Write your story",
    "A title for your story",
    "Your story",
    "Someone who has had support",
    "Only the team",
    "Email address (optional)",
    "Thank you for your story",
    "Withdraw my story",
]


MEMBER_WORDS = [
    "Your name", "Email address", "I have read the code of conduct and agree to it", "Ask to join",
    "Agree to the code of conduct to join", "Your request to join is sent", "Choose a password", "Type it again",
    "Save my password", "Your account", "Your co-production", "Reply", "Will you come?", "Say whether you will come",
    "Yes, I will come", "Anything we should arrange so you can take part? (optional)", "Save", "Your reply is saved.",
]  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_someone_joins_the_collaborative_and_replies_to_a_meeting_in_arabic(
    page: Page, other_page: Page, live_server
) -> None:
    """Asking to join read from the right; the secretary, who reads the public pages in Arabic, approves on a
    page in English; the welcome arrives in Arabic, and the new member chooses a password and replies to a
    meeting with their access needs, a mistake first, with axe on each page."""
    with translation.override("ar"):
        said = {english: gettext(english) for english in MEMBER_WORDS}
    assert [english for english in MEMBER_WORDS if said[english] == english] == []
    body, _groups = board()
    Body.objects.filter(pk=body.pk).update(open_membership=True)
    MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=14))
    page.goto(f"{live_server.url}/ar/collaborative/{body.slug}/join/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("button", name=said["Ask to join"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(said["Agree to the code of conduct to join"])
    check_page(page)
    page.get_by_label("Experts by Experience").check()
    page.get_by_label(said["Your name"]).fill("هدى")
    page.get_by_label(said["Email address"]).fill("huda@example.org")
    page.get_by_label(said["I have read the code of conduct and agree to it"]).check()
    page.get_by_role("button", name=said["Ask to join"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Your request to join is sent"])
    check_page(page)

    secretary = staff_signed_in(other_page, live_server.url, "sol", Role.SECRETARY)
    secretary_of(body, secretary)
    other_page.goto(f"{live_server.url}/ar/")  # the public pages in Arabic, remembered
    other_page.goto(f"{live_server.url}/ar/collaborative/{body.slug}/run/")  # a link shared in Arabic
    expect(other_page.locator("html")).to_have_attribute("lang", "en-gb")  # staff's pages are in English
    other_page.get_by_role("link", name="هدى").click()
    check_page(other_page)
    other_page.get_by_role("button", name="Approve: make them a member").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("هدى is now a member")
    check_page(other_page)

    worker_run()
    (welcome,) = [message for message in mail.outbox if message.to == ["huda@example.org"]]
    assert welcome.subject == f"مرحبًا بك في {body.name}"
    link = re.search(r"http://\S+/ar/account/welcome/\S+", welcome.body).group(0)  # type: ignore[union-attr]
    page.goto(link.replace("http://localhost:8000", live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Choose a password"])
    check_page(page)
    page.get_by_label(said["Choose a password"]).fill("tea by the window at noon")
    page.get_by_label(said["Type it again"]).fill("tea by the window at noon")
    page.get_by_role("button", name=said["Save my password"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Your account"])
    check_page(page)
    page.goto(f"{live_server.url}/ar/collaborative/yours/")
    expect(page.get_by_role("heading", level=1)).to_have_text(said["Your co-production"])
    check_page(page)
    page.get_by_role("link", name=re.compile(f"^{said['Reply']}")).first.click()
    page.get_by_role("button", name=said["Save"]).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(said["Say whether you will come"])
    check_page(page)
    page.get_by_label(said["Yes, I will come"]).check()
    page.get_by_label(said["Anything we should arrange so you can take part? (optional)"]).fill("غرفة هادئة")
    page.get_by_role("button", name=said["Save"]).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(said["Your reply is saved."])
    check_page(page, screenshot="collaborative-yours-ar")
