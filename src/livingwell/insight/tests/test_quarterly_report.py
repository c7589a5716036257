"""The quarterly report for the Collaborative: an analyst starts and writes it, the Collaborative's members
read the draft, the secretary approves it with the decision the Collaborative took at its meeting (its
figures then kept as they were), and it is published for anyone, as a page and a PDF."""

import datetime
import os
import uuid
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.models import Body, Decision
from livingwell.collaborative.tests.factories import BodyFactory, MeetingFactory, MemberFactory, MembershipFactory
from livingwell.conftest import sign_in
from livingwell.core.pdf import pdf_available
from livingwell.frontdoor.tests.factories import introduction_arrived
from livingwell.insight.models import QuarterlyReport
from livingwell.insight.services import counted_introductions_refresh

REPORT = "/figures/reports/2025-q1/"
PUBLIC = "/how-we-are-doing/reports/2025-q1/"


def _decision(kind: str = Body.Kind.COLLABORATIVE, days_ago: int = 3) -> Decision:
    body = BodyFactory(kind=kind)
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - datetime.timedelta(days=days_ago))
    return Decision.objects.create(
        meeting=meeting, body=body, what="Agreed the quarterly report for January to March.", scope="in",
        participation="co_producing", quorate=True, submission_id=uuid.uuid4(), recorded_by=UserFactory(),
    )  # fmt: skip


@pytest.fixture
def started(borough: None, signed_in_client: Callable[[Role], Client]) -> QuarterlyReport:
    response = signed_in_client(Role.ANALYST).post("/figures/reports/start/", {"quarter": "2025-q1"})
    assert response.status_code == 302
    assert response["Location"] == REPORT
    return QuarterlyReport.objects.get()


@pytest.mark.django_db
def test_starting_twice_opens_the_same_report(started: QuarterlyReport, signed_in_client) -> None:
    client = signed_in_client(Role.ANALYST)
    assert client.post("/figures/reports/start/", {"quarter": "2025-q1"})["Location"] == REPORT
    assert QuarterlyReport.objects.count() == 1
    assert AuditEvent.objects.filter(record_type="insight.quarterlyreport", action="create").count() == 1
    page = client.get("/figures/reports/").content.decode()
    assert "January to March 2025" in page


@pytest.mark.django_db
@pytest.mark.parametrize("quarter", ["", "2031-q1", "2024-q4", "2025-q5", "<script>", "x" * 5000, "2025-q1' OR '1"])
def test_only_a_quarter_that_has_ended_with_figures_is_started(borough: None, signed_in_client, quarter: str) -> None:
    response = signed_in_client(Role.ANALYST).post("/figures/reports/start/", {"quarter": quarter})
    assert response.status_code == 400
    assert "Choose a quarter from the list" in response.content.decode()
    assert not QuarterlyReport.objects.exists()


@pytest.mark.django_db
def test_the_words_are_kept_as_written_and_shown_safely(started: QuarterlyReport, signed_in_client) -> None:
    client = signed_in_client(Role.ANALYST)
    words = "Waits fell again — “a week” now.\n\n<script>alert('x')</script> '; DROP TABLE insight; --"
    assert client.post(f"{REPORT}edit/", {"introduction": words}).status_code == 302
    started.refresh_from_db()
    assert started.introduction == words
    page = client.get(REPORT).content.decode()
    assert "&lt;script&gt;alert" in page
    assert "<script>alert" not in page
    too_long = client.post(f"{REPORT}edit/", {"introduction": "a" * 10001})
    assert too_long.status_code == 400
    started.refresh_from_db()
    assert started.introduction == words


@pytest.mark.django_db
def test_members_of_the_collaborative_read_the_draft_and_others_do_not(started: QuarterlyReport) -> None:
    member_user = UserFactory(role=Role.PERSON)
    collaborative = BodyFactory(kind=Body.Kind.COLLABORATIVE)
    MembershipFactory(member=MemberFactory(user=member_user), constituency__body=collaborative, body=collaborative)
    member = Client()
    sign_in(member, member_user)
    assert member.get(REPORT).status_code == 200
    assert member.get("/figures/reports/").status_code == 200
    outsider = Client()
    sign_in(outsider, UserFactory(role=Role.PERSON))
    assert outsider.get(REPORT).status_code == 404
    assert outsider.get("/figures/reports/").status_code == 403
    assert Client().get(PUBLIC).status_code == 404  # not published
    assert Client().get("/how-we-are-doing/reports/2025-q1.pdf").status_code == 404


def _as(role: Role) -> Client:
    client = Client()
    sign_in(client, UserFactory(role=role))
    return client


@pytest.mark.django_db
def test_approved_by_the_collaborative_s_decision_its_figures_are_kept(started: QuarterlyReport) -> None:
    decision = _decision()
    secretary = _as(Role.SECRETARY)
    page = secretary.get(REPORT).content.decode()
    assert "Agreed the quarterly report for January to March." in page
    before = secretary.get(REPORT).content.decode().count("fewer than 5")
    assert secretary.post(f"{REPORT}approve/", {"decision": decision.pk}).status_code == 302
    started.refresh_from_db()
    assert (started.status, started.decision) == (QuarterlyReport.Status.APPROVED, decision)
    assert started.tables
    # More introductions in the quarter after approval: the approved report does not change.
    for day in range(3, 8):
        introduction_arrived(datetime.datetime(2025, 3, day, 10, tzinfo=datetime.UTC))
    counted_introductions_refresh()
    assert secretary.get(REPORT).content.decode().count("fewer than 5") == before
    # Approving again, or writing after approval, is refused and changes nothing.
    secretary.post(f"{REPORT}approve/", {"decision": _decision().pk})
    started.refresh_from_db()
    assert started.decision == decision
    analyst = _as(Role.ANALYST)
    assert analyst.post(f"{REPORT}edit/", {"introduction": "changed"}).status_code == 302
    started.refresh_from_db()
    assert started.introduction == ""


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["another body's", "too old", "a meeting ahead", "nonsense"])
def test_only_a_recent_decision_of_the_collaborative_approves_it(started: QuarterlyReport, which: str) -> None:
    decision = {
        "another body's": lambda: _decision(kind=Body.Kind.WORKSTREAM).pk,
        "too old": lambda: _decision(days_ago=400).pk,
        "a meeting ahead": lambda: _decision(days_ago=-7).pk,
        "nonsense": lambda: "1 OR 1=1",
    }[which]()
    response = _as(Role.SECRETARY).post(f"{REPORT}approve/", {"decision": decision}, follow=True)
    assert "Choose a decision the Collaborative took at a recent meeting" in response.content.decode()
    started.refresh_from_db()
    assert started.status == QuarterlyReport.Status.DRAFT


@pytest.mark.django_db
def test_published_anyone_reads_it_and_its_pdf(started: QuarterlyReport) -> None:
    analyst = _as(Role.ANALYST)
    analyst.post(f"{REPORT}publish/")
    started.refresh_from_db()
    assert started.status == QuarterlyReport.Status.DRAFT  # not before the Collaborative approves it
    _as(Role.SECRETARY).post(f"{REPORT}approve/", {"decision": _decision().pk})
    assert analyst.post(f"{REPORT}publish/").status_code == 302
    analyst.post(f"{REPORT}publish/")  # a second click
    started.refresh_from_db()
    assert started.status == QuarterlyReport.Status.PUBLISHED
    assert AuditEvent.objects.filter(record_type="insight.quarterlyreport", detail="published").count() == 1
    visitor = Client()
    page = visitor.get(PUBLIC).content.decode()
    assert "January to March 2025" in page
    assert "Approved by" in page
    assert "January to March 2025" in visitor.get("/how-we-are-doing/").content.decode()
    assert visitor.get("/how-we-are-doing/reports/2025-q1/charts/introductions.svg").status_code == 200
    if not pdf_available() and not os.environ.get("LW_REQUIRE_BROWSER"):
        pytest.skip("WeasyPrint needs Pango (libpangoft2-1.0-0) for the PDF")
    pdf = visitor.get("/how-we-are-doing/reports/2025-q1.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_each_read_by_those_signed_in_is_audited(started: QuarterlyReport, user_with_role) -> None:
    client = Client()
    analyst: User = user_with_role(Role.ANALYST)
    sign_in(client, analyst)
    client.get(REPORT)
    assert AuditEvent.objects.filter(
        actor=analyst, action=AuditEvent.Action.AGGREGATE, record_type="insight.report", record_id="2025-q1"
    ).exists()


@pytest.mark.django_db
def test_the_stories_chosen_for_it_are_in_it_until_withdrawn(started: QuarterlyReport) -> None:
    from livingwell.voice.models import Story
    from livingwell.voice.stories import story_withdraw

    def story(title: str, published: datetime.datetime, in_report: bool = True) -> Story:
        return Story.objects.create(
            title=title, text="x", writer="carer", audience="anonymous", status="published",
            approved_text=f"{title}, as approved.", approved_at=published, published_at=published,
            in_report=in_report, submission_id=uuid.uuid4(),
        )  # fmt: skip

    march = timezone.make_aware(datetime.datetime(2025, 3, 31, 12))  # noqa: DTZ001 - made aware at once
    chosen = story("Walking group", march)
    story("Not chosen", march, in_report=False)
    story("Next quarter", timezone.make_aware(datetime.datetime(2025, 4, 1, 9)))  # noqa: DTZ001
    page = _as(Role.ANALYST).get(REPORT).content.decode()
    assert "In people’s own words" in page
    assert "Walking group, as approved." in page
    assert "Not chosen" not in page
    assert "Next quarter" not in page
    story_withdraw(story_id=chosen.pk)
    assert "Walking group" not in _as(Role.ANALYST).get(REPORT).content.decode()


@pytest.mark.django_db
def test_the_collaboratives_comments_before_publication_go_on_its_next_agenda(started: QuarterlyReport) -> None:
    from livingwell.collaborative.models import AgendaItem, Topic
    from livingwell.collaborative.tests.factories import ConstituencyFactory

    collaborative = BodyFactory(kind=Body.Kind.COLLABORATIVE)
    member_user = UserFactory(role=Role.PERSON)
    MembershipFactory(
        body=collaborative, constituency=ConstituencyFactory(body=collaborative), member=MemberFactory(user=member_user)
    )
    next_meeting = MeetingFactory(body=collaborative, starts_at=timezone.now() + datetime.timedelta(days=10))
    member = Client()
    member.force_login(member_user)
    page = member.get(REPORT).content.decode()
    assert "Send my comment" in page
    empty = member.post(f"{REPORT}comment/", {"text": "", "submission_id": str(uuid.uuid4())}, follow=True)
    assert "Write your comment" in empty.content.decode()
    token = str(uuid.uuid4())
    said = "Why did waits rise in February? <b>Please</b> explain."
    sent = member.post(f"{REPORT}comment/", {"text": said, "submission_id": token}, follow=True)
    member.post(f"{REPORT}comment/", {"text": said, "submission_id": token})  # a second click
    assert "on the agenda of the Collaborative&#x27;s next meeting" in sent.content.decode()
    item = AgendaItem.objects.get(meeting=next_meeting)
    assert item.title == "The quarterly report for January to March 2025"
    assert Topic.objects.get().why == said
    page = member.get(REPORT).content.decode()
    assert "Why did waits rise in February? &lt;b&gt;Please&lt;/b&gt; explain." in page
    # An analyst reads the comments but is not the Collaborative: no form, and sending one is refused.
    analyst = _as(Role.ANALYST)
    assert "Send my comment" not in analyst.get(REPORT).content.decode()
    assert analyst.post(f"{REPORT}comment/", {"text": "x", "submission_id": str(uuid.uuid4())}).status_code == 403
    # Once published, comments go to a meeting instead.
    _as(Role.SECRETARY).post(f"{REPORT}approve/", {"decision": _decision().pk})
    analyst.post(f"{REPORT}publish/")
    late = member.post(f"{REPORT}comment/", {"text": "Late", "submission_id": str(uuid.uuid4())}, follow=True)
    assert "This report is published" in late.content.decode()
    assert AgendaItem.objects.count() == 1
