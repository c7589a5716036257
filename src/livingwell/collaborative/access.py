"""The only way to reach members' personal data: their contact details, join requests, replies and access
needs, attendance. Each function checks permission and audits what it shows.

A body is run by its chair and secretary: users with the "Secretary or chair" role who hold the chair or
secretary role in that body's membership. Administrators may run every body.
"""

import datetime
from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_reads_record
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Body,
    Claim,
    Expense,
    FinanceExport,
    JoinRequest,
    Meeting,
    Member,
    Membership,
    Minutes,
    PaymentRate,
    Rota,
    RotaPlace,
    RotaTurn,
    Rsvp,
    Supervision,
    Topic,
    TrainingRecord,
)
from livingwell.collaborative.payments import Statement, cap_for, statement_for
from livingwell.collaborative.selectors import MeetingRunning, body_or_404, meeting_running, member_names
from livingwell.core.access import one_or_404
from livingwell.core.yearly_limit import Cap

RUNNING_MEMBERSHIPS = (Membership.Role.CHAIR, Membership.Role.SECRETARY)


def _runs_by_role(user: User) -> bool | None:
    """Whether ``user``'s role alone decides that they run a body: True for administrators, False for all
    but the Secretary or chair role; None when it depends on their role in the body."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADMINISTRATOR:
        return True
    if user.role != Role.SECRETARY:
        return False
    return None


def runs(user: User, body: Body) -> bool:
    """``user`` may run ``body``: its programme, meetings, members and records."""
    decided = _runs_by_role(user)
    if decided is not None:
        return decided
    return Membership.objects.filter(
        body=body, member__user=user, left_on__isnull=True, role__in=RUNNING_MEMBERSHIPS
    ).exists()


def _read(user: User, record: models.Model, detail: str = "") -> None:
    member_record_audit(user, record, detail, AuditEvent.Action.READ)


def body_run_by(user: User, slug: str) -> Body:
    """The body, for a user who runs it; PermissionDenied otherwise. Reads nothing personal."""
    body = body_or_404(slug)
    if not runs(user, body):
        raise PermissionDenied
    return body


def meeting_run_by(user: User, meeting_id: int | str) -> Meeting:
    meeting = one_or_404(Meeting.objects.select_related("body"), meeting_id)
    if not runs(user, meeting.body):
        raise PermissionDenied
    return meeting


def current_memberships(body: Body):
    return (
        Membership.objects.filter(body=body, left_on__isnull=True)
        .select_related("member", "constituency")
        .order_by("member__name", "pk")
    )


@dataclass(frozen=True)
class BodyRunning:
    body: Body
    join_requests: list[JoinRequest]
    memberships: list[Membership]
    topics: list[Topic]
    meetings: list[Meeting]
    rotas: list[Rota]


def access_body_running_for(user: User, slug: str) -> BodyRunning:
    """What the chair and secretary run: join requests, members (with contact details), the programme's
    suggested topics and the meetings ahead. Each join request and membership shown is an audited read."""
    body = body_run_by(user, slug)
    join_requests = list(
        JoinRequest.objects.filter(body=body, status=JoinRequest.Status.WAITING).select_related("constituency")
    )
    memberships = list(current_memberships(body).prefetch_related("member__training"))
    topics = list(
        Topic.objects.filter(body=body, status=Topic.Status.SUGGESTED).select_related(
            "suggested_by__member", "suggested_by__constituency"
        )
    )
    meetings = list(Meeting.objects.filter(body=body, ends_at__gte=timezone.now()).order_by("starts_at")[:12])
    audit_reads_record(actor=user, records=[*join_requests, *memberships], person_id_of=None)
    return BodyRunning(body, join_requests, memberships, topics, meetings, list(body.rotas.all()))


def access_membership_for(user: User, membership_id: int | str) -> Membership:
    """A member's record in a body, for who runs it: contact details, role, training. Audited."""
    membership = one_or_404(Membership.objects.select_related("body", "member", "constituency"), membership_id)
    if not runs(user, membership.body):
        raise PermissionDenied
    _read(user, membership)
    return membership


def access_members_for(user: User, slug: str) -> tuple[Body, list[Membership]]:
    """The body's current members, for who runs it to choose from. Each is an audited read."""
    body = body_run_by(user, slug)
    memberships = list(current_memberships(body))
    audit_reads_record(actor=user, records=memberships, person_id_of=None)
    return body, memberships


def access_join_request_for(user: User, join_request_id: UUID | str) -> JoinRequest:
    join_request = one_or_404(JoinRequest.objects.select_related("body", "constituency"), join_request_id)
    if not runs(user, join_request.body):
        raise PermissionDenied
    _read(user, join_request)
    return join_request


def access_meeting_running_for(user: User, meeting_id: int | str) -> MeetingRunning:
    """A meeting as its chair and secretary run it (``selectors.meeting_running``). Each member in the
    register is an audited read, and the list of names to choose from one more."""
    page = meeting_running(meeting_run_by(user, meeting_id))
    audit_reads_record(actor=user, records=[*page.shown, *page.guests], person_id_of=None)
    if len(page.shown) < len(page.names):
        _names_read(user, page.meeting, page.names)
    return page


def _names_read(user: User, record: models.Model, names: list[tuple[int, str, str]]) -> None:
    _read(user, record, f"names of {len(names)} members, to choose from")


def access_member_names_for_body(
    user: User, body: Body, record: models.Model | None = None
) -> list[tuple[int, str, str]]:
    """The names of a body's current members, to choose from, for who runs it: one audited read, of
    ``record`` (the meeting they are chosen for) or of the body."""
    if not runs(user, body):
        raise PermissionDenied
    names = member_names(body)
    _names_read(user, record or body, names)
    return names


def access_member_names_for(user: User, meeting: Meeting) -> list[tuple[int, str, str]]:
    """The names of the body's current members, to choose from for a meeting: one audited read."""
    return access_member_names_for_body(user, meeting.body, meeting)


def access_draft_minutes_for(user: User, meeting_id: int | str) -> Minutes:
    """Minutes before they are published, which name members: for the body's members once circulated,
    and for who runs it. Audited."""
    meeting = one_or_404(Meeting.objects.select_related("body"), meeting_id)
    minutes = Minutes.objects.filter(meeting=meeting).select_related("meeting__body").first()
    running = runs(user, meeting.body)
    if not running and membership_of(user, meeting.body) is None:
        raise PermissionDenied
    if minutes is None or (minutes.status == Minutes.Status.DRAFT and not running):
        raise Http404
    _read(user, minutes)
    return minutes


def access_minutes_to_write_for(user: User, meeting: Meeting) -> Minutes | None:
    """The minutes of a meeting ``user`` runs, for the page that writes them: drafts name members, so the
    read is audited. None before anything is written."""
    if not runs(user, meeting.body):
        raise PermissionDenied
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None:
        _read(user, minutes)
    return minutes


def membership_of(user: User, body: Body) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(body=body, member__user=user, left_on__isnull=True)
        .select_related("member", "body", "constituency")
        .first()
    )


def access_own_membership_for(user: User, body: Body) -> Membership:
    """The signed-in member's own membership of ``body``; PermissionDenied for anyone else. Audited."""
    membership = membership_of(user, body)
    if membership is None:
        raise PermissionDenied
    _read(user, membership)
    return membership


@dataclass(frozen=True)
class OwnMembership:
    membership: Membership
    meetings: list[Meeting]
    replies: dict[int, Rsvp]
    topics: list[Topic]
    turns: list[RotaTurn]
    runs: bool


def access_own_memberships_for(user: User) -> list[OwnMembership]:
    """The signed-in user's bodies, each with its next meetings, their replies and the topics they suggested."""
    memberships = list(
        Membership.objects.filter(member__user=user, left_on__isnull=True)
        .select_related("body", "constituency", "member", "buddy__member")
        .prefetch_related(
            Prefetch(
                "body__meetings",
                queryset=Meeting.objects.filter(ends_at__gte=timezone.now()).order_by("starts_at"),
                to_attr="ahead",
            ),
            "rsvps",
            Prefetch("topics", queryset=Topic.objects.order_by("-created_at")),
            Prefetch(
                "rota_turns",
                queryset=RotaTurn.objects.filter(meeting__ends_at__gte=timezone.now()).select_related(
                    "rota", "meeting"
                ),
            ),
        )
    )
    audit_reads_record(actor=user, records=memberships, person_id_of=None)
    by_role = _runs_by_role(user)
    return [
        OwnMembership(
            membership=m,
            meetings=m.body.ahead[:6],  # type: ignore[attr-defined]
            replies={rsvp.meeting_id: rsvp for rsvp in m.rsvps.all()},
            topics=list(m.topics.all()),
            turns=list(m.rota_turns.all()),
            runs=m.role in RUNNING_MEMBERSHIPS if by_role is None else by_role,
        )
        for m in memberships
    ]


@dataclass(frozen=True)
class OwnDevelopment:
    training: list[TrainingRecord]
    supervision: list[Supervision]


def access_own_development_for(user: User) -> OwnDevelopment:
    """The signed-in member's own training and supervision notes, with their follow-ups."""
    member = Member.objects.filter(user=user).first() if user.is_authenticated else None
    if member is None:
        return OwnDevelopment([], [])
    return OwnDevelopment(list(member.training.all()), list(member.supervision.select_related("supervisor")))


# ---------------------------------------------------------------------------------------------------------
# Payments


@dataclass(frozen=True)
class BodyPayments:
    body: Body
    rates: list[PaymentRate]
    waiting: list[tuple[Claim, Cap]]
    approved: list[Claim]
    exports: list[FinanceExport]


def access_body_payments_for(user: User, slug: str) -> BodyPayments:
    """The coordinator's view: claims waiting (each with the member's yearly limit), and approved claims
    not yet sent to finance. Each claim shown is an audited read."""
    body = body_run_by(user, slug)
    claims = list(
        Claim.objects.filter(body=body, status__in=[Claim.Status.WAITING, Claim.Status.APPROVED])
        .select_related("member", "meeting")
        .prefetch_related("expenses")
        .order_by("meeting__starts_at", "pk")
    )
    audit_reads_record(actor=user, records=claims, person_id_of=None)
    return BodyPayments(
        body=body,
        rates=list(body.payment_rates.all()),
        waiting=[(c, cap_for(c)) for c in claims if c.status == Claim.Status.WAITING],
        approved=[c for c in claims if c.status == Claim.Status.APPROVED],
        exports=list(body.finance_exports.select_related("made_by").defer("csv")[:20]),
    )


def access_finance_export_for(user: User, slug: str, export_id: int | str) -> FinanceExport:
    """A batch already sent to finance, to download again: for who runs the body; audited as an export."""
    body = body_run_by(user, slug)
    export = one_or_404(FinanceExport.objects.filter(body=body), export_id)
    member_record_audit(user, export, f"downloaded: {export.claim_count} claims", AuditEvent.Action.EXPORT)
    return export


def access_claim_for(user: User, claim_id: int | str) -> tuple[Claim, bool]:
    """A claim for who runs its body (the coordinator) or for the member claiming; and whether ``user``
    runs the body. Audited."""
    claim = one_or_404(Claim.objects.select_related("member", "meeting", "body"), claim_id)
    running = runs(user, claim.body)
    if not running and not (claim.member.user_id is not None and claim.member.user_id == user.pk):
        raise PermissionDenied
    _read(user, claim)
    return claim, running


def access_receipt_for(user: User, expense_id: int | str) -> Expense:
    expense = one_or_404(Expense.objects.all(), expense_id)
    access_claim_for(user, expense.claim_id)
    _read(user, expense, "receipt")
    return expense


def access_own_statement_for(user: User, year_start: datetime.date) -> Statement | None:
    member = Member.objects.filter(user=user).first() if user.is_authenticated else None
    if member is None:
        return None
    _read(user, member, "statement")
    return statement_for(member, year_start)


def access_rota_for(user: User, rota_id: int | str) -> tuple[Rota, list[RotaPlace], list[RotaTurn]]:
    """A rota with its people and the turns ahead, for who runs the body. Audited."""
    rota = one_or_404(Rota.objects.select_related("body"), rota_id)
    if not runs(user, rota.body):
        raise PermissionDenied
    places = list(rota.places.select_related("membership__member", "membership__constituency"))
    turns = list(
        rota.turns.filter(meeting__ends_at__gte=timezone.now()).select_related("meeting", "membership__member")
    )
    audit_reads_record(actor=user, records=[place.membership for place in places], person_id_of=None)
    return rota, places, turns
