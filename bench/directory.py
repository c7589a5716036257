"""Directory benchmark: search and the ORUK API over 100,000 services, and bulk import speed.

Runs in-process against DATABASE_URL (SQLite in var/bench-directory.sqlite3 by default), next to the
raw SQL floor measured in the same run:

    ./lw bench directory [search] [api] [import]
    createdb -h 127.0.0.1 -U postgres livingwell_bench   # once, for PostgreSQL
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench ./lw bench directory
"""

import datetime
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-directory.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from livingwell.directory.fulltext import fulltext_tidy, search_words  # noqa: E402
from livingwell.directory.importer import import_services  # noqa: E402
from livingwell.directory.importer.records import _service_schema  # noqa: E402
from livingwell.directory.models import (  # noqa: E402
    Attribute,
    Location,
    Organization,
    Postcode,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from livingwell.directory.postcodes import Point, bounding_box  # noqa: E402
from livingwell.directory.search import DirectoryQuery, directory_search  # noqa: E402
from livingwell.directory.taxonomy import TAXONOMY_ID  # noqa: E402

SERVICES = 100_000
SERVICE_AT_LOCATIONS = 150_000
LOCATIONS = 40_000
ORGANISATIONS = 2_000
POSTCODES = 500
CENTRE = Point(52.2, -1.5)
WORDS = [
    "walking",
    "group",
    "peer",
    "support",
    "befriending",
    "counselling",
    "debt",
    "advice",
    "money",
    "housing",
    "tenancy",
    "art",
    "music",
    "choir",
    "pottery",
    "writing",
    "garden",
    "allotment",
    "cooking",
    "lunch",
    "food",
    "carers",
    "young",
    "men",
    "women",
    "recovery",
    "course",
    "anxiety",
    "mindfulness",
    "swimming",
    "yoga",
    "employment",
    "job",
    "club",
    "volunteering",
    "library",
    "café",
    "repair",
    "skills",
    "wellbeing",
    "bereavement",
    "listening",
    "drop-in",
    "community",
    "centre",
    "hub",
    "sanctuary",
    "helpline",
    "advocacy",
    "learning",
    "digital",
]
random.seed(2026)


def _batched(model: type, rows: list, size: int = 5_000) -> None:
    for start in range(0, len(rows), size):
        model.objects.bulk_create(rows[start : start + size])


def _phrase(count: int) -> str:
    return " ".join(random.choice(WORDS) for _ in range(count))


def generate() -> None:
    """Make the data set once; later runs reuse it."""
    if Service.objects.count() >= SERVICES:
        return
    print(f"Generating {SERVICES:,} services and {SERVICE_AT_LOCATIONS:,} services at locations…", flush=True)
    started = time.perf_counter()
    terms = list(TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID))
    with transaction.atomic():
        organisations = [Organization(name=f"Bench organisation {i}") for i in range(ORGANISATIONS)]
        _batched(Organization, organisations)
        locations = [
            Location(
                name=f"Place {i}",
                latitude=CENTRE.latitude + random.uniform(-0.5, 0.5),
                longitude=CENTRE.longitude + random.uniform(-0.8, 0.8),
            )
            for i in range(LOCATIONS)
        ]
        _batched(Location, locations)
        services = [
            Service(
                organization=random.choice(organisations),
                name=_phrase(3).capitalize(),
                description=_phrase(25).capitalize() + ".",
                fees_description=random.choice(["Free", "£2", ""]),
            )
            for _ in range(SERVICES)
        ]
        _batched(Service, services)
        _batched(
            Attribute,
            [
                Attribute(service=service, taxonomy_term=term)
                for service in services
                for term in random.sample(terms, 2)
            ],
        )
        links = [ServiceAtLocation(service=service, location=random.choice(locations)) for service in services]
        extra = random.sample(services, SERVICE_AT_LOCATIONS - SERVICES)
        links += [ServiceAtLocation(service=service, location=random.choice(locations)) for service in extra]
        unique = {(link.service_id, link.location_id): link for link in links}
        _batched(ServiceAtLocation, list(unique.values()))
        days = ["MO,TU,WE,TH,FR", "SA,SU", "MO,WE,FR", "TU,TH", "MO,TU,WE,TH,FR,SA,SU"]
        _batched(
            Schedule,
            [
                Schedule(
                    service=service,
                    freq="WEEKLY",
                    byday=random.choice(days),
                    opens_at=timezone.datetime.strptime(random.choice(["08:00", "09:00", "10:00"]), "%H:%M").time(),
                    closes_at=timezone.datetime.strptime(random.choice(["16:00", "17:00", "21:00"]), "%H:%M").time(),
                )
                for service in services
            ],
        )
        _batched(
            Postcode,
            [
                Postcode(
                    postcode=f"BN{i // 100 + 1} {i % 10}{chr(65 + i % 26)}{chr(65 + (i // 26) % 26)}",
                    latitude=CENTRE.latitude + random.uniform(-0.4, 0.4),
                    longitude=CENTRE.longitude + random.uniform(-0.6, 0.6),
                )
                for i in range(POSTCODES)
            ],
        )
    print(f"…generated in {time.perf_counter() - started:.0f} s", flush=True)


WARM_UP = 50


def _timed(calls: list[Callable[[], object]]) -> tuple[float, float]:
    """p50 and p95 in milliseconds, after the first few calls have warmed the caches (not timed)."""
    for call in calls[:WARM_UP]:
        call()
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def _raw(sql: str, params: list) -> Callable[[], object]:
    def run() -> object:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def _raw_search_sql(words: list[str], term_id: uuid.UUID, box: tuple[float, float, float, float]) -> tuple[str, list]:
    """The floor: one hand-written query for the text, category and distance filtering, in the best order.

    Places in the box with their listings in the category first, then each of those listings checked
    for being published and for the text (no "open now", no result cards).
    """
    south, north, west, east = box
    term = term_id.hex if connection.vendor == "sqlite" else str(term_id)
    if connection.vendor == "postgresql":
        text = "s.search_document @@ to_tsquery('english', %s)"
        text_params: list = [" | ".join(words)]
    else:
        text = (
            "EXISTS (SELECT 1 FROM directory_service_fts_row r JOIN directory_service_fts"
            " ON directory_service_fts.rowid = r.row"
            " WHERE r.service_id = s.id AND directory_service_fts MATCH %s)"
        )
        text_params = [" OR ".join(f'"{word}"' for word in words)]
    sql = (
        "WITH nearby AS MATERIALIZED ("
        " SELECT sal.service_id, l.latitude, l.longitude FROM directory_location l"
        " JOIN directory_serviceatlocation sal ON sal.location_id = l.id"
        " WHERE l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s"
        " AND EXISTS (SELECT 1 FROM directory_attribute a"
        " WHERE a.service_id = sal.service_id AND a.taxonomy_term_id = %s))"
        " SELECT n.service_id, n.latitude, n.longitude FROM nearby n"
        " JOIN directory_service s ON s.id = n.service_id"
        f" WHERE s.is_published AND s.status <> 'defunct' AND {text}"
    )
    return sql, [south, north, west, east, term, *text_params]


def bench_search(runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    terms = list(TaxonomyTerm.objects.filter(taxonomy_id=TAXONOMY_ID))
    postcodes = list(Postcode.objects.all())
    searches = []
    floors = []
    now = timezone.now().replace(hour=11)
    for _ in range(runs):
        text = _phrase(2)
        term = random.choice(terms)
        postcode = random.choice(postcodes)
        near = Point(postcode.latitude, postcode.longitude)
        query = DirectoryQuery(text=text, category=term.code, near=near, miles=5, open_at=now)
        searches.append(lambda query=query: directory_search(query))
        sql, params = _raw_search_sql(search_words(text), term.id, bounding_box(near, 5))
        floors.append(_raw(sql, params))
    return _timed(searches), _timed(floors)


def bench_api(runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    client = Client()
    pages = [random.randint(1, SERVICES // 50) for _ in range(runs)]
    api = [lambda page=page: client.get(f"/api/oruk/services?per_page=50&page={page}").content for page in pages]
    published = "s.is_published = %s AND s.status <> 'defunct'"
    count_sql = f"SELECT count(*) FROM directory_service s WHERE {published}"
    ids_sql = f"SELECT s.id FROM directory_service s WHERE {published} ORDER BY s.name, s.id LIMIT 50 OFFSET %s"
    rows_sql = (
        "SELECT s.*, o.* FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id"
        " WHERE s.id IN ({})"
    )

    def floor(offset: int) -> Callable[[], object]:
        """The same three queries by hand: the count, the page's ids, their rows."""

        def run() -> object:
            with connection.cursor() as cursor:
                cursor.execute(count_sql, [True])
                cursor.fetchone()
                cursor.execute(ids_sql, [True, offset])
                ids = [row[0] for row in cursor.fetchall()]
                cursor.execute(rows_sql.format(", ".join(["%s"] * len(ids))), ids)
                return cursor.fetchall()

        return run

    floors = [floor((page - 1) * 50) for page in pages]
    return _timed(api), _timed(floors)


def bench_import(count: int) -> tuple[float, float, float]:
    """Services a second through the importer, against bulk_create of the same rows (the floor).

    The ORUK schema is compiled once per process before the clock starts, and reported on its own.
    """
    started = time.perf_counter()
    _service_schema()
    compile_ms = (time.perf_counter() - started) * 1000
    organisation = {"id": str(uuid.uuid4()), "name": f"Import bench {uuid.uuid4()}", "description": "Bench"}
    records = []
    for _ in range(count):
        location_id = str(uuid.uuid4())
        records.append(
            (
                "bench",
                {
                    "id": str(uuid.uuid4()),
                    "name": _phrase(3),
                    "description": _phrase(20),
                    "status": "active",
                    "organization": organisation,
                    "schedules": [{"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00"}],
                    "service_at_locations": [
                        {
                            "id": str(uuid.uuid4()),
                            "location": {"id": location_id, "location_type": "physical", "name": _phrase(2)},
                        }
                    ],
                },
            )
        )
    started = time.perf_counter()
    report = import_services(records)
    importer_rate = count / (time.perf_counter() - started)
    assert report.created == count, report.problems[:3]
    return importer_rate, _bulk_create_rate(count, Organization.objects.get(pk=organisation["id"])), compile_ms


def _bulk_create_rate(count: int, organisation: Organization) -> float:
    """The floor: the same rows an imported service makes (the service, its place, the link, its
    schedule), made as Django objects and written with bulk_create in one transaction; services a second."""
    started = time.perf_counter()
    services = [Service(organization=organisation, name=_phrase(3), description=_phrase(20)) for _ in range(count)]
    locations = [Location(name=_phrase(2)) for _ in range(count)]
    links = [ServiceAtLocation(service=s, location=place) for s, place in zip(services, locations, strict=True)]
    schedules = [Schedule(service=s, freq="WEEKLY", byday="MO", opens_at=datetime.time(9)) for s in services]
    with transaction.atomic():
        for model, rows in (
            (Location, locations),
            (Service, services),
            (ServiceAtLocation, links),
            (Schedule, schedules),
        ):
            model.objects.bulk_create(rows, batch_size=500)
    return count / (time.perf_counter() - started)


def main() -> int:
    parts = set(sys.argv[1:]) or {"search", "api", "import"}
    call_command("migrate", verbosity=0)
    generate()
    # Fresh planner statistics and visibility maps, as a production database keeps them (autovacuum),
    # and SQLite's full-text index merged, as the importer leaves it.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    fulltext_tidy()
    print(
        f"Database: {connection.vendor}; {Service.objects.count():,} services, "
        f"{ServiceAtLocation.objects.count():,} services at locations"
    )
    print(f"{'':30} {'p50 ms':>8} {'p95 ms':>8} {'floor p50':>10} {'floor p95':>10}  target")
    if "search" in parts:
        (p50, p95), (f50, f95) = bench_search(1000)
        target = 50 if connection.vendor == "postgresql" else 100
        verdict = "meets" if p95 <= target else "MISSES"
        print(
            f"{'mixed search (1,000)':30} {p50:8.1f} {p95:8.1f} {f50:10.1f} {f95:10.1f}  p95 <= {target} ms: {verdict}"
        )
    if "api" in parts:
        (p50, p95), (f50, f95) = bench_api(200)
        verdict = "meets" if p95 <= 50 else "MISSES"
        print(
            f"{'/services?per_page=50 (200)':30} {p50:8.1f} {p95:8.1f} {f50:10.1f} {f95:10.1f}  p95 <= 50 ms: {verdict}"
        )
    if "import" in parts:
        rate, floor_rate, compile_ms = bench_import(2000)
        verdict = "meets" if rate >= 2000 else "MISSES"
        print(
            f"{'bulk import':30} {rate:8.0f} services/s; floor (bulk_create of the same rows) {floor_rate:,.0f}/s;"
            f" target >= 2,000/s: {verdict}"
        )
        print(f"{'':30} (schema compiled once per process beforehand: {compile_ms:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
