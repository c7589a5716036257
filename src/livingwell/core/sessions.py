"""Sessions read from the shared cache (Redis) and kept in the database too, so that a Redis restarted empty
signs nobody out and loses no half-written introduction (decisions 0055, 0069 and 0078).

Django's ``cached_db`` store, with two changes:
- **Each database write is one statement** (0069). Django's own writes through the ORM inside a transaction
  (BEGIN, the UPDATE, COMMIT: three round trips), and asks the cache and the database whether a new key is
  taken before inserting it. Here: an UPDATE that must find its row (a session deleted meanwhile, by signing
  out in another tab, is not brought back: ``UpdateError``, as Django's), or an INSERT that must not find one
  (a key already taken is ``CreateError``, and ``create`` draws another, as Django's).
- **A change of a value alone reaches the database a moment later, with others** (0078). A new session, and
  any save that adds or removes a key (signing in, the second factor, a journey begun or ended), is written
  through at once. A save that only changes values (each answer of the front door) goes to Redis and is
  marked there as waiting; every ``LW_SESSION_WRITE_EVERY`` seconds, the first save to find that time up
  writes every waiting session to the database in one round trip (``sessions_write_waiting``), as does the
  worker's housekeeping. A Redis restarted empty loses at most the changes of those few seconds.

Reading, deleting and the cache are Django's.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import cached_db, db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.core.cache import caches
from django.db import DatabaseError, connections, router
from django.utils.crypto import get_random_string
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
# In the shared cache: the keys of sessions changed in Redis and not yet in the database, and a mark held
# for LW_SESSION_WRITE_EVERY seconds by the save that last wrote them.
WAITING = "lw:sessions:waiting"
WRITTEN_LATELY = "lw:sessions:written-lately"
WRITE_AT_MOST = 1000  # sessions written in one go; more wait for the next

_INSERT_NEW_ONLY = (
    "INSERT INTO {table} (session_data, expire_date, session_key) VALUES (%s, %s, %s) "
    "ON CONFLICT (session_key) DO NOTHING"
)
_UPDATE = "UPDATE {table} SET session_data = %s, expire_date = %s WHERE session_key = %s"


class _OneStatementWrites(db.SessionStore):
    """The database's part of a session's save: one statement, checked by the rows it wrote."""

    def _get_new_session_key(self) -> str:
        # Whether the key is taken is settled by its INSERT, which finds out for itself.
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create: bool = False) -> None:
        if self.session_key is None:
            return self.create()
        data = self._get_session(no_load=must_create)  # type: ignore[attr-defined]  # as Django's own save
        connection = connections[router.db_for_write(self.model)]
        parameters = [self.encode(data), self._expiry_value(connection), self.session_key]
        with connection.cursor() as cursor:
            cursor.execute((_INSERT_NEW_ONLY if must_create else _UPDATE).format(table=_table(connection)), parameters)
            written = cursor.rowcount
        if written != 1:
            raise CreateError if must_create else UpdateError

    def _expiry_value(self, connection: Any) -> str | None:
        return connection.ops.adapt_datetimefield_value(self.get_expiry_date())


def _table(connection: Any) -> str:
    return connection.ops.quote_name(db.SessionStore.get_model_class()._meta.db_table)


class SessionStore(cached_db.SessionStore, _OneStatementWrites):
    """Django's cached_db store: read from the cache; written to the database (above) then to the cache, or,
    when only values changed, to the cache now and to the database with the others waiting."""

    _keys_loaded: frozenset[str] | None = None

    def load(self) -> dict[str, Any]:
        data = super().load()
        self._keys_loaded = frozenset(data)
        return data

    def save(self, must_create: bool = False) -> None:
        data = self._get_session(no_load=must_create)  # type: ignore[attr-defined]
        through = must_create or self.session_key is None or settings.LW_SESSION_WRITE_EVERY <= 0
        if through or self._keys_loaded != frozenset(data):
            super().save(must_create)
            self._keys_loaded = frozenset(data)
            return
        cache = _redis()
        pipe = cache.get_client(write=True).pipeline(transaction=False)
        cache.set(self.cache_key, data, self.get_expiry_age(), client=pipe, xx=True)
        pipe.sadd(cache.make_key(WAITING), self.session_key)
        pipe.set(cache.make_key(WRITTEN_LATELY), 1, nx=True, ex=settings.LW_SESSION_WRITE_EVERY)
        try:
            in_cache, _waiting, time_to_write = pipe.execute()
        except (RedisError, OSError):
            in_cache = time_to_write = False  # Redis is down: the database alone, as Django's store does then
        if not in_cache:  # not in Redis (deleted meanwhile, or Redis emptied): as Django's, through the database
            super().save(must_create)
        elif time_to_write:
            try:
                sessions_write_waiting()
            except DatabaseError as error:  # the person's own save is done; the waiting ones wait a little longer
                logger.warning("Sessions waiting in Redis not written to the database: %s", type(error).__name__)


def _redis() -> Any:
    """django-redis's client of the sessions' cache, which keys and encodes values as the cache does."""
    return caches[settings.SESSION_CACHE_ALIAS].client  # type: ignore[attr-defined]


def sessions_write_waiting() -> int:
    """Write every session waiting in Redis to the database, in one round trip; how many. A session deleted
    meanwhile is not brought back (an UPDATE finds no row); one changed again meanwhile is waiting again.
    Nothing waits, and nothing is asked, where sessions are not this store's (the shared cache is not Redis)."""
    if __name__ != settings.SESSION_ENGINE:
        return 0
    cache = _redis()
    keys = [key.decode() for key in cache.get_client(write=True).spop(cache.make_key(WAITING), WRITE_AT_MOST) or []]
    if not keys:
        return 0
    found = caches[settings.SESSION_CACHE_ALIAS].get_many([SessionStore.cache_key_prefix + key for key in keys])
    connection = connections[router.db_for_write(db.SessionStore.get_model_class())]
    rows = []
    for key in keys:
        data = found.get(SessionStore.cache_key_prefix + key)
        if data is not None:
            store = SessionStore(key)
            store._session_cache = data  # type: ignore[attr-defined]  # as it is in Redis
            rows.append([store.encode(data), store._expiry_value(connection), key])
    try:
        with connection.cursor() as cursor:
            cursor.executemany(_UPDATE.format(table=_table(connection)), rows)
    except Exception:
        cache.get_client(write=True).sadd(cache.make_key(WAITING), *keys)  # to be written next time
        raise
    return len(rows)
