"""What the in-process page benchmarks share: a signed-in staff client, timing, and counting queries.

Import ``setup`` first: it points Django at the benchmark settings and database, then sets Django up.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUESTS = 200
WARM_UP = 20


def setup(database_file: str) -> None:
    """Use ``DATABASE_URL``, or SQLite in ``var/<database_file>``; migrate, and gather static files."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / database_file}")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # pages name their files through the manifest


def analyse() -> None:
    """Fresh planner statistics after generating data."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def staff_client(username: str, role: str) -> "Client":  # noqa: F821 - Django is set up by then
    """A client signed in as ``username`` with ``role`` and a verified second factor."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from livingwell.accounts.models import User

    user, _created = User.objects.get_or_create(username=username, defaults={"role": role})
    device, _created = StaticDevice.objects.get_or_create(user=user, name="bench")
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """p50 and p95 in milliseconds over ``REQUESTS`` calls, after ``WARM_UP`` untimed ones."""
    for _ in range(WARM_UP):
        call()
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def queries_in(call: Callable[[], object]) -> int:
    """How many queries one call makes. Counted by a wrapper: a request resets the debug query log."""
    from django.db import connection

    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: (queries.append(sql), execute(sql, params, many, context))[1]
    ):
        call()
    return len(queries)


def page_getter(client: "Client", url: str) -> Callable[[], object]:  # noqa: F821
    def page() -> object:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.content

    return page


def report(rows: list[tuple[str, float, float, str]]) -> None:
    """Print each measure's p50 and p95 with its target."""
    print(f"{'':40} {'p50 ms':>8} {'p95 ms':>8}  target")
    for name, p50, p95, target in rows:
        print(f"{name:40} {p50:8.1f} {p95:8.1f}  {target}")
