"""Support benchmark: a guide's caseload of 200 people, and a person's timeline of 500 entries.

Runs in-process through Django's test client, signed in as a personal guide with a verified second factor,
against DATABASE_URL (SQLite in var/bench-support.sqlite3 by default). The floor is the minimal Django view
behind the same middleware, requested by the same signed-in client in the same run:

    ./lw bench support
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_support ./lw bench support
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.in_process import analyse, page_getter, queries_in, report, setup, staff_client, timed

setup("bench-support.sqlite3")

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from livingwell.accounts.models import Role, User  # noqa: E402
from livingwell.people.models import Person  # noqa: E402
from livingwell.support.models import Action, ContactLogEntry, Episode, EpisodeChange  # noqa: E402

CASELOAD = 200
TIMELINE = 500  # one opening, 299 contacts, 100 steps agreed and done (two entries each)


def generate(guide: User) -> Episode:
    """Make the caseload once (each person with two steps and three contacts); return the long-timeline one."""
    episodes = Episode.objects.filter(guide=guide)
    if episodes.count() < CASELOAD:
        print(f"Generating a caseload of {CASELOAD} and a timeline of {TIMELINE}…", flush=True)
        now = timezone.now()
        today = timezone.localdate()
        with transaction.atomic():
            people = Person.objects.bulk_create(Person(preferred_name=f"Bench person {n}") for n in range(CASELOAD))
            made = Episode.objects.bulk_create(
                Episode(person=person, guide=guide, opened_at=now, next_review_on=today) for person in people
            )
            Action.objects.bulk_create(
                Action(episode=episode, what=f"Step {n}", who="Both", due_on=today, created_by=guide)
                for episode in made
                for n in range(2)
            )
            ContactLogEntry.objects.bulk_create(
                ContactLogEntry(episode=episode, kind="call", happened_at=now, note="Caught up", recorded_by=guide)
                for episode in made
                for _ in range(3)
            )
            long = made[0]
            Action.objects.filter(episode=long).delete()
            ContactLogEntry.objects.filter(episode=long).delete()
            EpisodeChange.objects.create(
                episode=long, kind="opened", reason="Hub support", changed_at=now, changed_by=guide, guide=guide
            )
            ContactLogEntry.objects.bulk_create(
                ContactLogEntry(
                    episode=long,
                    kind="call",
                    happened_at=now - datetime.timedelta(hours=n),
                    note="Talked about the week ahead",
                    recorded_by=guide,
                )
                for n in range(299)
            )
            Action.objects.bulk_create(
                Action(episode=long, what=f"Step {n}", who="Both", due_on=today, done_at=now, created_by=guide)
                for n in range(100)
            )
    return episodes.filter(changes__isnull=False).get()


def main() -> int:
    client = staff_client("bench-guide", Role.PERSONAL_GUIDE)
    guide = User.objects.get(username="bench-guide")
    long = generate(guide)
    analyse()
    caseload = page_getter(client, "/support/caseload/")
    timeline = page_getter(client, f"/support/episodes/{long.pk}/")
    caseload_queries, timeline_queries = queries_in(caseload), queries_in(timeline)
    rows = [("caseload, 200 people", *timed(caseload)), ("timeline, 500 entries", *timed(timeline))]
    floor = timed(page_getter(client, "/bench/minimal/"))
    print(f"Database: {connection.vendor}; {Episode.objects.filter(guide=guide).count()} people in the caseload")
    report(
        [
            *((name, p50, p95, "p95 <= 150 ms: " + ("meets" if p95 <= 150 else "MISSES")) for name, p50, p95 in rows),
            ("floor: minimal view, same client", *floor, ""),
        ]
    )
    print(f"queries: caseload {caseload_queries}, timeline {timeline_queries}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
