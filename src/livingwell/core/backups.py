"""Backups of the PostgreSQL database, and restoring one into a fresh database (``manage.py backup``,
``manage.py restore``; ``./lw backup``, ``./lw restore``).

A backup is pg_dump's custom format, beside a manifest of how many rows each table held when it was taken
and a digest of the audit trail, so that a restore can be checked against it. Every record is in the
database, receipts included (they are kept in it), so the database's backup is the whole backup.
"""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from livingwell.core.refusals import Refused

AUDIT_TABLE = "audit_auditevent"


@dataclass(frozen=True)
class Manifest:
    dump: str
    taken_at: str
    counts: dict[str, int]
    audit_digest: str

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.__dict__, indent=2, sort_keys=True))

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        return cls(**json.loads(path.read_text()))


def _postgres() -> dict[str, str]:
    """The connection's settings as libpq's environment variables, so no password is on a command line."""
    if connection.vendor != "postgresql":
        raise Refused(
            "Backups here are of PostgreSQL. On the demo's SQLite, stop the platform and copy var/livingwell.sqlite3."
        )
    db = settings.DATABASES["default"]
    env = {"PGDATABASE": db["NAME"], "PGHOST": db.get("HOST") or "", "PGPORT": str(db.get("PORT") or "")}
    env |= {"PGUSER": db.get("USER") or "", "PGPASSWORD": db.get("PASSWORD") or ""}
    return {**os.environ, **{key: value for key, value in env.items() if value}}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise Refused(f"{name} is not installed: install PostgreSQL's client tools (Debian: postgresql-client).")
    return found


def table_counts() -> dict[str, int]:
    """Rows in each of the database's own tables (not Django's migration record), by table."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from the database itself)
            counts[table] = cursor.fetchone()[0]
    return counts


def audit_digest() -> str:
    """A digest of the whole audit trail, row by row in order: equal digests, equal trails."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT t::text FROM {AUDIT_TABLE} t ORDER BY id")  # noqa: S608
        for (row,) in cursor:
            digest.update(row.encode())
            digest.update(b"\n")
    return digest.hexdigest()


def backup_take(folder: Path) -> Path:
    """Dump the database into ``folder``, with its manifest; returns the manifest's path."""
    env = _postgres()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    dump = folder / f"livingwell-{stamp}.dump"
    counts, digest = table_counts(), audit_digest()
    subprocess.run(  # noqa: S603
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"], env=env, check=True
    )
    manifest = folder / f"livingwell-{stamp}.json"
    Manifest(dump.name, datetime.datetime.now(datetime.UTC).isoformat(), counts, digest).write(manifest)
    return manifest


def restore(manifest_path: Path) -> list[str]:
    """Restore a backup into this (empty) database, then check it against the manifest. Returns what differs
    (nothing when the restore is whole)."""
    manifest = Manifest.read(manifest_path)
    env = _postgres()
    with connection.cursor() as cursor:
        if connection.introspection.table_names(cursor):
            raise Refused("This database is not empty: restore into a new, empty database.")
    subprocess.run(  # noqa: S603
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={env['PGDATABASE']}",
         str(manifest_path.parent / manifest.dump)],
        env=env, check=True,
    )  # fmt: skip
    return restore_differences(manifest)


def restore_differences(manifest: Manifest) -> list[str]:
    counts = table_counts()
    differences = [
        f"{table}: {manifest.counts.get(table)} rows in the backup, {counts.get(table)} restored"
        for table in sorted(set(manifest.counts) | set(counts))
        if manifest.counts.get(table) != counts.get(table)
    ]
    if audit_digest() != manifest.audit_digest:
        differences.append("the audit trail differs from the one backed up")
    return differences
