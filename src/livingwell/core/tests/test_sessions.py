"""With Redis as the shared cache, sessions are read from it and kept in the database too (decisions 0055, 0069
and 0078): a page reads its session without asking the database; a change of values alone (an answer) waits
a few seconds in Redis to be written with others; and a Redis that restarts, empty, signs nobody out and loses
at most those few seconds of answers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.core import sessions
from livingwell.core.tasks import housekeeping
from livingwell.frontdoor.tests.test_journey import ANSWERS, CHECK, _step

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_sessions(redis_cache, settings):
    settings.SESSION_ENGINE = "livingwell.core.sessions"
    return redis_cache


def _written_lately(cache) -> None:
    """As if the waiting sessions had just been written: the next saves of values alone wait."""
    client = cache.client
    client.get_client(write=True).set(client.make_key(sessions.WRITTEN_LATELY), 1, ex=60)


def _time_to_write(cache) -> None:
    """As if LW_SESSION_WRITE_EVERY seconds had passed: the next save of values alone writes all that wait."""
    client = cache.client
    client.get_client(write=True).delete(client.make_key(sessions.WRITTEN_LATELY))


def _in_database(client) -> dict:
    return Session.objects.get(session_key=client.cookies["sessionid"].value).get_decoded()


def test_a_page_reads_its_session_from_redis_and_an_emptied_redis_loses_nothing_written(cached_sessions, client):
    client.get(_step("who"))
    _written_lately(cached_sessions)
    for slug in ("who", "name"):
        assert client.post(_step(slug), ANSWERS[slug]).status_code == 302
    with CaptureQueriesContext(connection) as queries:
        page = client.get(_step("name"))
    assert not _session_statements(queries)
    assert 'value="Sam"' in page.content.decode()
    assert sessions.sessions_write_waiting() == 1  # as the next save after a few seconds, or housekeeping, does
    cached_sessions.clear()  # Redis restarted, empty
    assert 'value="Sam"' in client.get(_step("name")).content.decode()
    for slug, answers in list(ANSWERS.items())[2:]:
        assert client.post(_step(slug), answers).status_code == 302
    assert "Sam" in client.get(CHECK).content.decode()


def test_an_emptied_redis_loses_only_the_answers_still_waiting(cached_sessions, client) -> None:
    client.get(_step("who"))
    _written_lately(cached_sessions)
    assert client.post(_step("who"), ANSWERS["who"]).status_code == 302
    sessions.sessions_write_waiting()
    assert client.post(_step("name"), ANSWERS["name"]).status_code == 302  # waiting
    cached_sessions.clear()  # Redis restarted, empty, within those seconds
    assert client.get(CHECK).headers["Location"] == _step("name")  # the journey kept, up to the last answer
    assert 'value="Sam"' not in client.get(_step("name")).content.decode()


def test_answers_wait_and_are_written_together_in_one_round_trip(cached_sessions, client, settings) -> None:
    client.get(_step("who"))
    _written_lately(cached_sessions)
    other = type(client)()
    other.get(_step("who"))
    with CaptureQueriesContext(connection) as queries:
        for person in (client, other):
            for slug in ("who", "name"):
                assert person.post(_step(slug), ANSWERS[slug]).status_code == 302
    assert not _session_statements(queries)  # four answers, nothing written to the database yet
    assert "Sam" not in str(_in_database(client))
    _time_to_write(cached_sessions)
    with CaptureQueriesContext(connection) as queries:
        assert client.post(_step("date-of-birth"), ANSWERS["date-of-birth"]).status_code == 302
    (written,) = _session_statements(queries)  # this answer's save writes every session waiting, both people's
    assert written.startswith("2 times: UPDATE")
    assert _in_database(client) == client.session.load()
    assert _in_database(other) == other.session.load()
    assert not sessions.sessions_write_waiting()  # nothing left waiting


def test_a_key_added_or_taken_away_is_written_at_once(cached_sessions) -> None:
    """Signing in, the second factor, a journey begun or ended: never left waiting."""
    store = sessions.SessionStore()
    store["journey"] = "begun"
    store.save()
    _written_lately(cached_sessions)
    page = sessions.SessionStore(store.session_key)
    page["otp_device_id"] = "totp/1"
    page.save()
    assert Session.objects.get(session_key=store.session_key).get_decoded() == {
        "journey": "begun",
        "otp_device_id": "totp/1",
    }
    page = sessions.SessionStore(store.session_key)
    del page["journey"]
    page.save()
    assert Session.objects.get(session_key=store.session_key).get_decoded() == {"otp_device_id": "totp/1"}


def test_without_waiting_each_change_is_written_through(cached_sessions, settings) -> None:
    settings.LW_SESSION_WRITE_EVERY = 0
    store = sessions.SessionStore()
    store["answer"] = 1
    store.save()
    page = sessions.SessionStore(store.session_key)
    page["answer"] = 2
    page.save()
    assert Session.objects.get(session_key=store.session_key).get_decoded() == {"answer": 2}


def test_with_redis_down_a_change_is_written_to_the_database(cached_sessions, monkeypatch) -> None:
    store = sessions.SessionStore()
    store["answer"] = 1
    store.save()
    _written_lately(cached_sessions)
    page = sessions.SessionStore(store.session_key)
    page["answer"] = 2

    def down(*args: object) -> None:
        raise RedisConnectionError("down")

    monkeypatch.setattr("redis.client.Pipeline.execute", down)
    page.save()
    assert Session.objects.get(session_key=store.session_key).get_decoded() == {"answer": 2}


def test_housekeeping_writes_the_answers_waiting(cached_sessions, client) -> None:
    client.get(_step("who"))
    _written_lately(cached_sessions)
    assert client.post(_step("who"), ANSWERS["who"]).status_code == 302
    housekeeping.call()
    assert _in_database(client) == client.session.load()


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("redis://127.0.0.1:6379/1", "livingwell.core.sessions"),
        ("dbcache://lw_cache", "django.contrib.sessions.backends.db"),
    ],
)
def test_sessions_are_cached_only_where_the_shared_cache_is_redis(cache_url: str, engine: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DJANGO_SETTINGS_MODULE="livingwell.config.settings", CACHE_URL=cache_url)
    code = "import django; django.setup(); from django.conf import settings; print(settings.SESSION_ENGINE)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=Path(settings.BASE_DIR), capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == engine


def _session_statements(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries if "django_session" in query["sql"]]


def test_each_answer_is_written_in_one_statement_and_a_new_session_in_one_insert(
    cached_sessions, client, settings
) -> None:
    settings.LW_SESSION_WRITE_EVERY = 0  # each written through, as it was before decision 0078
    with CaptureQueriesContext(connection) as queries:
        client.get(_step("who"))  # the journey starts: a new session
    (insert,) = _session_statements(queries)
    assert insert.startswith("INSERT")  # no asking first whether its key is taken
    with CaptureQueriesContext(connection) as queries:
        assert client.post(_step("who"), ANSWERS["who"]).status_code == 302
    (update,) = _session_statements(queries)
    assert update.startswith("UPDATE")
    assert client.cookies["sessionid"].value in update


def test_a_session_deleted_meanwhile_is_not_written_back(cached_sessions) -> None:
    """Signed out in another tab while a page was on its way: the page's write must not sign them in again."""
    signed_in = sessions.SessionStore()
    signed_in["_auth_user_id"] = "7"
    signed_in.save()
    key = signed_in.session_key
    page = sessions.SessionStore(key)
    assert page["_auth_user_id"] == "7"  # the page read it
    sessions.SessionStore(key).flush()  # the other tab signs out
    page["_auth_user_id"] = "8"
    with pytest.raises(UpdateError):
        page.save()
    assert not Session.objects.filter(session_key=key).exists()
    assert sessions.SessionStore(key).load() == {}


def test_a_session_deleted_while_its_change_waited_is_not_written_back(cached_sessions) -> None:
    signed_in = sessions.SessionStore()
    signed_in["_auth_user_id"] = "7"
    signed_in.save()
    key = signed_in.session_key
    _written_lately(cached_sessions)
    page = sessions.SessionStore(key)
    page["_auth_user_id"] = "8"
    page.save()  # waits
    sessions.SessionStore(key).flush()  # then signed out in another tab
    assert sessions.sessions_write_waiting() == 0
    assert not Session.objects.filter(session_key=key).exists()


def test_a_new_key_already_taken_is_drawn_again_and_the_taken_one_left_alone(cached_sessions, monkeypatch) -> None:
    first = sessions.SessionStore()
    first["who"] = "first"
    first.save()
    drawn = iter([first.session_key, "b" * 32])
    monkeypatch.setattr(sessions, "get_random_string", lambda *_args: next(drawn))
    second = sessions.SessionStore()
    second["who"] = "second"
    second.save()
    assert second.session_key == "b" * 32
    assert sessions.SessionStore(first.session_key)["who"] == "first"
    assert Session.objects.get(session_key=first.session_key).get_decoded() == {"who": "first"}
    assert Session.objects.get(session_key="b" * 32).get_decoded() == {"who": "second"}


def test_signing_in_and_out_with_sessions_in_redis(cached_sessions, client) -> None:
    """Signing in draws a new key (INSERT) and removes the old; signing out removes the session everywhere."""
    UserFactory(username="sam", role=Role.PERSON)  # password: a-long-test-password
    client.get(_step("who"))  # a session before signing in
    before = client.cookies["sessionid"].value
    response = client.post(reverse("accounts:sign_in"), {"username": "sam", "password": "a-long-test-password"})
    assert response.status_code == 302
    signed_in = client.cookies["sessionid"].value
    assert signed_in != before
    assert not Session.objects.filter(session_key=before).exists()
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    cached_sessions.clear()  # Redis restarted, empty: still signed in, from the database
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    client.post(reverse("accounts:sign_out"))
    assert not Session.objects.filter(session_key=signed_in).exists()
    assert client.get(reverse("accounts:dashboard")).status_code == 302
