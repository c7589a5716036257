"""The audit trail at scale, on PostgreSQL: the table partitioned by month (decision 0056), filled with
100 million events over three years, 200,000 people with about 500 events each.

- **The extra cost of one audited read**: ``access_person_for`` (a person read, checked and audited) beside
  the same read and check without the audit (the floor), and the audit write alone, the extra: its p95 must
  be 1 ms or less. (The difference of the two p95s is printed too; it moves by a few tenths between runs.)
- **A person's audit history**: the audit screen's first page of a person's events and its count, and the
  whole history a subject access request reads (with the archive); p95 200 ms or less, beside the floor of
  the same first page as raw SQL.

The events are loaded once and kept (in ``livingwell_bench_audit``); a later run with as many skips it.

    createdb -h 127.0.0.1 -U postgres livingwell_bench_audit
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_audit ./lw bench audit
    ... ./lw bench audit --rows 10000000      a smaller trail
"""

import argparse
import datetime
import hashlib
import itertools
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.in_process import REQUESTS, analyse, report, setup, timed

PEOPLE = 200_000
MONTHS = 36
BATCH = 1_000_000


def _person_id(number: int) -> uuid.UUID:
    """The same person ids as the SQL that loads the events makes."""
    return uuid.UUID(hashlib.md5(str(number).encode()).hexdigest())  # noqa: S324 - ids, not security


def _load(rows: int, actor_id: int) -> None:
    """``rows`` events, spread evenly over the last ``MONTHS`` months, in batches of their own transactions."""
    from django.db import connection, transaction
    from django.utils import timezone

    from livingwell.audit import partitions

    end = timezone.now()
    start = end - datetime.timedelta(days=30.5 * MONTHS)
    step = (end - start) / rows
    with transaction.atomic(), connection.cursor() as cursor:
        partitions.partitions_ensure(cursor, end.date(), since=start.date())
    loaded = 0
    began = time.monotonic()
    while loaded < rows:
        size = min(BATCH, rows - loaded)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.execute(
                "INSERT INTO audit_auditevent (at, action, record_type, record_id, person_id, request_id, detail, "
                "actor_id) "
                "SELECT %s::timestamptz + g * %s::interval, 'read', 'people.person', (g * 7919 %% %s)::text, "
                "md5((g * 7919 %% %s)::text)::uuid, '', '', %s FROM generate_series(%s::bigint, %s::bigint) g",
                [start, step, PEOPLE, PEOPLE, actor_id, loaded, loaded + size - 1],
            )
        loaded += size
        rate = loaded / (time.monotonic() - began)
        print(f"  {loaded:,} events loaded ({rate:,.0f} a second)", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000_000)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("The audit table is partitioned on PostgreSQL: set DATABASE_URL to a PostgreSQL database.")
    setup("bench-audit.sqlite3")

    from django.db import connection

    from livingwell.accounts.models import Role, User
    from livingwell.audit.models import AuditEvent
    from livingwell.audit.personal_data import held
    from livingwell.audit.selectors import audit_events_filter
    from livingwell.audit.services import audit_event_record
    from livingwell.core.access import one_or_404
    from livingwell.people.access import access_person_for, person_visible_to
    from livingwell.people.models import Person

    hub, _created = User.objects.get_or_create(username="bench-audit", defaults={"role": Role.HUB_MANAGER})
    with connection.cursor() as cursor:
        # The events in the audit table's months and in the archive (``manage.py audit_partitions``).
        cursor.execute(
            "SELECT sum(c.reltuples)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname IN ('audit_partitions', 'audit_archive')"
        )
        (estimate,) = cursor.fetchone()
    if (estimate or 0) < options.rows * 0.95:
        print(f"Loading {options.rows:,} audit events (once; kept for later runs)…", file=sys.stderr)
        _load(options.rows - (estimate or 0), hub.pk)
        analyse()
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM audit_auditevent")
            (estimate,) = cursor.fetchone()

    person = Person.objects.filter(preferred_name="Bench audit").first() or Person.objects.create(
        preferred_name="Bench audit"
    )

    def checked_read() -> object:  # what access_person_for does, but for the audit
        found = one_or_404(Person.objects, person.pk)
        return person_visible_to(hub, found)

    floor_read = timed(checked_read)
    audited = timed(lambda: access_person_for(hub, person.pk))
    write = timed(
        lambda: audit_event_record(actor=hub, action=AuditEvent.Action.READ, record=person, person_id=person.pk)
    )
    extra_p95 = audited[1] - floor_read[1]

    people = [_person_id(random.randrange(PEOPLE)) for _ in range(REQUESTS + 20)]
    chosen = itertools.cycle(people)

    def history_page() -> object:
        events = audit_events_filter(person=next(chosen))
        return events.count(), list(events[:50])

    def history_raw() -> object:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, at, action, record_type, record_id, person_id, request_id, detail, actor_id "
                "FROM audit_auditevent WHERE person_id = %s ORDER BY at DESC, id DESC LIMIT 50",
                [next(chosen)],
            )
            return cursor.fetchall()

    class Someone:
        pk: uuid.UUID

    def history_whole() -> object:
        someone = Someone()
        someone.pk = next(chosen)
        return held(someone)

    page_floor = timed(history_raw)
    page = timed(history_page)
    whole = timed(history_whole)
    print(f"Audit trail of {estimate:,} events on PostgreSQL, partitioned by month; {REQUESTS} of each, in process")
    report(
        [
            ("a person read and checked (floor)", *floor_read, ""),
            ("the same read, checked and audited", *audited, f"extra p95 {extra_p95:.2f} ms"),
            ("the audit write alone (the extra)", *write, "p95 <= 1 ms"),
            ("a person's history, raw SQL (floor)", *page_floor, ""),
            ("a person's history: page and count", *page, "p95 <= 200 ms"),
            ("a person's whole history (their SAR)", *whole, "p95 <= 200 ms"),
        ]
    )
    met = write[1] <= 1 and page[1] <= 200 and whole[1] <= 200
    print("targets:", "met" if met else "MISSED", f"({AuditEvent.objects.filter(person_id=person.pk).count()} "
          "audit events of the benchmark's own person)")  # fmt: skip
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
