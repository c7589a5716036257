"""Every read of the time bank: balances summed from the ledger, a member's ledger and exchanges, the offers
and requests search, and the coordinator's lists."""

import datetime
import uuid
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.core.months import truncated_month
from livingwell.timebank.models import Bank, Entry, Exchange, Listing, Member
from livingwell.timebank.shipped import BANK_ID

LEDGER_PER_PAGE = 50
LISTINGS_PER_PAGE = 20
COORDINATOR_ROWS = 100
# Exchanges still to finish: asked, agreed, or hours waiting for the other side (the condition of the index
# timebank_exchange_going, which the coordinator's list uses).
OPEN_EXCHANGE = ["asked", "agreed", "recorded"]


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
    """One page of the member's ledger, newest first: what each line was for and with whom (narrow rows: the
    page of a long-standing member stays quick)."""
    entries = Entry.objects.filter(member=member).values_list(
        "at", "minutes", "exchange__listing__title", "exchange__giver_id", "exchange__giver__name",
        "exchange__receiver__name", "credit__what",
    )  # fmt: skip
    page = Paginator(entries, LEDGER_PER_PAGE).get_page(page_number)
    bank_name = bank().label
    rows = []
    for at, minutes, title, giver_id, giver, receiver, credit in page.object_list:
        if credit is not None:
            rows.append(LedgerRow(at, minutes, credit, bank_name))
        else:
            rows.append(LedgerRow(at, minutes, title, receiver if giver_id == member.pk else giver))
    return page, rows


def exchanges_of(member: Member) -> QuerySet[Exchange]:
    return (
        Exchange.objects.filter(Q(giver=member) | Q(receiver=member))
        .select_related("listing", "giver", "receiver")
        .only("status", "asked_at", "giver_id", "receiver_id", "listing__title", "giver__name", "receiver__name")
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
        Exchange.objects.filter(status__in=OPEN_EXCHANGE)
        .filter(
            Q(status=Exchange.Status.RECORDED, recorded_at__lt=waiting_since)
            | Q(status=Exchange.Status.AGREED, answered_at__lt=waiting_since)
        )
        .select_related("listing", "giver", "receiver", "recorded_by")
        .order_by("asked_at")
    )
    quiet_since = now - datetime.timedelta(days=the_bank.inactive_days)
    recent_entry = Entry.objects.filter(member=OuterRef("pk"), at__gte=quiet_since)
    recent = Exchange.objects.filter(asked_at__gte=quiet_since)
    inactive = (
        people.filter(status=Member.Status.ACTIVE, joined_at__lt=quiet_since)
        .exclude(Exists(recent_entry))
        .exclude(Exists(recent.filter(giver=OuterRef("pk"))))
        .exclude(Exists(recent.filter(receiver=OuterRef("pk"))))
        .order_by("joined_at")
    )
    return Coordination(
        to_welcome=list(to_welcome[:COORDINATOR_ROWS]),
        unconfirmed=list(unconfirmed[:COORDINATOR_ROWS]),
        inactive=list(inactive[:COORDINATOR_ROWS]),
        confirm_days=the_bank.confirm_days,
        inactive_days=the_bank.inactive_days,
    )


@dataclass(frozen=True)
class MonthFigures:
    month: datetime.date
    members: int
    active: int
    minutes: int


@dataclass(frozen=True)
class Figures:
    months: list[MonthFigures]
    # Over the whole period: members who exchanged, and those of them who both gave and received.
    active: int
    gave_and_received: int


def figures(first: datetime.date, before: datetime.date) -> Figures:
    """For each month from ``first`` up to ``before``: members at its end, members who gave or received, and
    the hours exchanged (given, so each exchange counts once); and over the period, how many members both gave
    and received. Unsuppressed counts: the insight app suppresses them."""
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(before, datetime.time()))
    people = Member.objects.exclude(kind=Member.Kind.BANK).exclude(joined_at__isnull=True)
    spans: list[tuple[datetime.datetime, datetime.datetime | None]] = [
        (joined, left)
        for joined, left in people.filter(joined_at__lt=end).values_list("joined_at", "left_at")
        if joined
    ]
    by_month = (
        Entry.objects.filter(at__gte=start, at__lt=end)
        .exclude(member__kind=Member.Kind.BANK)
        .annotate(month=TruncMonth("at"))
        .values_list("month", "member_id")
        .annotate(given=Sum("minutes", filter=Q(minutes__gt=0)), received=Sum("minutes", filter=Q(minutes__lt=0)))
    )
    active: dict[datetime.date, set[object]] = {}
    minutes: dict[datetime.date, int] = {}
    gave: set[object] = set()
    received: set[object] = set()
    for month, member_id, given, got in by_month:
        key = truncated_month(month)
        active.setdefault(key, set()).add(member_id)
        minutes[key] = minutes.get(key, 0) + (given or 0)
        if given:
            gave.add(member_id)
        if got:
            received.add(member_id)
    months = []
    month = first.replace(day=1)
    while month < before:
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        month_end = timezone.make_aware(datetime.datetime.combine(following, datetime.time()))
        members = len([joined for joined, left in spans if joined < month_end and (left is None or left >= month_end)])
        months.append(MonthFigures(month, members, len(active.get(month, ())), minutes.get(month, 0)))
        month = following
    return Figures(months=months, active=len(gave | received), gave_and_received=len(gave & received))


def account_language(user: User) -> str:
    """The language this account's owner joined the time bank in, or "" when they are not a member."""
    return Member.objects.filter(user_id=user.pk).values_list("written_in", flat=True).first() or ""
