"""Co-production month by month, with known answers: meetings held and quorate by each body's own rules,
attendance by kind of constituency (suppressed, as counts of people), decisions by level and scope (public
records, counted in full), and hours paid to Experts by Experience beside a shown count of them."""

import csv
import datetime
import io
import uuid
import zoneinfo
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.collaborative import payments, services
from livingwell.collaborative.models import Body, ConstituencyKind, Decision, Meeting, PaymentRate
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory, board
from livingwell.insight.tests.conftest import figures_json

LONDON = zoneinfo.ZoneInfo("Europe/London")


def _meeting(body: Body, day: datetime.date, **fields: object) -> Meeting:
    starts = datetime.datetime.combine(day, datetime.time(18), tzinfo=LONDON)
    return MeetingFactory(body=body, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), **fields)


def _decide(meeting: Meeting, participation: str, scope: str = Decision.Scope.IN) -> None:
    Decision.objects.create(
        meeting=meeting, body=meeting.body, what="Agreed.", scope=scope,
        out_reason="statutory" if scope == Decision.Scope.OUT else "", participation=participation,
        quorate=True, submission_id=uuid.uuid4(), recorded_by=UserFactory(),
    )  # fmt: skip


@pytest.fixture
def meetings(db: None) -> None:
    body, groups = board()
    secretary = UserFactory(role=Role.SECRETARY)
    PaymentRate.objects.create(
        body=body, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE, basis="hour", amount=Decimal(15),
        valid_from=datetime.date(2024, 4, 6),
    )  # fmt: skip
    experts = [MembershipFactory(constituency=groups["ebe"]) for _each in range(5)]
    nhs = [MembershipFactory(constituency=groups["nhs"]) for _each in range(4)]
    council = [MembershipFactory(constituency=groups["council"]) for _each in range(3)]

    def attend(meeting: Meeting, members: list) -> None:
        for membership in members:
            services.attendance_mark(actor=secretary, meeting=meeting, membership=membership, present=True)

    # January: one quorate meeting (4 NHS, 5 Experts by Experience, paid), one not (3 council, 4 experts).
    quorate = _meeting(body, datetime.date(2025, 1, 14))
    attend(quorate, [*nhs, *experts])
    for claim in quorate.claims.all():
        payments.claim_approve(actor=secretary, claim=claim, over_limit_agreed=False)
    attend(_meeting(body, datetime.date(2025, 1, 28)), [*council, *experts[:4]])  # claims left waiting
    _decide(quorate, Decision.Participation.CO_PRODUCING)
    _decide(quorate, Decision.Participation.INFORMING, Decision.Scope.OUT)
    # February: one cancelled (not held), one with no attendance taken, and a decision at it.
    _meeting(body, datetime.date(2025, 2, 11), status=Meeting.Status.CANCELLED)
    _decide(_meeting(body, datetime.date(2025, 2, 25)), Decision.Participation.CONSULTING)
    # March: three council representatives, fewer than 5 people; April: nothing.
    attend(_meeting(body, datetime.date(2025, 3, 11)), council)
    # One ahead: not yet held.
    _meeting(body, timezone.localdate() + datetime.timedelta(days=30))


@pytest.mark.django_db
def test_every_coproduction_figure_is_the_known_answer(meetings: None) -> None:
    january, february, march, april = figures_json("2025-01", "2025-04")["coproduction"]
    assert january == {
        "month": "2025-01", "meetings": 2, "quorate": 1, "quorum_not_known": 0,
        "attendance": {"ebe": 9, "carer": 0, "organisation": 7, "chair": 0, "community": 0},
        "decisions": 2,
        "decisions_by_participation": {"informing": 1, "consulting": 0, "engaging": 0, "co_designing": 0,
                                       "co_producing": 1},
        "decisions_by_scope": {"in": 1, "out": 1},
        "experts_by_experience_paid": 5, "hours_paid_to_experts_by_experience": 10.0,
    }  # fmt: skip
    assert (february["meetings"], february["quorate"], february["quorum_not_known"]) == (1, 0, 1)
    assert february["decisions_by_participation"]["consulting"] == 1
    assert (march["meetings"], march["quorate"], march["attendance"]["organisation"]) == (1, 0, 3)
    assert april == {**april, "meetings": 0, "decisions": 0, "experts_by_experience_paid": 0}


def _csv(client: Client, slug: str) -> list[list[str]]:
    response = client.get(f"/figures/{slug}.csv", {"start": "2025-01", "end": "2025-04"})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_meetings_and_decisions_are_counted_in_full(meetings: None, signed_in_client: Callable[[Role], Client]) -> None:
    rows = _csv(signed_in_client(Role.ANALYST), "coproduction")
    assert rows[0][1:] == [
        "Meetings held", "With enough members to decide", "Share with enough members", "Attendance not taken", "Decisions",
        "In the scope of co-production", "Out of scope",
    ]  # fmt: skip
    assert rows[1:] == [
        ["Jan 2025", "2", "1", "50%", "0", "2", "1", "1"],
        ["Feb 2025", "1", "0", "–", "1", "1", "1", "0"],
        ["Mar 2025", "1", "0", "0%", "0", "0", "0", "0"],
        ["Apr 2025", "0", "0", "–", "0", "0", "0", "0"],
        ["All months", "4", "1", "33%", "1", "3", "2", "1"],
    ]
    levels = _csv(signed_in_client(Role.ANALYST), "participation")
    assert levels[-1] == ["All months", "1", "1", "0", "0", "1"]


@pytest.mark.django_db
def test_attendance_is_suppressed_and_hours_shown_only_beside_enough_people(
    meetings: None, signed_in_client: Callable[[Role], Client]
) -> None:
    rows = _csv(signed_in_client(Role.HUB_MANAGER), "attendance")
    few = "fewer than 5"
    assert rows[1] == ["Jan 2025", "9", "0", "7", "0", "0", "5", "10"]
    assert rows[2] == ["Feb 2025", "0", "0", "0", "0", "0", "0", "–"]
    assert rows[3] == ["Mar 2025", "0", "0", few, "0", "0", "0", "–"]
    # March's three would be January's seven taken from the total: the total is not shown.
    assert rows[5] == ["All months", "9", "0", "not shown", "0", "0", "–", "–"]


@pytest.mark.django_db
def test_the_page_sums_up_coproduction_and_the_read_is_audited(
    meetings: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.ANALYST)
    response = client.get("/figures/", {"start": "2025-01", "end": "2025-04"})
    page = response.content.decode()
    assert "4 meetings held in this period, of which 1 of the 3 with attendance taken were quorate (33%)" in page
    assert "3 decisions were taken, 2 of them in the scope of co-production." in page
    assert "1 of the 3 decisions in this period were co-designed or co-produced (33%)" in page
    assert "10 hours were paid to Experts by Experience in this period." in page
    assert AuditEvent.objects.filter(action=AuditEvent.Action.AGGREGATE, record_type="insight.dashboard").exists()
