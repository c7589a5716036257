"""Front door benchmark: the duty queue with 10,000 open introductions.

Runs in-process through Django's test client, signed in as a duty worker with a verified second factor,
against DATABASE_URL (SQLite in var/bench-frontdoor.sqlite3 by default). The floor is the minimal Django
view behind the same middleware, requested by the same signed-in client in the same run:

    ./lw bench frontdoor
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench ./lw bench frontdoor
"""

import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.in_process import analyse, page_getter, queries_in, report, setup, staff_client, timed

setup("bench-frontdoor.sqlite3")

from django.db import connection, transaction  # noqa: E402

from livingwell.accounts.models import Role  # noqa: E402
from livingwell.frontdoor.models import Introduction  # noqa: E402

OPEN_INTRODUCTIONS = 10_000


def generate() -> None:
    """Make the open introductions once; later runs reuse them."""
    missing = OPEN_INTRODUCTIONS - Introduction.objects.filter(status=Introduction.Status.NEW).count()
    if missing <= 0:
        return
    print(f"Generating {missing:,} open introductions…", flush=True)
    with transaction.atomic():
        Introduction.objects.bulk_create(
            (
                Introduction(
                    reference=f"LW-B{uuid.uuid4().hex[:8].upper()}",
                    submission_token=uuid.uuid4(),
                    for_whom=Introduction.ForWhom.SELF,
                    preferred_name=f"Bench person {number}",
                    contact_methods=["phone"],
                    phone="07700 900123",
                    may_leave_message=True,
                    in_their_words="Things have been hard lately.",
                    is_urgent=number % 50 == 0,
                )
                for number in range(missing)
            ),
            batch_size=1000,
        )


def main() -> int:
    generate()
    analyse()
    client = staff_client("bench-duty", Role.DUTY_WORKER)
    page = page_getter(client, "/hub/introductions/")
    queries = queries_in(page)
    p50, p95 = timed(page)
    f50, f95 = timed(page_getter(client, "/bench/minimal/"))
    print(
        f"Database: {connection.vendor}; "
        f"{Introduction.objects.filter(status=Introduction.Status.NEW).count():,} open introductions"
    )
    verdict = "meets" if p95 <= 150 else "MISSES"
    report(
        [
            ("duty queue, first page (50 rows)", p50, p95, f"p95 <= 150 ms: {verdict}"),
            ("floor: minimal view, same client", f50, f95, ""),
        ]
    )
    print(f"queries for one page of the queue: {queries}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
