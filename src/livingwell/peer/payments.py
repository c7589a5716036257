"""Paying peer supporters who are paid by the session: each session they run (one-to-one or a group's) makes a
payment at their fee, which the Hub manager approves against their yearly limit, the same way as Experts by
Experience claims (``core.yearly_limit``): warned when near, and over it only when they have agreed."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.refusals import Refused
from livingwell.core.yearly_limit import Cap, is_near, tax_year_end, tax_year_label, tax_year_start
from livingwell.peer.models import GroupSession, PeerPayment, PeerProfile, PeerSession


def payment_make(
    *, profile: PeerProfile, on: datetime.date, session: PeerSession | None = None,
    group_session: GroupSession | None = None,
) -> PeerPayment | None:  # fmt: skip
    """The payment for a session a sessional peer supporter ran, at their fee; None if they are not paid by
    the session or have no fee set yet (the Hub manager sets it)."""
    if profile.arrangement != PeerProfile.Arrangement.SESSIONAL or profile.session_fee is None:
        return None
    return PeerPayment.objects.create(
        peer=profile, on=on, amount=profile.session_fee, session=session, group_session=group_session
    )


def paid_in_year(profile: PeerProfile, start: datetime.date, *, excluding: PeerPayment | None = None) -> Decimal:
    payments = PeerPayment.objects.filter(
        peer=profile, status=PeerPayment.Status.APPROVED, on__gte=start, on__lt=tax_year_end(start)
    )
    if excluding is not None:
        payments = payments.exclude(pk=excluding.pk)
    return payments.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def _cap(payment: PeerPayment, paid: Decimal) -> Cap:
    counts = payment.status in (PeerPayment.Status.WAITING, PeerPayment.Status.APPROVED)
    return Cap(limit=payment.peer.yearly_limit, paid=paid, after=paid + (payment.amount if counts else 0))


def cap_for(payment: PeerPayment) -> Cap:
    return _cap(payment, paid_in_year(payment.peer, tax_year_start(payment.on), excluding=payment))


def caps_for(payments: list[PeerPayment]) -> list[Cap]:
    """``cap_for`` each of ``payments``, read in one query however many there are."""
    if not payments:
        return []
    starts = {tax_year_start(payment.on) for payment in payments}
    approved = list(
        PeerPayment.objects.filter(
            peer_id__in={payment.peer_id for payment in payments}, status=PeerPayment.Status.APPROVED,
            on__gte=min(starts), on__lt=tax_year_end(max(starts)),
        ).values_list("pk", "peer_id", "on", "amount")
    )  # fmt: skip
    paid: dict[tuple[int, datetime.date], list[tuple[object, Decimal]]] = {}
    for pk, peer_id, on, amount in approved:
        paid.setdefault((peer_id, tax_year_start(on)), []).append((pk, amount))
    return [
        _cap(p, sum((a for pk, a in paid.get((p.peer_id, tax_year_start(p.on)), []) if pk != p.pk), Decimal(0)))
        for p in payments
    ]


def payment_approve(*, actor: User, payment: PeerPayment, over_limit_agreed: bool) -> str:
    """Nobody approves their own payment; one that takes them over their yearly limit is approved only when
    the Hub manager says they have agreed."""
    with transaction.atomic():
        locked = PeerPayment.objects.select_for_update(of=("self",)).select_related("peer").get(pk=payment.pk)
        if locked.peer.user_id == actor.pk:
            raise Refused(_("You cannot approve your own payment."))
        if locked.status != PeerPayment.Status.WAITING:
            raise Refused(_("This payment has already been decided."))
        if cap_for(locked).over and not over_limit_agreed:
            raise Refused(
                _("This would take them over their yearly limit. Check with them, then confirm that they agree.")
            )
        _decide(actor, locked, PeerPayment.Status.APPROVED, "approved" + (" over the yearly limit" * over_limit_agreed))
    return _("The payment is approved.")


def payment_reject(*, actor: User, payment: PeerPayment, reason: str) -> str:
    with transaction.atomic():
        locked = PeerPayment.objects.select_for_update().get(pk=payment.pk)
        if locked.status != PeerPayment.Status.WAITING:
            raise Refused(_("This payment has already been decided."))
        locked.reject_reason = reason
        _decide(actor, locked, PeerPayment.Status.REJECTED, "not approved")
    return _("The payment is not approved. They can see why.")


def _decide(actor: User, payment: PeerPayment, status: str, detail: str) -> None:
    payment.status = status
    payment.decided_by = actor
    payment.decided_at = timezone.now()
    payment.save(update_fields=["status", "reject_reason", "decided_by", "decided_at"])
    audit_event_record(actor=actor, action=AuditEvent.Action.CHANGE, record=payment, person_id=None, detail=detail)


def fee_set(*, actor: User, profile: PeerProfile, fee: Decimal | None) -> str:
    """The Hub manager sets what a sessional peer supporter is paid for each session from now on."""
    with transaction.atomic():
        PeerProfile.objects.filter(pk=profile.pk).update(session_fee=fee)
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CHANGE, record=profile, person_id=None, detail="session fee"
        )
    return _("The fee for each session is saved.")


@dataclass(frozen=True)
class Statement:
    profile: PeerProfile
    year_start: datetime.date
    payments: list[PeerPayment]
    paid: Decimal
    waiting: Decimal

    @property
    def limit(self) -> Decimal | None:
        return self.profile.yearly_limit

    @property
    def label(self) -> str:
        return tax_year_label(self.year_start)

    @property
    def near_limit(self) -> bool:
        return is_near(self.limit, self.paid + self.waiting)


def statement_for(profile: PeerProfile, year_start: datetime.date) -> Statement:
    """A peer supporter's payments in a tax year, with what is approved and what waits."""
    payments = list(
        PeerPayment.objects.filter(peer=profile, on__gte=year_start, on__lt=tax_year_end(year_start)).select_related(
            "group_session__group__service"
        )
    )
    paid = sum((p.amount for p in payments if p.status == PeerPayment.Status.APPROVED), Decimal(0))
    waiting = sum((p.amount for p in payments if p.status == PeerPayment.Status.WAITING), Decimal(0))
    return Statement(profile, year_start, payments, paid, waiting)
