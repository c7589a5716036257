"""Time bank benchmark: 5,000 members and 200,000 confirmed exchanges (400,000 lines in the ledger), with
8,000 offers and requests.

Measures a member's own page (their hours given and received, summed from the ledger, the first page of it,
their exchanges and offers) and the offers search (words and a category, and the first page with no search),
each against p95 <= 150 ms, and the coordinator's screens. Runs in-process through Django's test client
against DATABASE_URL (SQLite in var/bench-timebank.sqlite3 by default). The floors, in the same run: the
minimal Django view behind the same middleware, the member's sums by raw SQL, and the search by raw SQL.

    ./lw bench timebank
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_timebank ./lw bench timebank
"""

import datetime
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.in_process import analyse, page_getter, queries_in, report, setup, staff_client, timed

setup("bench-timebank.sqlite3")

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from livingwell.accounts.models import Role, User  # noqa: E402
from livingwell.directory.models import Organization  # noqa: E402
from livingwell.timebank.models import Bank, Category, Entry, Exchange, Listing, Member  # noqa: E402
from livingwell.timebank.shipped import BANK_ID  # noqa: E402

MEMBERS = 5_000
EXCHANGES = 200_000
LISTINGS = 8_000
BATCH = 5_000
WORDS = ["garden", "shopping", "company", "lift", "guitar", "phone", "cooking", "shelves", "letters", "walk"]


def generate(user: User) -> Member:
    """Make the time bank once; the bench member (``user``'s) is one of the 5,000."""
    own = Member.objects.filter(user=user).first()
    if own is not None:
        return own
    print(f"Generating {MEMBERS} members, {LISTINGS} offers and requests and {EXCHANGES} exchanges…", flush=True)
    chance = random.Random(2026)
    now = timezone.now()
    categories = list(Category.objects.all())
    with transaction.atomic():
        members = Member.objects.bulk_create(
            Member(
                user=user if number == 0 else None, name=f"Member {number}", email=f"member{number}@bench.example",
                status=Member.Status.ACTIVE, conduct_agreed_at=now, joined_at=now - datetime.timedelta(days=700),
                welcomed_at=now,
            )
            for number in range(MEMBERS)
        )  # fmt: skip
        listings = Listing.objects.bulk_create(
            Listing(
                member=members[chance.randrange(MEMBERS)], kind=chance.choice(["offer", "request"]),
                category=chance.choice(categories), title=f"Help with {chance.choice(WORDS)} {number}",
                description=" ".join(chance.choice(WORDS) for _ in range(30)), is_open=chance.random() < 0.7,
                created_at=now - datetime.timedelta(minutes=number), submission_id=uuid.uuid4(),
            )
            for number in range(LISTINGS)
        )  # fmt: skip
        for start in range(0, EXCHANGES, BATCH):
            exchanges, entries = [], []
            for number in range(start, start + BATCH):
                listing = listings[number % LISTINGS]
                pick = chance.randrange(MEMBERS)
                other = members[pick] if members[pick].pk != listing.member_id else members[(pick + 1) % MEMBERS]
                at = now - datetime.timedelta(minutes=3 * number)
                minutes = chance.choice([30, 60, 90, 120])
                giver, receiver = (listing.member, other) if listing.kind == "offer" else (other, listing.member)
                exchange = Exchange(
                    listing=listing, giver=giver, receiver=receiver, asked_by=other, status="confirmed", asked_at=at,
                    answered_at=at, minutes=minutes, recorded_by=giver, recorded_at=at, confirmed_at=at,
                    submission_id=uuid.uuid4(),
                )  # fmt: skip
                exchanges.append(exchange)
                entries += [
                    Entry(member=giver, minutes=minutes, at=at, exchange=exchange),
                    Entry(member=receiver, minutes=-minutes, at=at, exchange=exchange),
                ]
            Exchange.objects.bulk_create(exchanges)
            Entry.objects.bulk_create(entries, batch_size=BATCH)
    return members[0]


def sums_floor(member_id: uuid.UUID) -> None:
    """The member's hours given and received, by raw SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT SUM(CASE WHEN minutes > 0 THEN minutes END), SUM(CASE WHEN minutes < 0 THEN minutes END) "
            "FROM timebank_entry WHERE member_id = %s",
            [member_id.hex if connection.vendor == "sqlite" else member_id],
        )
        cursor.fetchall()


def search_floor() -> None:
    """The first page of open offers and requests with a word, by raw SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, title FROM timebank_listing WHERE is_open AND UPPER(title) LIKE UPPER(%s) "
            "ORDER BY created_at DESC LIMIT 20",
            ["%garden%"],
        )
        cursor.fetchall()


def main() -> int:
    user, _created = User.objects.get_or_create(username="bench-member", defaults={"role": Role.PERSON})
    member_client = Client()
    member_client.force_login(user)
    coordinator_client = staff_client("bench-coordinator", Role.ADMINISTRATOR)
    Bank.objects.filter(pk=BANK_ID).update(organization=Organization.objects.first())
    started = time.perf_counter()
    own = generate(user)
    print(f"(data ready in {time.perf_counter() - started:.1f} s)")
    analyse()
    visitor = Client()
    mine = page_getter(member_client, "/time-bank/mine/")
    search = page_getter(visitor, "/time-bank/?q=garden&category=gardening")
    first_page = page_getter(visitor, "/time-bank/")
    coordinate = page_getter(coordinator_client, "/time-bank/coordinate/")
    counts = {"my time": queries_in(mine), "search": queries_in(search), "coordinator": queries_in(coordinate)}
    rows = [
        ("my time: hours, ledger, exchanges", *timed(mine), 150),
        ("offers search: a word and a category", *timed(search), 150),
        ("offers: the first page, no search", *timed(first_page), 150),
    ]
    coordinator = timed(coordinate)
    floor = timed(page_getter(visitor, "/bench/minimal/"))
    signed_in_floor = timed(page_getter(member_client, "/bench/minimal/"))
    sums = timed(lambda: sums_floor(own.pk))
    raw_search = timed(search_floor)
    print(
        f"Database: {connection.vendor}; {Member.objects.count()} members, {Exchange.objects.count()} exchanges, "
        f"{Entry.objects.count()} ledger lines, {Entry.objects.filter(member=own).count()} of them the member's"
    )
    report(
        [
            *(
                (name, p50, p95, f"p95 <= {target} ms: " + ("meets" if p95 <= target else "MISSES"))
                for name, p50, p95, target in rows
            ),
            ("coordinator's screens", *coordinator, "(no target)"),
            ("floor: minimal view, visitor", *floor, ""),
            ("floor: minimal view, signed-in member", *signed_in_floor, ""),
            ("floor: the member's sums by raw SQL", *sums, ""),
            ("floor: the search by raw SQL", *raw_search, ""),
        ]
    )
    print("queries: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
