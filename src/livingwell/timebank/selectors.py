"""Every read of the time bank: balances summed from the ledger, a member's ledger and exchanges, the offers
and requests search, and the coordinator's lists."""

import datetime
import uuid
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.timebank.models import Bank, Entry, Exchange, Listing, Member
from livingwell.timebank.shipped import BANK_ID

LEDGER_PER_PAGE = 50
LISTINGS_PER_PAGE = 20
COORDINATOR_ROWS = 100
# Exchanges still to finish: asked, agreed, or hours waiting for the other side.
OPEN_EXCHANGE = (Exchange.Status.ASKED, Exchange.Status.AGREED, Exchange.Status.RECORDED)


def bank() -> Bank:
    return Bank.objects.select_related("organization").get(pk=BANK_ID)


def coordinates(user: User, the_bank: Bank | None = None) -> bool:
    """Who coordinates: administrators, and provider editors acting for the organisation that runs it."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADMINISTRATOR:
        return True
    if user.role != Role.PROVIDER_EDITOR:
        return False
    organization_id = (the_bank or bank()).organization_id
    return organization_id is not None and user.organisations.filter(pk=organization_id).exists()


def member_of(user: User) -> Member | None:
    """The user's own membership, in any state; None when they never joined or asked to."""
    if not user.is_authenticated:
        return None
    return Member.objects.filter(user_id=user.pk).select_related("area").first()


def bank_account() -> Member:
    """The bank's own account, which receives the hours credited for group activities."""
    the_bank = bank()
    account, _created = Member.objects.get_or_create(
        kind=Member.Kind.BANK,
        defaults={"name": the_bank.name, "status": Member.Status.ACTIVE, "conduct_agreed_at": timezone.now()},
    )
    return account


@dataclass(frozen=True)
class Balance:
    """Minutes given and received, kept apart; the balance is what is left."""

    given: int
    received: int

    @property
    def balance(self) -> int:
        return self.given - self.received


def balance_of(member_id: uuid.UUID | str) -> Balance:
    """The member's hours, summed from their ledger in one query."""
    sums = Entry.objects.filter(member_id=member_id).aggregate(
        given=Sum("minutes", filter=Q(minutes__gt=0)), received=Sum("minutes", filter=Q(minutes__lt=0))
    )
    return Balance(given=sums["given"] or 0, received=-(sums["received"] or 0))


@dataclass(frozen=True)
class LedgerRow:
    at: datetime.datetime
    minutes: int
    what: str
    with_whom: str


def ledger_page(member: Member, page_number: str | int) -> tuple[Page, list[LedgerRow]]:
    """One page of the member's ledger, newest first: what each line was for and with whom."""
    entries = Entry.objects.filter(member=member).select_related(
        "exchange__listing", "exchange__giver", "exchange__receiver", "credit"
    )
    page = Paginator(entries, LEDGER_PER_PAGE).get_page(page_number)
    rows = []
    bank_name = bank().name
    for entry in page.object_list:
        if entry.exchange is not None:
            other = entry.exchange.other_side(member)
            rows.append(LedgerRow(entry.at, entry.minutes, entry.exchange.listing.title, other.name))
        elif entry.credit is not None:
            rows.append(LedgerRow(entry.at, entry.minutes, entry.credit.what, bank_name))
    return page, rows


def exchanges_of(member: Member) -> QuerySet[Exchange]:
    return (
        Exchange.objects.filter(Q(giver=member) | Q(receiver=member))
        .select_related("listing__category", "giver", "receiver", "recorded_by")
        .order_by("-asked_at", "id")
    )


def listings_of(member: Member) -> QuerySet[Listing]:
    return Listing.objects.filter(member=member).select_related("category", "area").order_by("-created_at")


def open_listings() -> QuerySet[Listing]:
    """Listings anyone may see: open, from members who are still members."""
    return Listing.objects.filter(is_open=True, member__status=Member.Status.ACTIVE)


def listings_search(
    *, words: str = "", kind: str = "", category: str = "", area: str = "", page_number: str | int = 1
) -> Page:
    """Open offers and requests matching every word, newest first: what and where, never who."""
    listings = open_listings().select_related("category", "area")
    for word in words.split()[:10]:
        listings = listings.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if kind:
        listings = listings.filter(kind=kind)
    if category:
        listings = listings.filter(category__slug=category)
    if area:
        listings = listings.filter(area__slug=area)
    return Paginator(listings.order_by("-created_at", "id"), LISTINGS_PER_PAGE).get_page(page_number)


@dataclass(frozen=True)
class Coordination:
    to_welcome: list[Member]
    unconfirmed: list[Exchange]
    inactive: list[Member]
    confirm_days: int
    inactive_days: int


def coordination() -> Coordination:
    """The coordinator's lists: who to welcome, exchanges whose hours wait too long, and members who have not
    exchanged for a long time (each list at most ``COORDINATOR_ROWS``, oldest first)."""
    the_bank = bank()
    now = timezone.now()
    people = Member.objects.exclude(kind=Member.Kind.BANK).select_related("area")
    to_welcome = people.filter(
        Q(status=Member.Status.ASKED) | Q(status=Member.Status.ACTIVE, welcomed_at__isnull=True)
    ).order_by("asked_at")
    waiting_since = now - datetime.timedelta(days=the_bank.confirm_days)
    unconfirmed = (
        Exchange.objects.filter(
            Q(status=Exchange.Status.RECORDED, recorded_at__lt=waiting_since)
            | Q(status=Exchange.Status.AGREED, answered_at__lt=waiting_since)
        )
        .select_related("listing", "giver", "receiver", "recorded_by")
        .order_by("asked_at")
    )
    quiet_since = now - datetime.timedelta(days=the_bank.inactive_days)
    recent_entry = Entry.objects.filter(member=OuterRef("pk"), at__gte=quiet_since)
    recent_exchange = Exchange.objects.filter(
        Q(giver=OuterRef("pk")) | Q(receiver=OuterRef("pk")), asked_at__gte=quiet_since
    )
    inactive = (
        people.filter(status=Member.Status.ACTIVE, joined_at__lt=quiet_since)
        .exclude(Exists(recent_entry))
        .exclude(Exists(recent_exchange))
        .order_by("joined_at")
    )
    return Coordination(
        to_welcome=list(to_welcome[:COORDINATOR_ROWS]),
        unconfirmed=list(unconfirmed[:COORDINATOR_ROWS]),
        inactive=list(inactive[:COORDINATOR_ROWS]),
        confirm_days=the_bank.confirm_days,
        inactive_days=the_bank.inactive_days,
    )
