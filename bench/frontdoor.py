"""Front door benchmark: the duty queue with 10,000 open introductions.

Runs in-process through Django's test client, signed in as a duty worker with a verified second factor,
against DATABASE_URL (SQLite in var/bench-frontdoor.sqlite3 by default). The floor is the minimal Django
view behind the same middleware, requested by the same signed-in client in the same run:

    ./lw bench frontdoor
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench ./lw bench frontdoor
"""

import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-frontdoor.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402

from livingwell.accounts.models import Role, User  # noqa: E402
from livingwell.frontdoor.models import Introduction  # noqa: E402

OPEN_INTRODUCTIONS = 10_000
REQUESTS = 200
WARM_UP = 20


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


def _duty_worker_client() -> Client:
    user, _created = User.objects.get_or_create(username="bench-duty", defaults={"role": Role.DUTY_WORKER})
    device, _created = StaticDevice.objects.get_or_create(user=user, name="bench")
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    for _ in range(WARM_UP):
        call()
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # pages name their files through the manifest
    generate()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    client = _duty_worker_client()
    queue = "/hub/introductions/"

    def page() -> object:
        response = client.get(queue)
        assert response.status_code == 200, response.status_code
        return response.content

    # Counted by a wrapper: a request resets the debug query log that CaptureQueriesContext reads.
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: (queries.append(sql), execute(sql, params, many, context))[1]
    ):
        page()
    p50, p95 = _timed(page)
    f50, f95 = _timed(lambda: client.get("/bench/minimal/").content)
    print(
        f"Database: {connection.vendor}; "
        f"{Introduction.objects.filter(status=Introduction.Status.NEW).count():,} open introductions"
    )
    print(f"{'':34} {'p50 ms':>8} {'p95 ms':>8}  target")
    verdict = "meets" if p95 <= 150 else "MISSES"
    print(f"{'duty queue, first page (50 rows)':34} {p50:8.1f} {p95:8.1f}  p95 <= 150 ms: {verdict}")
    print(f"{'floor: minimal view, same client':34} {f50:8.1f} {f95:8.1f}")
    print(f"queries for one page of the queue: {len(queries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
