"""Paying Experts by Experience: a claim for each eligible meeting they attend, at the body's rate, plus
expenses with receipts; approval by the involvement coordinator (who runs the body, never for their own
claim); a CSV for finance; a statement for the member; and a yearly limit for those protecting benefits.

The tax year runs from 6 April. A claim's total is its fee plus its expenses.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Attendance,
    Body,
    Claim,
    Expense,
    FinanceExport,
    Meeting,
    Member,
    PaymentRate,
)
from livingwell.core.exports import csv_text
from livingwell.core.files import file_delete, file_keep
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.core.yearly_limit import (
    Cap,
    is_near,
    tax_year_end,
    tax_year_label,
    tax_year_start,
)

PENCE = Decimal("0.01")
QUARTER_HOUR = Decimal("0.25")


class PaymentRefused(Refused):
    """Why a payment change cannot be made, in words for the person making it."""


def rate_for(body_id: int, kind: str, day: datetime.date) -> PaymentRate | None:
    return PaymentRate.objects.filter(body_id=body_id, kind=kind, valid_from__lte=day).order_by("-valid_from").first()


def claim_make(attendance: Attendance) -> Claim | None:
    """The claim for an attendance at a meeting whose body pays that kind of member; None if it pays none.
    Marking the same attendance again makes no second claim."""
    meeting = attendance.meeting
    rate = rate_for(meeting.body_id, attendance.kind, timezone.localtime(meeting.starts_at).date())
    if rate is None:
        return None
    hours = (Decimal((meeting.ends_at - meeting.starts_at).total_seconds()) / 3600 / QUARTER_HOUR).quantize(
        Decimal(1), ROUND_HALF_UP
    ) * QUARTER_HOUR
    fee = rate.amount * hours if rate.basis == PaymentRate.Basis.PER_HOUR else rate.amount
    claim, _created = Claim.objects.get_or_create(
        member_id=attendance.membership.member_id,
        meeting=meeting,
        defaults={
            "body_id": meeting.body_id,
            "basis": rate.basis,
            "rate": rate.amount,
            "hours": hours,
            "fee": fee.quantize(PENCE, ROUND_HALF_UP),
        },
    )
    return claim


def claim_undo(meeting: Meeting, member_id: uuid.UUID) -> None:
    """Marked "not there" after all: a claim not yet approved goes; an approved one stops the change."""
    claim = Claim.objects.filter(meeting=meeting, member_id=member_id).first()
    if claim is None:
        return
    if claim.status in (Claim.Status.WAITING, Claim.Status.REJECTED):
        claim.delete()
        return
    raise PaymentRefused(_("Their payment for this meeting is already approved, so they stay marked as there."))


def claim_total(claim: Claim) -> Decimal:
    return claim.fee + sum((expense.amount for expense in claim.expenses.all()), Decimal(0))


def paid_in_year(member: Member, start: datetime.date, *, excluding: Claim | None = None) -> Decimal:
    """Fees and expenses approved (or sent to finance) for the member in the tax year from ``start``."""
    end = tax_year_end(start)
    claims = Claim.objects.filter(
        member=member,
        status__in=[Claim.Status.APPROVED, Claim.Status.EXPORTED],
        meeting__starts_at__date__gte=start,
        meeting__starts_at__date__lt=end,
    )
    if excluding is not None:
        claims = claims.exclude(pk=excluding.pk)
    fees = claims.aggregate(total=Sum("fee"))["total"] or Decimal(0)
    expenses = Expense.objects.filter(claim__in=claims).aggregate(total=Sum("amount"))["total"] or Decimal(0)
    return fees + expenses


def cap_for(claim: Claim) -> Cap:
    start = tax_year_start(timezone.localtime(claim.meeting.starts_at).date())
    paid = paid_in_year(claim.member, start, excluding=claim)
    counts = claim.status in (Claim.Status.WAITING, Claim.Status.APPROVED, Claim.Status.EXPORTED)
    return Cap(limit=claim.member.annual_cap, paid=paid, after=paid + (claim_total(claim) if counts else 0))


def claim_approve(*, actor: User, claim: Claim, over_limit_agreed: bool) -> Claim:
    """Approve a claim. Nobody approves their own; a claim that takes the member over their yearly limit
    is approved only when the coordinator says the member has agreed."""
    with transaction.atomic():
        locked = Claim.objects.select_for_update(of=("self",)).select_related("member", "meeting").get(pk=claim.pk)
        if locked.member.user_id is not None and locked.member.user_id == actor.pk:
            raise PaymentRefused(_("You cannot approve your own claim. Another coordinator must."))
        if locked.status != Claim.Status.WAITING:
            raise PaymentRefused(_("This claim has already been decided."))
        if cap_for(locked).over and not over_limit_agreed:
            raise PaymentRefused(
                _("This would take them over their yearly limit. Check with them, then confirm that they agree.")
            )
        locked.status = Claim.Status.APPROVED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_by", "decided_at"])
        member_record_audit(actor, locked, "approved" + (" over the yearly limit" if over_limit_agreed else ""))
    return locked


def claim_reject(*, actor: User, claim: Claim, reason: str) -> Claim:
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if locked.status != Claim.Status.WAITING:
            raise PaymentRefused(_("This claim has already been decided."))
        locked.status = Claim.Status.REJECTED
        locked.reject_reason = reason
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "reject_reason", "decided_by", "decided_at"])
        member_record_audit(actor, locked, "not approved")
    return locked


RECEIPT_LIMIT = 5 * 1024 * 1024
# Where receipts are kept in file storage (core/files.py).
RECEIPTS = "receipts"
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def receipt_type_of(head: bytes) -> str | None:
    """What a receipt really is, from its own first bytes (never the browser's word for it): a PDF, JPEG,
    PNG, WEBP or HEIC photo; None for anything else, such as SVG or HTML sent as an image."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "image/heic"
    return None


def expense_add(
    *, actor: User, claim: Claim, what: str, amount: Decimal, receipt: UploadedFile, submission_id: uuid.UUID
) -> Expense:
    """Add an expense with its receipt to a claim not yet decided. The same form twice adds it once."""
    if claim.status != Claim.Status.WAITING:
        raise PaymentRefused(_("Expenses are added before the claim is approved."))
    content = receipt.read(RECEIPT_LIMIT + 1)
    existing = Expense.objects.filter(submission_id=submission_id).first()
    if existing is not None:
        return existing
    name = file_keep(RECEIPTS, content)

    def create() -> Expense:
        expense = Expense.objects.create(
            claim=claim,
            what=what,
            amount=amount,
            receipt_name=(receipt.name or "receipt")[-200:],
            receipt_type=receipt_type_of(content[:16]) or "application/octet-stream",
            receipt_file=name,
            submission_id=submission_id,
            added_by=actor,
        )
        member_record_audit(actor, expense, "expense added", AuditEvent.Action.CREATE)
        return expense

    try:
        expense = created_once(Expense, create, submission_id=submission_id)
    except Exception:
        file_delete(name)
        raise
    if expense.receipt_file != name:  # the same form sent twice at once: the other request kept its own
        file_delete(name)
    return expense


FINANCE_HEADER = [
    "claim",
    "member",
    "email",
    "body",
    "meeting_date",
    "basis",
    "rate",
    "hours",
    "fee",
    "expenses",
    "total",
    "approved_by",
    "approved_on",
]


def claims_export(*, actor: User, body: Body) -> FinanceExport | None:
    """Every approved claim of the body not yet sent to finance, as a batch kept with who made it and when
    (so a lost download can be downloaded again); the claims are marked sent, so the next batch holds only
    newer ones. Audited as an export. None when no claim is waiting to go."""
    with transaction.atomic():
        claims = list(
            Claim.objects.select_for_update(of=("self",))
            .filter(body=body, status=Claim.Status.APPROVED)
            .select_related("member", "meeting", "decided_by")
            .order_by("meeting__starts_at", "pk")
        )
        expenses: dict[int, Decimal] = {
            row["claim"]: row["total"]
            for row in Expense.objects.filter(claim__in=claims).values("claim").annotate(total=Sum("amount"))
        }
        rows = [
            [
                claim.pk,
                claim.member.name,
                claim.member.email,
                body.name,
                timezone.localtime(claim.meeting.starts_at).date().isoformat(),
                claim.basis,
                f"{claim.rate:.2f}",
                f"{claim.hours:.2f}",
                f"{claim.fee:.2f}",
                f"{expenses.get(claim.pk, Decimal(0)):.2f}",
                f"{claim.fee + expenses.get(claim.pk, Decimal(0)):.2f}",
                (claim.decided_by.get_full_name() or claim.decided_by.username) if claim.decided_by else "",
                timezone.localtime(claim.decided_at).date().isoformat() if claim.decided_at else "",
            ]
            for claim in claims
        ]
        now = timezone.now()
        Claim.objects.filter(pk__in=[c.pk for c in claims]).update(status=Claim.Status.EXPORTED, exported_at=now)
        for claim in claims:
            member_record_audit(actor, claim, "sent to finance", AuditEvent.Action.EXPORT)
        if not rows:
            return None
        return FinanceExport.objects.create(
            body=body, made_by=actor, claim_count=len(rows), csv=csv_text(FINANCE_HEADER, rows)
        )


@dataclass(frozen=True)
class Statement:
    member: Member
    year_start: datetime.date
    claims: list[Claim]
    paid: Decimal
    waiting: Decimal
    limit: Decimal | None

    @property
    def label(self) -> str:
        return tax_year_label(self.year_start)

    @property
    def near_limit(self) -> bool:
        return is_near(self.limit, self.paid + self.waiting)


def statement_for(member: Member, year_start: datetime.date) -> Statement:
    """The member's claims in a tax year, with what is paid and what waits."""
    end = tax_year_end(year_start)
    claims = list(
        Claim.objects.filter(member=member, meeting__starts_at__date__gte=year_start, meeting__starts_at__date__lt=end)
        .select_related("meeting", "body")
        .prefetch_related("expenses")
        .order_by("meeting__starts_at", "pk")
    )
    paid = sum(
        (claim_total(c) for c in claims if c.status in (Claim.Status.APPROVED, Claim.Status.EXPORTED)), Decimal(0)
    )
    waiting = sum((claim_total(c) for c in claims if c.status == Claim.Status.WAITING), Decimal(0))
    return Statement(member, year_start, claims, paid, waiting, member.annual_cap)
