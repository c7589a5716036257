"""Evaluating co-production in a real browser, with axe on every page and state: a baseline round from
invitation to published results, a six-principle audit from scoring to action plan, and a story written,
moderated, approved by its author, published and withdrawn."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.collaborative.tests.factories import MembershipFactory, board, secretary_of
from livingwell.conftest import worker_run
from livingwell.voice import services
from livingwell.voice.ladder import ladder_load
from livingwell.voice.models import Audit, Invitation, Principle, Rung, ScorePoint
from livingwell.voice.principles import principles_load
from tests.browser.conftest import check_page, fill_date, staff_signed_in


@pytest.mark.django_db(transaction=True)
def test_a_baseline_round_from_invitation_to_published_results(page: Page, other_page: Page, live_server) -> None:
    ladder_load(Rung)
    body, groups = board()
    for n in range(6):
        MembershipFactory(
            body=body, constituency=groups["ebe"], member__name=f"Adviser {n}", member__email=f"adviser{n}@x.org"
        )
    for n in range(5):
        MembershipFactory(
            body=body, constituency=groups["nhs"], member__name=f"Nurse {n}", member__email=f"nurse{n}@x.org"
        )
    user = staff_signed_in(page, live_server.url, "sol", Role.SECRETARY)
    secretary_of(body, user)

    page.goto(f"{live_server.url}/collaborative/{body.slug}/run/")
    page.get_by_role("link", name="Evaluate how involved people are").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evaluate how involved people are")
    check_page(page)
    page.get_by_role("link", name="Start a round").click()
    page.get_by_role("button", name="Make the round").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the kind of round")
    check_page(page)
    page.get_by_label("Baseline").check()
    page.get_by_label("Title").fill("Baseline for the Board")
    today = timezone.localdate()
    fill_date(page, "Opens", today)
    fill_date(page, "Closes", today)
    page.get_by_role("button", name="Make the round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Baseline for the Board")
    check_page(page)
    page.get_by_role("button", name="Invite the members").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("invited")
    check_page(page, screenshot="voice-round")
    page.get_by_role("link", name="Invite a contributor").click()
    page.get_by_label("Name").fill("Dr Priya Shah")
    page.get_by_label("Email address").fill("priya@trust.example")
    page.get_by_role("button", name="Invite them").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Dr Priya Shah is invited")
    check_page(page)

    # The worker sends the invitations; an adviser answers by the link in theirs.
    worker_run()
    (invitation,) = [m for m in mail.outbox if m.to == ["adviser0@x.org"]]
    link = re.search(r"http://\S+/evaluation/answer/open/\?link=\S+", invitation.body).group(0)
    other_page.goto(live_server.url + link.removeprefix("http://localhost:8000"))
    expect(other_page.get_by_role("heading", level=1)).to_have_text("How involved did you feel?")
    check_page(other_page)
    other_page.get_by_role("button", name="Send my answer").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Choose where you felt the work stood")
    check_page(other_page)
    other_page.get_by_label(re.compile("^Co-designing")).check()
    other_page.get_by_label("Why do you say that?").fill("We chose the crisis café's opening hours together.")
    other_page.get_by_label("What would move it up the ladder? (optional)").fill("A say in the budget.")
    other_page.get_by_label("You may quote what I wrote").check()
    other_page.get_by_role("button", name="Send my answer").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Thank you")
    check_page(other_page)

    # The other advisers and the nurses answer too (by the same service their links lead to).
    ladder = list(Rung.objects.order_by("position"))
    for invitation in Invitation.objects.filter(answered=False, member__name__regex=r"^(Adviser|Nurse)"):
        step = 6 if invitation.group == "ebe" else 4
        services.answer_give(
            invitation_id=str(invitation.pk), rung=ladder[step - 1], why="Because.", move_up="", may_quote=False
        )

    page.get_by_role("link", name="See the results").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("Not published")
    check_page(page)
    page.go_back()
    page.get_by_role("button", name="Publish the results").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The results are published.")
    check_page(page)

    # Anyone reads them from the Board's page.
    visitor = other_page
    visitor.goto(f"{live_server.url}/collaborative/{body.slug}/")
    visitor.get_by_role("link", name="How involved people felt").click()
    check_page(visitor)
    visitor.get_by_role("link", name="Baseline for the Board").click()
    table = visitor.locator("#distribution")
    expect(table.get_by_role("row", name=re.compile("^Co-designing"))).to_contain_text("6")
    expect(table.get_by_role("row", name=re.compile("^Consulting"))).to_contain_text("5")
    expect(visitor.get_by_text("We chose the crisis café's opening hours together.")).to_be_visible()
    expect(visitor.get_by_text("Adviser 0")).to_have_count(0)
    check_page(visitor, screenshot="voice-results")


@pytest.mark.django_db(transaction=True)
def test_a_six_principle_audit_from_scoring_to_action_plan(page: Page, other_page: Page, live_server) -> None:
    ladder_load(Rung)
    principles_load(Principle, ScorePoint)
    body, groups = board()
    MembershipFactory(body=body, constituency=groups["ebe"], member__name="Amara", member__email="amara@x.org")
    user = staff_signed_in(page, live_server.url, "sol", Role.SECRETARY)
    secretary_of(body, user)
    page.goto(f"{live_server.url}/evaluation/{body.slug}/rounds/")
    page.get_by_role("link", name="Start an audit").click()
    page.get_by_role("button", name="Make the audit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a title")
    check_page(page)
    page.get_by_label("Title").fill("Our co-production audit")
    today = timezone.localdate()
    page.get_by_label("Which year is it for?").fill(str(today.year))
    fill_date(page, "Scoring opens", today)
    fill_date(page, "Scoring closes", today)
    page.get_by_role("button", name="Make the audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Our co-production audit")
    check_page(page)
    page.get_by_role("button", name="Invite the members to score").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("invited")
    check_page(page)

    worker_run()
    (invitation,) = [m for m in mail.outbox if m.to == ["amara@x.org"]]
    link = re.search(r"http://\S+/evaluation/answer/open/\?link=\S+", invitation.body).group(0)
    other_page.goto(live_server.url + link.removeprefix("http://localhost:8000"))
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Score how we co-produce")
    check_page(other_page)
    other_page.get_by_role("button", name="Send my scores").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Score “Recognising people as assets”")
    check_page(other_page)
    for principle in Principle.objects.order_by("position"):
        group = other_page.get_by_role("group", name=principle.name)
        group.get_by_label(re.compile("^3, Developing")).check()
    for box in other_page.get_by_label("What have you seen that shows it?").all():
        box.fill("Experts by Experience chair half the workshops.")
    other_page.get_by_role("button", name="Send my scores").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Thank you")
    check_page(other_page)

    page.reload()
    expect(page.get_by_text("Experts by Experience chair half the workshops.").first).to_be_visible()
    page.get_by_role("link", name="Agree a rating Recognising people as assets").click()
    page.get_by_role("button", name="Agree").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the agreed rating")
    check_page(page)
    page.get_by_label(re.compile("^3, Developing")).check()
    page.get_by_label("Why this rating?").fill("Most scored 3, with good evidence.")
    page.get_by_role("button", name="Agree").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is agreed")
    page.get_by_role("link", name="Add to the plan Recognising people as assets").click()
    page.get_by_label("What will be done?").fill("Ask each new member what they bring")
    page.get_by_label("Who will do it?").fill("The secretary")
    fill_date(page, "By when?", today)
    page.get_by_role("button", name="Add").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Added to the plan")
    check_page(page, screenshot="voice-audit")
    audit = Audit.objects.get()
    third = ScorePoint.objects.get(value=3)
    for principle in Principle.objects.exclude(position=1):
        services.rating_agree(actor=user, audit=audit, principle=principle, point=third, reasons="Seen.")
    page.get_by_role("link", name="Agree the audit").click()
    page.get_by_label("Summary").fill("We are developing on every principle.")
    page.get_by_role("button", name="Agree the audit").click()
    page.get_by_role("button", name="Publish the summary and plan").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("published")
    check_page(page)
    other_page.goto(f"{live_server.url}/evaluation/{body.slug}/")
    other_page.get_by_role("link", name="Our co-production audit").click()
    expect(other_page.get_by_text("Ask each new member what they bring")).to_be_visible()
    check_page(other_page)


@pytest.mark.django_db(transaction=True)
def test_a_story_written_moderated_approved_published_and_withdrawn(page: Page, other_page: Page, live_server) -> None:
    # Someone writes their story, without an account.
    other_page.goto(live_server.url)
    other_page.get_by_role("navigation", name="Menu").get_by_role("link", name="Stories").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Stories")
    check_page(other_page)
    other_page.get_by_role("link", name="Tell your story").click()
    other_page.get_by_role("button", name="Send my story").click()
    expect(other_page.locator(".govuk-error-summary")).to_contain_text("Write your story")
    check_page(other_page)
    other_page.get_by_label("A title for your story").fill("The night café")
    other_page.get_by_label("Your story", exact=True).fill(
        "I couldn't sleep and went to the night café on Canal Street. Dev, who runs it, sat with me till 4am."
    )
    other_page.get_by_label("Someone who has had support").check()
    other_page.get_by_label("Everyone, without my name").check()
    other_page.get_by_label("Email address (optional)").fill("robin@example.org")
    other_page.get_by_role("button", name="Send my story").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Thank you for your story")
    check_page(other_page)

    # The coordinator suggests words without the name.
    staff_signed_in(page, live_server.url, "cory", Role.SECRETARY)
    page.goto(f"{live_server.url}/stories/moderation/")
    check_page(page)
    page.get_by_role("link", name="The night café").click()
    page.get_by_label("The words we would publish").fill(
        "I couldn't sleep and went to the night café. Someone sat with me till 4am."
    )
    page.get_by_label("A note to the author (optional)").fill("We took out the street and a name.")
    page.get_by_role("button", name="Send to the author to approve").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Sent to the author to approve")
    check_page(page)

    # The author approves by the link in their email, beside what they wrote; it is published.
    worker_run()
    approve = next(m for m in mail.outbox if m.subject == "Please approve the words of your story")
    link = re.search(r"http://\S+/stories/yours/open/\?link=\S+", approve.body).group(0)
    other_page.goto(live_server.url + link.removeprefix("http://localhost:8000"))
    expect(other_page.get_by_role("heading", name="What we would publish")).to_be_visible()
    check_page(other_page, screenshot="story-approve")
    other_page.get_by_role("button", name="Approve these words and publish").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("Your story is published")
    check_page(other_page)
    page.goto(f"{live_server.url}/stories/")
    page.get_by_role("link", name="The night café").click()
    expect(page.get_by_text("Someone sat with me till 4am.")).to_be_visible()
    expect(page.get_by_text("Canal Street")).to_have_count(0)
    check_page(page, screenshot="story")

    # They withdraw it: gone at once.
    other_page.get_by_role("button", name="Withdraw my story").click()
    expect(other_page.locator(".govuk-notification-banner")).to_contain_text("Your story is withdrawn")
    check_page(other_page)
    page.goto(f"{live_server.url}/stories/")
    expect(page.get_by_role("link", name="The night café")).to_have_count(0)


@pytest.mark.django_db(transaction=True)
def test_an_experience_survey_offered_and_answered_online(page: Page, other_page: Page, live_server) -> None:
    from livingwell.support.tests.factories import EpisodeFactory
    from livingwell.voice.experience import questions_load
    from livingwell.voice.models import ExperienceQuestion, ExperienceResponse

    questions_load(ExperienceQuestion)
    guide = staff_signed_in(page, live_server.url, "gwen", Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=guide, person__preferred_name="Robin", person__email="robin@example.org")
    page.goto(f"{live_server.url}/support/episodes/{episode.pk}/")
    page.get_by_role("link", name="Offer the experience survey").click()
    page.get_by_role("button", name="Offer it").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose when it is")
    check_page(page)
    page.get_by_label("After the first conversation").check()
    page.get_by_label("By email").check()
    page.get_by_role("button", name="Offer it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You will not see their answers")
    check_page(page)

    worker_run()
    (message,) = [m for m in mail.outbox if m.to == ["robin@example.org"]]
    link = re.search(r"http://\S+/evaluation/experience/open/\?link=\S+", message.body).group(0)
    other_page.goto(live_server.url + link.removeprefix("http://localhost:8000"))
    expect(other_page.get_by_role("heading", level=1)).to_have_text("How was your support?")
    check_page(other_page, screenshot="experience-survey")
    other_page.get_by_role("group", name="I was listened to").get_by_label("Strongly agree").check()
    other_page.get_by_role("group", name="I know how to come back").get_by_label("Agree", exact=True).check()
    other_page.get_by_label(re.compile("^Anything else")).fill("The café on a Friday night made the difference.")
    other_page.get_by_role("button", name="Send my answers").click()
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Thank you")
    check_page(other_page)
    assert ExperienceResponse.objects.count() == 1

    analyst = staff_signed_in(other_page, live_server.url, "ana", Role.ANALYST)
    assert analyst.role == Role.ANALYST
    this_month = f"{timezone.localdate():%Y-%m}"  # the default period ends with last month
    other_page.goto(f"{live_server.url}/figures/experience/?start={this_month}&end={this_month}")
    expect(other_page.locator("#experience")).to_contain_text("fewer than 5")
    check_page(other_page)


@pytest.mark.django_db(transaction=True)
def test_the_other_public_pages_of_evaluation_pass_axe(page: Page, live_server) -> None:
    """A published review's report, a link that does not work, and a round already answered."""
    import datetime
    import uuid

    from livingwell.accounts.tests.factories import UserFactory
    from livingwell.collaborative.models import Decision
    from livingwell.collaborative.tests.factories import MeetingFactory
    from livingwell.voice.models import EvaluationRound, ReviewReport

    body, groups = board()
    today = timezone.localdate()
    review = EvaluationRound.objects.create(
        body=body, kind="review", title="Six-monthly review", opens_on=today, closes_on=today,
        created_by=UserFactory(), submission_id=uuid.uuid4(), published_at=timezone.now(),
    )  # fmt: skip
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - datetime.timedelta(days=3))
    decision = Decision.objects.create(
        meeting=meeting, body=body, what="Approved the review.", scope="in", participation="co_producing",
        quorate=True, submission_id=uuid.uuid4(), recorded_by=UserFactory(),
    )  # fmt: skip
    ReviewReport.objects.create(
        round=review, text="We moved from consulting to co-designing.", decision=decision, published_at=timezone.now()
    )
    page.goto(f"{live_server.url}/evaluation/rounds/{review.pk}/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The review’s report")
    check_page(page)
    page.goto(f"{live_server.url}/evaluation/answer/open/?link=not-a-real-link")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    check_page(page)
    member = MembershipFactory(body=body, constituency=groups["ebe"], member__email="done@x.org")
    answered = Invitation.objects.create(round=review, member=member.member, group="ebe", answered=True)
    from livingwell.voice.invitations import link_for

    page.goto(live_server.url + link_for(str(answered.pk)).removeprefix("http://localhost:8000"))
    expect(page.get_by_text("You have already answered. Thank you.")).to_be_visible()
    check_page(page)
