"""With Redis as the shared cache, sessions are read from it and written through to the database (decision
0055): a page reads its session without asking the database, and a Redis that restarts, empty, signs nobody out
and loses no half-written introduction."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livingwell.frontdoor.tests.test_journey import ANSWERS, CHECK, _step

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_sessions(redis_cache, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return redis_cache


def test_a_page_reads_its_session_from_redis_and_an_emptied_redis_loses_nothing(cached_sessions, client) -> None:
    client.get(_step("who"))
    for slug in ("who", "name"):
        assert client.post(_step(slug), ANSWERS[slug]).status_code == 302
    with CaptureQueriesContext(connection) as queries:
        page = client.get(_step("name"))
    assert not [query for query in queries if "django_session" in query["sql"]]
    assert 'value="Sam"' in page.content.decode()
    cached_sessions.clear()  # Redis restarted, empty
    assert 'value="Sam"' in client.get(_step("name")).content.decode()
    for slug, answers in list(ANSWERS.items())[2:]:
        assert client.post(_step(slug), answers).status_code == 302
    assert "Sam" in client.get(CHECK).content.decode()


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("redis://127.0.0.1:6379/1", "django.contrib.sessions.backends.cached_db"),
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
