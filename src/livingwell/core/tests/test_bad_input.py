"""Input no person types is refused once for the whole site; exports cannot carry formulas; every page says
which browser features it never uses."""

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.core.exports import csv_text, safe_cell

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/collaborative/decisions/?body=%00",
        "/collaborative/calendar/%00.ics",
        "/directory/?q=a%00b",
        "/introduce/?x%00=1",
    ],
)
def test_a_nul_byte_in_an_address_is_a_clear_400(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert "116 123" in response.content.decode()


def test_a_nul_byte_in_a_form_is_refused_and_nothing_saved(client: Client) -> None:
    from livingwell.collaborative.models import JoinRequest
    from livingwell.collaborative.tests.factories import board

    body, groups = board()
    data = {"constituency": groups["ebe"].pk, "name": "Kim\x00", "email": "kim@example.org", "agree": "on"}
    response = client.post(reverse("collaborative:join", args=[body.slug]), data)
    assert response.status_code == 400
    assert not JoinRequest.objects.exists()


def test_every_page_sends_a_permissions_policy(client: Client) -> None:
    policy = client.get(reverse("core:home"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("  =1+1", "'  =1+1"),
        ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"),  # a full-width equals sign
        (";=1", "';=1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("Bus fare", "Bus fare"),
    ],
)
def test_a_cell_that_could_be_a_formula_stays_text(text: str, shown: str) -> None:
    assert safe_cell(text) == shown


def test_every_text_cell_is_made_safe_by_default_and_numbers_stay_numbers() -> None:
    exported = csv_text(["what", "amount"], [["=cmd|' /C calc'!A0", "-5.00"], ["Bus fare", "12.50"]])
    assert exported.splitlines() == ["what,amount", "'=cmd|' /C calc'!A0,-5.00", "Bus fare,12.50"]
