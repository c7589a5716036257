"""The audit table partitioned by month on PostgreSQL, and old months archived (decision 0056).

Every read of personal data writes a row, so the audit table is the first to outgrow one database. On
PostgreSQL it is partitioned by the month of ``at``: one table a month in the ``audit_partitions`` schema, made
a year ahead, and a default partition that takes any row no month is ready for, so that no write is ever
refused. A person's history reads each month's own index and stops early.

Months older than ``LW_AUDIT_ONLINE_MONTHS`` are archived: detached from the audit table and moved to the
``audit_archive`` schema, with their indexes and the append-only trigger. They leave the table every read
and write touches, and stay readable through ``audit_archivedauditevent`` (a view over them all, which reads
them with its owner's rights, so the application's role needs none on the archive), which a subject access
request reads with the rest (``audit.personal_data``).

All this needs the owner of the tables: ``manage.py audit_partitions``, which the migrate unit runs at each
deployment and a monthly timer runs between them (``deploy/systemd/``). On SQLite (the demo) there is one
table, and nothing to do.
"""

import contextlib
import datetime
from collections.abc import Iterator
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from livingwell.core.months import month_of, months_between, months_later

TABLE = "audit_auditevent"
PARTITIONS = "audit_partitions"
ARCHIVE = "audit_archive"
ARCHIVED_VIEW = "audit_archivedauditevent"
DEFAULT = f"{PARTITIONS}.{TABLE}_default"
COLUMNS = "id, at, action, record_type, record_id, person_id, request_id, detail, actor_id"
# How many months ahead of this one have their partition ready.
AHEAD = 12

APPEND_ONLY_TRIGGER = """
CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
"""


def partition_name(month: datetime.date) -> str:
    return f"{TABLE}_y{month:%Y}m{month:%m}"


def partitioned(connection: BaseDatabaseWrapper) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_partitioned_table WHERE partrelid = %s::regclass", [TABLE])
        return cursor.fetchone() is not None


def months_present(cursor: Any) -> list[datetime.date]:
    """The months that have a partition attached, oldest first."""
    cursor.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = %s::regclass AND c.relname ~ %s",
        [TABLE, rf"^{TABLE}_y\d{{4}}m\d{{2}}$"],
    )
    names = sorted(name for (name,) in cursor.fetchall())
    return [datetime.date(int(name[-7:-3]), int(name[-2:]), 1) for name in names]


def _partition_create(cursor: Any, month: datetime.date) -> None:
    cursor.execute(
        f"CREATE TABLE {PARTITIONS}.{partition_name(month)} PARTITION OF {TABLE} "
        f"FOR VALUES FROM ('{month.isoformat()}') TO ('{months_later(month, 1).isoformat()}')"
    )


@contextlib.contextmanager
def _checks_done_first(cursor: Any) -> Iterator[None]:
    """Foreign keys checked now rather than at commit: a table with checks still to come cannot be detached or
    dropped (the events written earlier in the same transaction)."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    yield
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def partitions_ensure(cursor: Any, today: datetime.date, *, since: datetime.date | None = None) -> list[str]:
    """A partition for every month from the oldest (the first there is, ``since``, or this month) to
    ``AHEAD`` months on. Rows that went to the default partition meanwhile are moved into their months.
    Returns the partitions made."""
    cursor.execute(f"SELECT min(at), max(at) FROM {DEFAULT}")  # noqa: S608
    waiting_from, waiting_to = cursor.fetchone()
    present = months_present(cursor)
    first = month_of(today) if not present else present[0]
    if since is not None:
        first = min(first, month_of(since))
    if waiting_from is not None:
        first = min(first, month_of(waiting_from.date()))
    last = months_later(today, AHEAD)
    if waiting_to is not None:
        last = max(last, month_of(waiting_to.date()))
    with _checks_done_first(cursor):
        return _months_made(cursor, present, first, last, waiting=waiting_from is not None)


def _months_made(
    cursor: Any, present: list[datetime.date], first: datetime.date, last: datetime.date, *, waiting: bool
) -> list[str]:
    made = []
    if waiting:
        # A month can only be made once the default holds none of its rows: take them out, and put them back.
        cursor.execute(f"ALTER TABLE {TABLE} DETACH PARTITION {DEFAULT}")
        cursor.execute(f"ALTER TABLE {DEFAULT} RENAME TO {TABLE}_default_waiting")
        cursor.execute(f"CREATE TABLE {DEFAULT} PARTITION OF {TABLE} DEFAULT")
    for month in months_between(first, last):
        if month not in present:
            _partition_create(cursor, month)
            made.append(partition_name(month))
    if waiting:
        moved = f"{PARTITIONS}.{TABLE}_default_waiting"
        cursor.execute(f"INSERT INTO {TABLE} ({COLUMNS}) SELECT {COLUMNS} FROM {moved}")  # noqa: S608
        cursor.execute(f"DROP TABLE {moved}")
    return made


def partitions_archive(cursor: Any, before: datetime.date) -> list[str]:
    """Detach every month before ``before`` and move it to the archive, still readable. Returns their names."""
    archived = []
    with _checks_done_first(cursor):
        for month in months_present(cursor):
            if month >= before:
                break
            name = partition_name(month)
            cursor.execute(f"ALTER TABLE {TABLE} DETACH PARTITION {PARTITIONS}.{name}")
            cursor.execute(f"ALTER TABLE {PARTITIONS}.{name} SET SCHEMA {ARCHIVE}")
            _frozen(cursor, f"{ARCHIVE}.{name}")
            archived.append(name)
    if archived:
        archived_view_make(cursor)
    return archived


def _frozen(cursor: Any, table: str) -> None:
    """A detached month as the archive keeps it: append-only still (it no longer has the audit table's
    trigger, so it gets its own), and tied to nothing (no new ids, and the actor's id kept as a number, so that
    the accounts table can be emptied in tests and restored on its own)."""
    cursor.execute(APPEND_ONLY_TRIGGER.format(table=table))
    cursor.execute(f"ALTER TABLE {table} ALTER COLUMN id DROP DEFAULT")
    cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'", [table])
    for (name,) in cursor.fetchall():
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')


def archived_view_make(cursor: Any) -> None:
    """The view over every archived month (none at first: then an empty view of the same columns)."""
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.relname",
        [ARCHIVE],
    )
    tables = [f"SELECT {COLUMNS} FROM {ARCHIVE}.{name}" for (name,) in cursor.fetchall()]  # noqa: S608
    body = " UNION ALL ".join(tables) or f"SELECT {COLUMNS} FROM {TABLE} WHERE false"  # noqa: S608
    cursor.execute(f"CREATE OR REPLACE VIEW {ARCHIVED_VIEW} AS {body}")
