"""Backups of the PostgreSQL database, and restoring one into a fresh database (``manage.py backup``,
``manage.py restore``; ``./lw backup``, ``./lw restore``).

A backup is pg_dump's custom format and a tar of the files the platform keeps (receipts and exports, sealed,
read through the file storage whether a folder or a bucket: ``core.files``), beside a manifest of how many
rows each table held when it was taken, a digest of the audit trail and of each file, so that a restore can be
checked against it.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
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
    # The tar of the files, and each file's digest by its name (a backup from before files were kept: none).
    files: str = ""
    file_digests: dict[str, str] = field(default_factory=dict)

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.__dict__, indent=2, sort_keys=True))

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        return cls(**json.loads(path.read_text()))


def _postgres() -> dict[str, str]:
    """The connection's settings as libpq's environment variables, so no password is on a command line."""
    if connection.vendor != "postgresql":
        raise Refused(
            "Backups here are of PostgreSQL. On the demo's SQLite, stop the platform and copy var/livingwell.sqlite3 "
            "and var/files."
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


def _stored(folder: str = "") -> Iterator[str]:
    """Every file's name in the file storage, folder by folder."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # a folder not made yet; a bucket lists an absent prefix as empty
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for inner in sorted(folders):
        yield from _stored(f"{folder}/{inner}" if folder else inner)


def _file_bytes(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return bytes(stored.read())


def files_take(archive: Path) -> dict[str, str]:
    """Every file kept, as stored (sealed), into the tar ``archive``; their digests by name."""
    digests = {}
    with tarfile.open(archive, "w") as tar:
        for name in _stored():
            content = _file_bytes(name)
            digests[name] = hashlib.sha256(content).hexdigest()
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return digests


def files_restore(archive: Path) -> None:
    """Put every file of the tar ``archive`` back in the file storage under its own name."""
    with tarfile.open(archive, "r") as tar:
        for member in tar.getmembers():
            if not member.isfile() or member.name.startswith("/") or ".." in member.name.split("/"):
                raise Refused(f"The backup's files hold an unexpected entry: {member.name!r}")
            content = tar.extractfile(member)
            if content is None or default_storage.exists(member.name):
                continue
            default_storage.save(member.name, ContentFile(content.read()))


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
    files = folder / f"livingwell-{stamp}-files.tar"
    file_digests = files_take(files)
    manifest = folder / f"livingwell-{stamp}.json"
    taken_at = datetime.datetime.now(datetime.UTC).isoformat()
    Manifest(dump.name, taken_at, counts, digest, files.name, file_digests).write(manifest)
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
    if manifest.files:
        files_restore(manifest_path.parent / manifest.files)
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
    for name, digest in sorted(manifest.file_digests.items()):
        if not default_storage.exists(name):
            differences.append(f"the file {name} was not restored")
        elif hashlib.sha256(_file_bytes(name)).hexdigest() != digest:
            differences.append(f"the file {name} differs from the one backed up")
    return differences
