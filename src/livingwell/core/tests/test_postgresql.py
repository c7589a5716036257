"""A kept PostgreSQL connection is checked at a request's start without asking the server (decision 0072):
one the server ended meanwhile is opened afresh and the request goes on; a sound one is used as it is."""

import time

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from livingwell.core.postgresql.base import closed_or_spoken_to

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the check is of PostgreSQL's connections"),
    pytest.mark.django_db(transaction=True),
]


def _backend() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _ended(pid: int) -> None:
    """The server ends the backend ``pid``, as a restart or an administrator would, and its goodbye arrives."""
    parameters = connection.get_connection_params()
    with psycopg.connect(**parameters, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while not closed_or_spoken_to(connection.connection) and time.monotonic() < deadline:
        time.sleep(0.01)


def _next_request() -> None:
    connection.health_check_done = False  # as at every request's start


def test_a_sound_connection_is_kept() -> None:
    assert connection.health_check_enabled
    pid = _backend()
    _next_request()
    connection.close_if_health_check_failed()
    assert connection.connection is not None
    assert _backend() == pid


def test_a_connection_the_server_ended_is_opened_afresh() -> None:
    pid = _backend()
    _ended(pid)
    assert closed_or_spoken_to(connection.connection)
    _next_request()
    assert _backend() != pid


def test_a_page_that_writes_still_answers_after_the_server_ended_its_connection(client: Client) -> None:
    page = reverse("frontdoor:step", kwargs={"slug": "who"})
    assert client.get(page).status_code == 200
    _ended(_backend())
    _next_request()
    response = client.post(page, {"for_whom": "self"})
    assert response.status_code == 302


def test_a_connection_closed_on_this_side_or_left_in_a_failed_transaction_is_not_trusted() -> None:
    with psycopg.connect(**connection.get_connection_params()) as raw:
        assert not closed_or_spoken_to(raw)
        with pytest.raises(psycopg.errors.DivisionByZero):
            raw.execute("SELECT 1 / 0")
        assert closed_or_spoken_to(raw)
    assert closed_or_spoken_to(raw)
