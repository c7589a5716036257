"""The public "How we are doing" page and its open data: anyone may read them, for whole quarters that
have ended, suppressed like every other table, with the licence they are published under."""

import csv
import datetime
import io
import json

import pytest
from django.test import Client
from django.utils import timezone

from livingwell.audit.models import AuditEvent
from livingwell.insight.quarters import Quarter, quarter_of, quarter_parse, quarters_ended


def test_quarters_are_fixed_and_only_those_ended_are_given() -> None:
    assert quarter_of(datetime.date(2025, 5, 31)) == Quarter(2025, 2)
    assert (Quarter(2025, 1).start, Quarter(2025, 1).end) == (datetime.date(2025, 1, 1), datetime.date(2025, 3, 1))
    assert Quarter(2025, 1).previous() == Quarter(2024, 4)
    assert quarter_parse("2025-q4") == Quarter(2025, 4)
    for nonsense in ("2025-q5", "2025-Q1", "2025-q0", "", "<script>", "2025-q1' OR 1=1"):
        assert quarter_parse(nonsense) is None
    today = datetime.date(2025, 7, 1)
    assert quarters_ended(datetime.date(2025, 2, 1), today) == [Quarter(2025, 2), Quarter(2025, 1)]
    assert quarters_ended(datetime.date(2025, 7, 1), today) == []
    assert quarters_ended(None, today) == []


@pytest.mark.django_db
def test_with_no_figures_the_page_says_so(client: Client) -> None:
    response = client.get("/how-we-are-doing/")
    assert response.status_code == 200
    assert "There are no figures here yet" in response.content.decode()
    assert client.get("/how-we-are-doing/2025-q1.json").status_code == 404


@pytest.mark.django_db
def test_anyone_reads_a_quarter_suppressed_without_signing_in(borough: None, client: Client) -> None:
    response = client.get("/how-we-are-doing/", {"quarter": "2025-q1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "January to March 2025" in page
    assert "Where introductions went" in page
    assert "Get help now" in page  # the crisis routes, as on every page
    assert "Attendance, and Experts by Experience paid" not in page
    assert "Open Government Licence v3.0" in page
    assert not AuditEvent.objects.exists()  # published figures, read without an account


@pytest.mark.django_db
def test_the_latest_quarter_is_shown_when_none_or_a_wrong_one_is_asked_for(borough: None, client: Client) -> None:
    latest = quarters_ended(datetime.date(2025, 1, 1))[0]
    assert latest.label in client.get("/how-we-are-doing/").content.decode()
    for wrong in ("2025-q5", "<script>alert(1)</script>", "x" * 5000, "2031-q1"):
        response = client.get("/how-we-are-doing/", {"quarter": wrong})
        assert response.status_code == 200
        page = response.content.decode()
        assert "Choose a quarter from the list" in page
        assert latest.label in page
        assert "<script>alert" not in page


@pytest.mark.django_db
def test_the_open_data_json_has_the_licence_and_hides_small_numbers(borough: None, client: Client) -> None:
    response = client.get("/how-we-are-doing/2025-q1.json")
    assert response.status_code == 200
    assert "open-government-licence" in response["Link"]
    data = json.loads(response.content)
    assert (data["quarter"], data["from"], data["to"]) == ("2025-q1", "2025-01", "2025-03")
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["licence_line"].startswith("Published by ")
    tables = {table["slug"]: table for table in data["tables"]}
    assert "attendance" not in tables
    introductions = tables["introductions"]
    assert introductions["rows"][0]["label"] == "Jan 2025"
    assert introductions["columns"][-1] == "All introductions"
    assert introductions["rows"][0]["values"][-1] == {"text": "5", "number": 5}
    assert introductions["rows"][2]["values"][-1] == {"text": "fewer than 5", "number": None}
    # January's five and March's two: the quarter's total would give March away.
    assert introductions["totals"][0]["values"][-1] == {"text": "not shown", "number": None}


@pytest.mark.django_db
def test_the_open_data_csv_has_one_row_a_figure(borough: None, client: Client) -> None:
    response = client.get("/how-we-are-doing/2025-q1.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="how-we-are-doing-2025-q1.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    january = [row for row in rows if row["table"] == "introductions" and row["row"] == "Jan 2025"]
    assert january[-1] == {"quarter": "2025-q1", "table": "introductions", "row": "Jan 2025",
                           "column": "All introductions", "value": "5", "number": "5"}  # fmt: skip
    hidden = [row for row in rows if row["value"] == "fewer than 5"]
    assert hidden
    assert all(row["number"] == "" for row in hidden)
    assert not [row for row in rows if row["table"] == "attendance"]


@pytest.mark.django_db
def test_only_ended_quarters_and_public_tables_are_served(borough: None, client: Client) -> None:
    assert client.get("/how-we-are-doing/2025-q1/charts/introductions.svg").status_code == 200
    assert client.get("/how-we-are-doing/2025-q1/charts/attendance.svg").status_code == 404
    assert client.get("/how-we-are-doing/2025-q1/charts/nonsense.svg").status_code == 404
    assert client.get("/how-we-are-doing/2024-q4.json").status_code == 404  # before the first figures
    this_quarter = quarter_of(timezone.localdate())
    assert client.get(f"/how-we-are-doing/{this_quarter.slug}.csv").status_code == 404  # not ended
    assert client.get("/how-we-are-doing/2025-q9.json").status_code == 404
    assert client.post("/how-we-are-doing/2025-q1.json").status_code == 405
