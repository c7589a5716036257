"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

import datetime
import uuid

from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Action as CollaborativeAction
from livingwell.collaborative.models import (
    AgendaItem,
    Body,
    Claim,
    Expense,
    FinanceExport,
    Guest,
    JoinRequest,
    Meeting,
    Member,
    Minutes,
    Rota,
    Topic,
)
from livingwell.collaborative.tests.factories import (
    BodyFactory,
    ConstituencyFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
)
from livingwell.core.files import file_keep
from livingwell.core.tests.matrix import (
    COLLABORATIVE_CLAIMANT,
    COLLABORATIVE_MEMBER,
    PUBLIC,
    RUNS_BODY,
    SIGNED_IN,
    Kwargs,
    Who,
)


def _collaborative_body() -> Body:
    """A body with the test person as a member and the test secretary as its secretary."""
    body = BodyFactory()
    constituency = ConstituencyFactory(body=body)
    for role, membership_role in ((Role.PERSON, "member"), (Role.SECRETARY, "secretary")):
        user = User.objects.filter(username=f"test-{role.value}").first()
        if user is not None:
            member = Member.objects.filter(user=user).first() or MemberFactory(user=user)
            MembershipFactory(body=body, constituency=constituency, member=member, role=membership_role)
    return body


def _collaborative_meeting() -> Meeting:
    return MeetingFactory(body=_collaborative_body())


def _collaborative_action() -> CollaborativeAction:
    meeting = _collaborative_meeting()
    return CollaborativeAction.objects.create(
        body=meeting.body,
        meeting=meeting,
        what="Ask for figures",
        owner=MembershipFactory(body=meeting.body),
        due_on=datetime.date(2030, 1, 1),
        submission_id=uuid.uuid4(),
    )


def _join_request() -> JoinRequest:
    body = _collaborative_body()
    return JoinRequest.objects.create(
        body=body,
        constituency=body.constituencies.get(),
        name="Ola",
        email="ola@example.org",
        agreed_code_at=timezone.now(),
        submission_id=uuid.uuid4(),
    )


def _topic() -> Topic:
    return Topic.objects.create(body=_collaborative_body(), title="Buses", why="Fares", submission_id=uuid.uuid4())


def _persons_claim() -> Claim:
    """A claim of the test person's, for a meeting of a body the test secretary runs."""
    meeting = _collaborative_meeting()
    member = Member.objects.filter(user__username=f"test-{Role.PERSON.value}").first() or MemberFactory()
    return Claim.objects.create(
        member=member, meeting=meeting, body=meeting.body, basis="meeting", rate=25, hours=2, fee=25
    )


def _persons_expense() -> Expense:
    claim = _persons_claim()
    return Expense.objects.create(
        claim=claim,
        what="Bus",
        amount=3,
        receipt_name="r.pdf",
        receipt_type="application/pdf",
        receipt_file=file_keep("receipts", b"%PDF"),
        submission_id=uuid.uuid4(),
        added_by=UserFactory(),
    )


def _circulated_minutes() -> Minutes:
    return Minutes.objects.create(meeting=_collaborative_meeting(), text="Welcome.", status=Minutes.Status.CIRCULATED)


def _guest() -> Guest:
    return Guest.objects.create(
        meeting=_collaborative_meeting(),
        name="Dr Guest",
        email="guest@example.org",
        part="present",
        invited_by=UserFactory(),
        submission_id=uuid.uuid4(),
    )


def _meeting_kwargs() -> dict[str, object]:
    return {"meeting_id": _collaborative_meeting().pk}


def _finance_export_kwargs(body: Body) -> dict[str, object]:
    export = FinanceExport.objects.create(body=body, made_by=UserFactory(), claim_count=0, csv="claim\n")
    return {"slug": body.slug, "export_id": export.pk}


MATRIX: dict[str, Who] = {
    # Co-production: the public face of every body, and joining, need no account.
    "collaborative:index": PUBLIC,
    "collaborative:decisions": PUBLIC,
    "collaborative:meeting": PUBLIC,
    "collaborative:body": PUBLIC,
    "collaborative:code_of_conduct": PUBLIC,
    "collaborative:body_calendar": PUBLIC,
    "collaborative:join": PUBLIC,
    "collaborative:join_sent": PUBLIC,
    # A member's own feed: its secret address is the key, for calendar apps that cannot sign in.
    "collaborative:member_calendar": PUBLIC,
    # Anyone signed in may look for their co-production; only a body's members suggest topics and reply.
    "collaborative:mine": SIGNED_IN,
    "collaborative:suggest": COLLABORATIVE_MEMBER,
    "collaborative:reply": COLLABORATIVE_MEMBER,
    # A body is run by its chair and secretary (the test secretary is this body's), and administrators.
    "collaborative:running": RUNS_BODY,
    "collaborative:series_new": RUNS_BODY,
    "collaborative:meeting_new": RUNS_BODY,
    "collaborative:topic_not_taken": RUNS_BODY,
    "collaborative:join_request": RUNS_BODY,
    "collaborative:membership": RUNS_BODY,
    "collaborative:membership_role": RUNS_BODY,
    "collaborative:membership_details": RUNS_BODY,
    "collaborative:membership_training": RUNS_BODY,
    "collaborative:membership_leave": RUNS_BODY,
    "collaborative:member_add": RUNS_BODY,
    "collaborative:minutes": RUNS_BODY,
    "collaborative:minutes_save": RUNS_BODY,
    "collaborative:minutes_correct": RUNS_BODY,
    "collaborative:minutes_circulate": RUNS_BODY,
    "collaborative:minutes_publish": RUNS_BODY,
    "collaborative:chair": RUNS_BODY,
    "collaborative:payments": RUNS_BODY,
    "collaborative:rota_new": RUNS_BODY,
    "collaborative:rota": RUNS_BODY,
    "collaborative:rota_fill": RUNS_BODY,
    "collaborative:rota_swap": RUNS_BODY,
    "collaborative:payments_export": RUNS_BODY,
    "collaborative:finance_export": RUNS_BODY,
    # A claim and its receipts: the member claiming (the test person) and who runs the body.
    "collaborative:claim": COLLABORATIVE_CLAIMANT | RUNS_BODY,
    "collaborative:claim_expense": COLLABORATIVE_CLAIMANT | RUNS_BODY,
    # Only who runs the body decides a claim; the member claiming cannot approve their own.
    "collaborative:claim_approve": RUNS_BODY,
    "collaborative:claim_reject": RUNS_BODY,
    "collaborative:receipt": COLLABORATIVE_CLAIMANT | RUNS_BODY,
    # Everyone signed in sees their own statement (empty if they are paid nothing).
    "collaborative:my_payments": SIGNED_IN,
    "collaborative:minutes_approve": RUNS_BODY,
    # Circulated draft minutes name members: for the body's members, and who runs it.
    "collaborative:minutes_draft": COLLABORATIVE_MEMBER | RUNS_BODY,
    "collaborative:meeting_running": RUNS_BODY,
    "collaborative:agenda_schedule": RUNS_BODY,
    "collaborative:agenda_add": RUNS_BODY,
    "collaborative:agenda_remove": RUNS_BODY,
    "collaborative:agenda_publish": RUNS_BODY,
    "collaborative:attendance": RUNS_BODY,
    "collaborative:decision_new": RUNS_BODY,
    "collaborative:action_new": RUNS_BODY,
    "collaborative:action_status": RUNS_BODY,
    "collaborative:meeting_move": RUNS_BODY,
    "collaborative:meeting_cancel": RUNS_BODY,
    "collaborative:guest_add": RUNS_BODY,
    "collaborative:membership_induction": RUNS_BODY,
    "collaborative:membership_buddy": RUNS_BODY,
    "collaborative:membership_supervision": RUNS_BODY,
    "collaborative:join_conversation": RUNS_BODY,
    "collaborative:guest_there": RUNS_BODY,
}

KWARGS: dict[str, Kwargs] = {
    "collaborative:meeting": _meeting_kwargs,
    "collaborative:member_calendar": lambda: {"token": MemberFactory().feed_token},
    "collaborative:body": lambda: {"slug": _collaborative_body().slug},
    "collaborative:code_of_conduct": lambda: {"slug": _collaborative_body().slug},
    "collaborative:body_calendar": lambda: {"slug": _collaborative_body().slug},
    "collaborative:join": lambda: {"slug": _collaborative_body().slug},
    "collaborative:join_sent": lambda: {"slug": _collaborative_body().slug},
    "collaborative:suggest": lambda: {"slug": _collaborative_body().slug},
    "collaborative:reply": _meeting_kwargs,
    "collaborative:running": lambda: {"slug": _collaborative_body().slug},
    "collaborative:series_new": lambda: {"slug": _collaborative_body().slug},
    "collaborative:meeting_new": lambda: {"slug": _collaborative_body().slug},
    "collaborative:topic_not_taken": lambda: (lambda t: {"slug": t.body.slug, "topic_id": t.pk})(_topic()),
    "collaborative:join_request": lambda: {"join_request_id": _join_request().pk},
    "collaborative:minutes": _meeting_kwargs,
    "collaborative:minutes_save": _meeting_kwargs,
    "collaborative:minutes_correct": _meeting_kwargs,
    "collaborative:minutes_circulate": _meeting_kwargs,
    "collaborative:minutes_publish": _meeting_kwargs,
    "collaborative:chair": _meeting_kwargs,
    "collaborative:payments": lambda: {"slug": _collaborative_body().slug},
    "collaborative:rota_new": lambda: {"slug": _collaborative_body().slug},
    "collaborative:rota": lambda: {
        "rota_id": Rota.objects.create(body=_collaborative_body(), name="Hub", duty="Go").pk
    },
    "collaborative:rota_fill": lambda: {
        "rota_id": Rota.objects.create(body=_collaborative_body(), name="Hub", duty="Go").pk
    },
    "collaborative:rota_swap": lambda: {
        "rota_id": Rota.objects.create(body=_collaborative_body(), name="Hub", duty="Go").pk
    },
    "collaborative:payments_export": lambda: {"slug": _collaborative_body().slug},
    "collaborative:finance_export": lambda: _finance_export_kwargs(_collaborative_body()),
    "collaborative:claim": lambda: {"claim_id": _persons_claim().pk},
    "collaborative:claim_expense": lambda: {"claim_id": _persons_claim().pk},
    "collaborative:claim_approve": lambda: {"claim_id": _persons_claim().pk},
    "collaborative:claim_reject": lambda: {"claim_id": _persons_claim().pk},
    "collaborative:receipt": lambda: {"expense_id": _persons_expense().pk},
    "collaborative:minutes_approve": lambda: (lambda m: {"meeting_id": m.meeting_id, "minutes_id": m.pk})(
        _circulated_minutes()
    ),
    "collaborative:minutes_draft": lambda: {"meeting_id": _circulated_minutes().meeting_id},
    "collaborative:member_add": lambda: {"slug": _collaborative_body().slug},
    "collaborative:membership": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:membership_role": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:membership_details": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:membership_training": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:membership_leave": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:meeting_running": _meeting_kwargs,
    "collaborative:agenda_schedule": _meeting_kwargs,
    "collaborative:agenda_add": _meeting_kwargs,
    "collaborative:agenda_remove": lambda: {
        "item_id": AgendaItem.objects.create(meeting=_collaborative_meeting(), title="Welcome").pk
    },
    "collaborative:agenda_publish": _meeting_kwargs,
    "collaborative:attendance": _meeting_kwargs,
    "collaborative:decision_new": _meeting_kwargs,
    "collaborative:action_new": _meeting_kwargs,
    "collaborative:action_status": lambda: {"action_id": _collaborative_action().pk},
    "collaborative:meeting_move": _meeting_kwargs,
    "collaborative:meeting_cancel": _meeting_kwargs,
    "collaborative:guest_add": _meeting_kwargs,
    "collaborative:membership_induction": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:membership_buddy": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:membership_supervision": lambda: {"membership_id": MembershipFactory(body=_collaborative_body()).pk},
    "collaborative:join_conversation": lambda: {"join_request_id": _join_request().pk},
    "collaborative:guest_there": lambda: {"guest_id": _guest().pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = {
    "collaborative:guest_there",
    "collaborative:membership_induction",
    "collaborative:membership_buddy",
    "collaborative:membership_supervision",
    "collaborative:join_conversation",
    "collaborative:membership_role",
    "collaborative:membership_details",
    "collaborative:membership_training",
    "collaborative:membership_leave",
    "collaborative:rota_fill",
    "collaborative:rota_swap",
    "collaborative:claim_expense",
    "collaborative:claim_approve",
    "collaborative:claim_reject",
    "collaborative:minutes_save",
    "collaborative:minutes_correct",
    "collaborative:minutes_circulate",
    "collaborative:minutes_publish",
    "collaborative:agenda_remove",
    "collaborative:agenda_publish",
    "collaborative:attendance",
    "collaborative:decision_new",
    "collaborative:action_status",
    "collaborative:minutes_approve",
    "collaborative:payments_export",
}
