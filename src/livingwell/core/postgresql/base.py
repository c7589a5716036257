"""Django's PostgreSQL backend, with the health check of a kept connection made without a round trip
(decision 0072).

With ``CONN_HEALTH_CHECKS``, Django asks the server ``SELECT 1`` at the start of each request that uses the
database, so that a connection the server closed meanwhile (restarted, or the backend ended) is opened afresh
instead of failing that request. The server tells a connection it ends before it closes it, so an idle
connection with something to read has been closed, or been sent something nobody asked for: either way it is
opened afresh. One with nothing to read is used as it is, without asking the server. PostgreSQL restarted, or
its processes ended, closes its side of each connection, so that is seen here. Only a server machine that
stops dead and is back before a connection's ``CONN_MAX_AGE`` (a minute) has run out would pass unseen, where
``SELECT 1`` would have caught it: the next statement fails that one request, and Django then opens a fresh
connection. A machine takes longer than a minute to start again, and the age closes older connections first.
"""

import select
from typing import Any

import psycopg
from django.db.backends.postgresql import base
from psycopg.pq import ConnStatus, TransactionStatus

# Between requests a connection is idle; a test's connection is in its transaction. Any other state (a statement
# under way, a failed transaction, or one the library cannot tell) is not trusted.
USABLE = (TransactionStatus.IDLE, TransactionStatus.INTRANS)


def closed_or_spoken_to(connection: psycopg.Connection[Any]) -> bool:
    """Whether a connection kept between requests can no longer be trusted: closed on this side, in a state it
    should not be in between requests, or with something from the server waiting to be read. Asks the server
    nothing."""
    pgconn = connection.pgconn
    if connection.closed or connection.broken or pgconn.status != ConnStatus.OK:
        return True
    if pgconn.transaction_status not in USABLE:
        return True
    if not hasattr(select, "poll"):  # Windows
        readable, _written, _failed = select.select([pgconn.socket], [], [], 0)
        return bool(readable)
    poll = select.poll()
    poll.register(pgconn.socket, select.POLLIN | select.POLLPRI)
    return bool(poll.poll(0))


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        # Django's health check, and its check after a request's database error, ask this; its own sends
        # ``SELECT 1`` and waits for the answer.
        return self.connection is not None and not closed_or_spoken_to(self.connection)
