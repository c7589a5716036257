"""UK postcodes: checking them, finding them in the local table, and distances between places."""

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from livingwell.directory.models import Postcode

# The shape of a UK postcode (BS 7666), with or without its space, in any case.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
EARTH_RADIUS_MILES = 3958.8


def postcode_normalise(text: str) -> str | None:
    """Return the postcode in its standard form ("KM1 1AA"), or None if it is not a UK postcode."""
    match = POSTCODE.match(" ".join(text.upper().split()))
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2)}"


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def postcode_point(postcode: str) -> Point | None:
    """Where a postcode is, from the local table only. None if we do not know it."""
    found = Postcode.objects.filter(postcode=postcode).values_list("latitude", "longitude").first()
    return Point(*found) if found else None


def distance_miles(a: Point, b: Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def bounding_box(centre: Point, miles: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) around ``centre``, for a cheap first filter in SQL."""
    dlat = math.degrees(miles / EARTH_RADIUS_MILES)
    dlon = math.degrees(miles / (EARTH_RADIUS_MILES * max(0.01, math.cos(math.radians(centre.latitude)))))
    return centre.latitude - dlat, centre.latitude + dlat, centre.longitude - dlon, centre.longitude + dlon


def within[K](
    centre: Point, miles: float, places: Iterable[tuple[K, float | None, float | None]]
) -> list[tuple[float, K]]:
    """(distance, key) for each place within ``miles`` of ``centre``, nearest first."""
    found = []
    for key, latitude, longitude in places:
        if latitude is None or longitude is None:
            continue
        distance = distance_miles(centre, Point(latitude, longitude))
        if distance <= miles:
            found.append((distance, key))
    return sorted(found, key=lambda pair: (pair[0], str(pair[1])))


@dataclass
class LoadReport:
    loaded: int = 0
    skipped: int = 0


@transaction.atomic
def postcodes_load(*, rows: Iterable[dict[str, str]], batch_size: int = 5000) -> LoadReport:
    """Upsert postcodes from ONSPD-style rows (``pcds`` or ``pcd``, ``lat``, ``long``)."""
    report = LoadReport()
    batch: list[Postcode] = []
    for row in rows:
        postcode = postcode_normalise(row.get("pcds") or row.get("pcd") or "")
        try:
            latitude, longitude = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            postcode = None
        # ONSPD marks postcodes without a grid reference with latitude 99.999999.
        if postcode is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            report.skipped += 1
            continue
        batch.append(Postcode(postcode=postcode, latitude=latitude, longitude=longitude))
        if len(batch) >= batch_size:
            report.loaded += _upsert(batch)
            batch = []
    report.loaded += _upsert(batch)
    return report


def _upsert(batch: list[Postcode]) -> int:
    Postcode.objects.bulk_create(
        batch, update_conflicts=True, unique_fields=["postcode"], update_fields=["latitude", "longitude"]
    )
    return len(batch)


def postcodes_load_file(path: Path) -> LoadReport:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return postcodes_load(rows=csv.DictReader(handle))
