"""Who may read what in the time bank, and the audit event for each read of a member's details.

Members see their own record, and the name and contact details of the member on the other side of an
exchange they are in; the public see offers and requests without names; the coordinator (a provider editor
for the organisation that runs the bank, or an administrator) sees every member and exchange. One condition
per line; tests cover every role.
"""

from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page
from django.db.models import Q

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.core.access import one_or_404
from livingwell.support.selectors import has_own_plan
from livingwell.timebank import selectors
from livingwell.timebank.models import Exchange, Listing, Member
from livingwell.timebank.selectors import Balance, Coordination, LedgerRow


def _audit_member_reads(user: User, members: list[Member]) -> None:
    """One read event for each member shown, however often they appear on the page."""
    audit_reads_record(actor=user, records=list({member.pk: member for member in members}.values()), person_id_of=None)


def coordinator_check(user: User) -> None:
    if not selectors.coordinates(user):
        raise PermissionDenied


def active_member_for(user: User) -> Member | None:
    """The user's own membership while they are a member; None otherwise. Their own record: read as they use
    it, not audited (what they read of others is)."""
    member = selectors.member_of(user)
    if member is None or member.status != Member.Status.ACTIVE:
        return None
    return member


@dataclass(frozen=True)
class OwnTime:
    member: Member
    balance: Balance
    ledger: Page
    rows: list[LedgerRow]
    listings: list[Listing]
    exchanges: list[Exchange]


def access_own_time_for(user: User, page_number: str | int = 1) -> OwnTime | None:
    """The member's own hours, given and received apart, their ledger, offers, requests and exchanges; the
    names of the members they exchanged with are read, and audited."""
    member = active_member_for(user)
    if member is None:
        return None
    ledger, rows = selectors.ledger_page(member, page_number)
    exchanges = list(selectors.exchanges_of(member)[:50])
    _audit_member_reads(user, [exchange.other_side(member) for exchange in exchanges])
    return OwnTime(
        member=member,
        balance=selectors.balance_of(member.pk),
        ledger=ledger,
        rows=rows,
        listings=list(selectors.listings_of(member)),
        exchanges=exchanges,
    )


@dataclass(frozen=True)
class ListingView:
    listing: Listing
    # The member who added it, for members to see; None for the public.
    who: Member | None
    mine: bool
    # The viewer's own exchange about it that is still going, if any.
    asked: Exchange | None


def access_listing_for(user: User, listing_id: UUID | str) -> ListingView:
    """An open offer or request: what and where for anyone; who added it, for members only (audited)."""
    listing = one_or_404(selectors.open_listings().select_related("member", "category", "area"), listing_id)
    member = active_member_for(user)
    if member is None:
        return ListingView(listing=listing, who=None, mine=False, asked=None)
    mine = listing.member_id == member.pk
    if not mine:
        _audit_member_reads(user, [listing.member])
    asked = (
        Exchange.objects.filter(listing=listing, status__in=selectors.OPEN_EXCHANGE)
        .filter(Q(giver=member) | Q(receiver=member))
        .first()
    )
    return ListingView(listing=listing, who=listing.member, mine=mine, asked=asked)


def access_own_listing_for(user: User, listing_id: UUID | str) -> tuple[Member, Listing]:
    """The member's own offer or request, to close."""
    member = active_member_for(user)
    if member is None:
        raise PermissionDenied
    return member, one_or_404(Listing.objects.filter(member=member), listing_id)


@dataclass(frozen=True)
class ExchangeView:
    exchange: Exchange
    # The member looking, when they are in it; None for the coordinator.
    member: Member | None
    # Their name and, once agreed, how to reach them.
    other: Member | None
    shows_contact: bool
    # The member is someone the network supports with a plan, who may add the other member to it.
    has_plan: bool = False


def access_exchange_for(user: User, exchange_id: UUID | str) -> ExchangeView:
    """An exchange, for the two members in it and the coordinator; the read of the other member audited."""
    exchange = one_or_404(
        Exchange.objects.select_related("listing__category", "giver", "receiver", "asked_by", "recorded_by"),
        exchange_id,
    )
    member = active_member_for(user)
    in_it = member is not None and member.pk in (exchange.giver_id, exchange.receiver_id)
    if not in_it and not selectors.coordinates(user):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=exchange, person_id=None)
    if in_it and member is not None:
        other = exchange.other_side(member)
        _audit_member_reads(user, [other])
        agreed = exchange.status in (Exchange.Status.AGREED, Exchange.Status.RECORDED, Exchange.Status.CONFIRMED)
        has_plan = has_own_plan(user)
        return ExchangeView(exchange=exchange, member=member, other=other, shows_contact=agreed, has_plan=has_plan)
    _audit_member_reads(user, [exchange.giver, exchange.receiver])
    return ExchangeView(exchange=exchange, member=None, other=None, shows_contact=True)


def access_coordination_for(user: User) -> Coordination:
    coordinator_check(user)
    screens = selectors.coordination()
    members = [*screens.to_welcome, *screens.inactive]
    members += [side for exchange in screens.unconfirmed for side in (exchange.giver, exchange.receiver)]
    _audit_member_reads(user, members)
    return screens


@dataclass(frozen=True)
class MemberView:
    member: Member
    balance: Balance
    ledger: Page
    rows: list[LedgerRow]


def access_member_for(user: User, member_id: UUID | str, page_number: str | int = 1) -> MemberView:
    """One member, for the coordinator: their details, hours and ledger."""
    coordinator_check(user)
    member = one_or_404(Member.objects.exclude(kind=Member.Kind.BANK).select_related("area", "user"), member_id)
    _audit_member_reads(user, [member])
    ledger, rows = selectors.ledger_page(member, page_number)
    return MemberView(member=member, balance=selectors.balance_of(member.pk), ledger=ledger, rows=rows)


def access_member_to_change_for(user: User, member_id: UUID | str) -> Member:
    """A member the coordinator welcomes or nudges; nothing is shown, so nothing is read."""
    coordinator_check(user)
    return one_or_404(Member.objects.exclude(kind=Member.Kind.BANK), member_id)


def access_members_by_email_for(user: User, emails: list[str]) -> tuple[list[Member], list[str]]:
    """The members with these email addresses, for the coordinator to credit; and the addresses that match
    no member."""
    coordinator_check(user)
    wanted = {email.strip().lower() for email in emails if email.strip()}
    if not wanted:
        return [], []
    matching = Q()
    for email in wanted:
        matching |= Q(email__iexact=email)
    found = list(Member.objects.filter(matching, status=Member.Status.ACTIVE).exclude(kind=Member.Kind.BANK))
    _audit_member_reads(user, found)
    known = {member.email.lower() for member in found}
    return found, sorted(wanted - known)
