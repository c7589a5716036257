"""Each process holds the safety net's lexicon and reads it again only when it changed (decision 0055): a
change in the admin or through the model is in force at once, one made in the database directly within
LW_LEXICON_TRUSTED_SECONDS, and the net never runs on an old lexicon once the change is signalled."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livingwell.safety import net
from livingwell.safety.models import LexiconEntry
from livingwell.safety.net import VERSION_KEY, lexicon_current, risk_in

pytestmark = pytest.mark.django_db
NEW_WORDS = "the kettle is singing to me"


@pytest.fixture
def held(settings, monkeypatch):
    settings.LW_LEXICON_TRUSTED_SECONDS = 30
    cache.delete(VERSION_KEY)
    monkeypatch.setattr(net, "_held", net._Held())


def _queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        lexicon_current()
    return len(queries)


def test_the_lexicon_is_read_once_and_then_held(held) -> None:
    assert _queries() == 1
    assert _queries() == 0
    assert not risk_in([NEW_WORDS])


def test_a_change_through_the_model_is_in_force_at_once(held) -> None:
    lexicon_current()
    entry = LexiconEntry.objects.create(pattern=NEW_WORDS, category="suicide")
    assert risk_in([NEW_WORDS])
    entry.active = False
    entry.save()
    assert not risk_in([NEW_WORDS])
    entry.active = True
    entry.save()
    entry.delete()
    assert not risk_in([NEW_WORDS])


def test_a_change_made_without_the_model_is_in_force_within_the_trusted_time(held, monkeypatch) -> None:
    lexicon_current()
    LexiconEntry.objects.bulk_create([LexiconEntry(pattern=NEW_WORDS, category="suicide")])  # no signal
    assert not risk_in([NEW_WORDS])  # held, for now
    monkeypatch.setattr(net._held, "read_at", net._held.read_at - 31)
    assert risk_in([NEW_WORDS])


def test_without_the_shared_cache_the_lexicon_is_read_every_time(held, monkeypatch) -> None:
    monkeypatch.setattr(net.cache, "get", lambda key, default=None: None)
    monkeypatch.setattr(net.cache, "add", lambda *args, **kwargs: False)
    assert _queries() == 1
    assert _queries() == 1


def test_a_web_server_process_compiles_it_before_its_first_request(held, monkeypatch, caplog) -> None:
    from livingwell.config.gunicorn import process_warm

    process_warm()
    assert _queries() == 0  # held already: the first words read wait for nothing
    monkeypatch.setattr(net, "_held", net._Held())

    def unreachable() -> None:
        raise net.DatabaseError("no database yet")

    monkeypatch.setattr(net, "_lexicon_read", unreachable)
    process_warm()  # starts anyway, and says so
    assert "could not be read ahead" in caplog.text
