"""The figures dashboard through HTTP: the known borough's answers on the page, in each CSV and chart;
suppression; who may see it; every view and download audited; a period it cannot read."""

import csv
import datetime
import io
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.audit.models import AuditEvent
from livingwell.insight.forms import PeriodForm, default_period
from livingwell.insight.models import Population

PERIOD = {"start": "2025-01", "end": "2025-03"}


def _csv(client: Client, slug: str, period: dict[str, str] = PERIOD) -> list[list[str]]:
    response = client.get(f"/figures/{slug}.csv", period)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_the_page_shows_the_known_answers_with_small_numbers_hidden(
    borough: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.ANALYST)
    response = client.get("/figures/", PERIOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "January 2025 to March 2025" in page
    # Five introductions in January: five is shown; each route's one is not.
    assert "total of introductions is not shown, so that a small month" in page
    assert "7 introductions" not in page
    assert "fewer than 5" in page
    # Only the table with no rows at all says so: no onward introductions were sent.
    assert page.count("Nothing to count in this period.") == 1
    for name in ("Alex", "Things have been hard lately"):
        assert name not in page


@pytest.mark.django_db
def test_each_csv_is_the_table_on_the_page(borough: None, signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    assert _csv(client, "routes") == [
        ["Month", "Information", "Community support", "Hub support", "Secondary care", "Closed", "Not routed yet",
         "All introductions"],
        ["Jan 2025", "fewer than 5", "0", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "5"],
        ["Feb 2025", "0", "0", "0", "0", "0", "0", "0"],
        ["Mar 2025", "0", "0", "0", "0", "0", "fewer than 5", "fewer than 5"],
        # The period's 7 less January's 5 and February's 0 would give March's hidden 2: not shown, nor shares.
        ["All months", "fewer than 5", "0", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "not shown"],
        ["Share of the period", "–", "–", "–", "–", "–", "–", "–"],
    ]  # fmt: skip
    waits = _csv(client, "waits")
    assert waits[1] == ["Jan 2025", "fewer than 5 waits", "fewer than 5 waits", "fewer than 5 waits",
                        "fewer than 5 waits", "fewer than 5"]  # fmt: skip
    assert waits[2] == ["Feb 2025", "–", "–", "–", "–", "fewer than 5"]


@pytest.mark.django_db
def test_a_chart_is_an_svg_image_that_may_run_nothing(
    borough: None, signed_in_client: Callable[[Role], Client]
) -> None:
    response = signed_in_client(Role.ANALYST).get("/figures/charts/secondary-care.svg", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "Introductions to secondary care" in response.content.decode()


@pytest.mark.django_db
def test_every_view_chart_and_download_is_audited_as_an_aggregate_read(
    borough: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.ANALYST)
    client.get("/figures/", PERIOD)
    client.get("/figures/routes.csv", PERIOD)
    client.get("/figures/charts/waits.svg", PERIOD)
    events = AuditEvent.objects.filter(action=AuditEvent.Action.AGGREGATE).order_by("pk")
    assert [(event.record_type, event.record_id, event.detail, event.person_id) for event in events] == [
        ("insight.dashboard", "2025-01/2025-03", "page", None),
        ("insight.dashboard", "2025-01/2025-03", "csv: routes", None),
        ("insight.dashboard", "2025-01/2025-03", "chart: waits", None),
    ]
    assert not AuditEvent.objects.exclude(action=AuditEvent.Action.AGGREGATE).filter(action="read").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("period", "error"),
    [
        ({"start": "2025-03", "end": "2025-01"}, "The last month must not be before the first"),
        ({"start": "<script>alert(1)</script>", "end": "2025-01"}, "Select a valid choice"),
        ({"start": "2025-01' OR 1=1 --", "end": "2025-01"}, "Select a valid choice"),
        ({"start": "1999-01", "end": "2025-01"}, "Select a valid choice"),
        ({"start": "", "end": ""}, "This field is required"),
        ({"start": "2025-01\x00", "end": "2025-01"}, None),
    ],
)
def test_a_period_it_cannot_read_is_said_and_the_last_twelve_months_shown(
    borough: None, signed_in_client: Callable[[Role], Client], period: dict[str, str], error: str | None
) -> None:
    response = signed_in_client(Role.ANALYST).get("/figures/", period)
    if error is None:
        assert response.status_code == 400  # a NUL byte, refused before any view
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert "<script>alert(1)</script>" not in page
    assert "Figures" in page


def test_the_default_period_is_the_last_twelve_whole_months_and_this_month_may_be_chosen() -> None:
    assert default_period(datetime.date(2026, 1, 1)) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 1))
    assert default_period(datetime.date(2026, 3, 31)) == (datetime.date(2025, 3, 1), datetime.date(2026, 2, 1))
    form = PeriodForm(first_month=datetime.date(2020, 1, 1))
    this_month = timezone.localdate().strftime("%Y-%m")
    assert form.fields["end"].choices[-1][0] == this_month  # type: ignore[attr-defined]
    assert form.initial["end"] != this_month


@pytest.mark.django_db
def test_an_unknown_table_is_not_found(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.ANALYST)
    assert client.get("/figures/nonsense.csv").status_code == 404
    assert client.get("/figures/charts/nonsense.svg").status_code == 404


@pytest.mark.django_db
def test_the_page_takes_the_same_queries_for_three_months_or_two_years(
    borough: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.ANALYST)
    client.get("/figures/")
    counts = []
    for period in ({"start": "2025-01", "end": "2025-03"}, {"start": "2025-01", "end": "2026-12"}):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/figures/", period).status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
    # The outcomes read the measures, their items and their summaries; co-production reads its own records
    # four times, the period picker its first meeting, and the equality figures their summaries once.
    assert counts[0] <= 25


@pytest.mark.django_db
def test_each_group_s_share_of_introductions_stands_beside_its_share_of_the_borough(
    borough: None, signed_in_client: Callable[[Role], Client]
) -> None:
    Population.objects.create(grouping="neighbourhood", group="Ashby Vale", people=3000)
    Population.objects.create(grouping="neighbourhood", group="Brook Green", people=1000)
    rows = _csv(signed_in_client(Role.ANALYST), "by-neighbourhood")
    assert rows[0][-3:] == ["All introductions", "Share of introductions", "Share of the borough's people"]
    # Every count here is small, so no share of them is shown; the borough's own shares always are.
    assert [(row[0], row[-3], row[-2], row[-1]) for row in rows[1:]] == [
        ("Ashby Vale", "fewer than 5", "–", "75%"),
        ("Brook Green", "fewer than 5", "–", "25%"),
        ("Not given", "fewer than 5", "–", "–"),
        ("All groups", "not shown", "–", "100%"),
    ]
    page = signed_in_client(Role.ANALYST).get("/figures/", PERIOD).content.decode()
    for title in ("Introductions by age", "Introductions by gender", "Introductions by ethnic group"):
        assert title in page
