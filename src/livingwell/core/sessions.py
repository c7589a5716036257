"""Sessions read from the shared cache and written through to the database, one statement for each write
(decision 0069).

Django's ``cached_db`` store, with its database write made plain. Django's own writes a session through the
ORM inside a transaction (BEGIN, the UPDATE, COMMIT: three round trips, and the ORM's work), and asks the
cache and the database whether a new key is taken before inserting it. Here a write is one statement on its
own, so as atomic as the transaction was: an UPDATE that must find its row (a session deleted meanwhile, by
signing out in another tab, is not brought back: ``UpdateError``, as Django's), or an INSERT that must not
find one (a key already taken is ``CreateError``, and ``create`` draws another, as Django's). What is
written and when, the cache, reading and deleting are all Django's.
"""

from django.contrib.sessions.backends import cached_db, db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.db import connections, router
from django.utils.crypto import get_random_string

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
        table = connection.ops.quote_name(self.model._meta.db_table)
        parameters = [
            self.encode(data),
            connection.ops.adapt_datetimefield_value(self.get_expiry_date()),
            self.session_key,
        ]
        with connection.cursor() as cursor:
            cursor.execute((_INSERT_NEW_ONLY if must_create else _UPDATE).format(table=table), parameters)
            written = cursor.rowcount
        if written != 1:
            raise CreateError if must_create else UpdateError


class SessionStore(cached_db.SessionStore, _OneStatementWrites):
    """Django's cached_db store: read from the cache, written to the database (above), then to the cache."""
