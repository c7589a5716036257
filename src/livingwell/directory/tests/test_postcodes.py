import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from livingwell.directory.models import Postcode
from livingwell.directory.postcodes import (
    Point,
    bounding_box,
    distance_miles,
    postcode_normalise,
    postcode_point,
    postcodes_load,
)


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("SW1A 1AA", "SW1A 1AA"),
        ("sw1a1aa", "SW1A 1AA"),
        ("  km1   1aa ", "KM1 1AA"),
        ("M1 1AE", "M1 1AE"),
        ("B33 8TH", "B33 8TH"),
        ("", None),
        ("not a postcode", None),
        ("SW1A 1AAA", None),
        ("<script>", None),
        ("12345", None),
        ("x" * 1000, None),
    ],
)
def test_postcode_normalise(text: str, postcode: str | None) -> None:
    assert postcode_normalise(text) == postcode


def test_distance_between_two_known_points() -> None:
    london, manchester = Point(51.5074, -0.1278), Point(53.4808, -2.2426)
    assert 160 < distance_miles(london, manchester) < 165
    assert distance_miles(london, london) == 0


def test_bounding_box_contains_the_circle() -> None:
    centre = Point(52.2, -1.5)
    south, north, west, east = bounding_box(centre, 1)
    assert distance_miles(centre, Point(north, centre.longitude)) == pytest.approx(1, rel=0.01)
    assert distance_miles(centre, Point(centre.latitude, east)) == pytest.approx(1, rel=0.01)
    assert south < centre.latitude < north
    assert west < centre.longitude < east


@pytest.mark.django_db
def test_loading_is_an_idempotent_upsert_that_skips_bad_rows() -> None:
    rows = [
        {"pcds": "km1 1aa", "lat": "52.2", "long": "-1.5"},
        {"pcd": "KM11AB", "lat": "52.21", "long": "-1.51"},
        {"pcds": "nonsense", "lat": "52.2", "long": "-1.5"},
        {"pcds": "KM1 1AD", "lat": "99.999999", "long": "0"},
        {"pcds": "KM1 1AE", "lat": "north", "long": "-1.5"},
        {"pcds": "KM1 1AF"},
    ]
    report = postcodes_load(rows=rows)
    assert (report.loaded, report.skipped) == (2, 4)
    postcodes_load(rows=[{"pcds": "KM1 1AA", "lat": "52.3", "long": "-1.5"}])
    assert Postcode.objects.count() == 2
    assert postcode_point("KM1 1AA") == Point(52.3, -1.5)
    assert postcode_point("KM9 9ZZ") is None


@pytest.mark.django_db
def test_the_command_loads_the_demo_table() -> None:
    path = Path(__file__).resolve().parents[1] / "data" / "kingsmere_postcodes.csv"
    out = io.StringIO()
    call_command("postcodes_load", str(path), stdout=out)
    assert "Loaded 108 postcodes" in out.getvalue()
    with pytest.raises(CommandError, match="No file"):
        call_command("postcodes_load", "/no/such/file.csv")
