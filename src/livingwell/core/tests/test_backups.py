"""Backups (core/backups.py): PostgreSQL only, saying so on SQLite; a restore only into an empty database;
differences from the manifest are found. The whole round trip is the drill (deploy/backup_drill.py, in CI)."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from livingwell.core.backups import Manifest, audit_digest, restore_differences, table_counts

pytestmark = pytest.mark.django_db
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of PostgreSQL")


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the message is for SQLite")
def test_on_sqlite_it_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"copy var/livingwell\.sqlite3"):
        call_command("backup", "--to", str(tmp_path))


@on_postgres
def test_a_restore_never_goes_into_a_database_in_use(tmp_path: Path) -> None:
    manifest = tmp_path / "livingwell-x.json"
    Manifest("livingwell-x.dump", "now", {}, "").write(manifest)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(manifest))


@on_postgres
def test_differences_from_the_manifest_are_found() -> None:
    counts = table_counts()
    whole = Manifest("d", "now", counts, audit_digest())
    assert restore_differences(whole) == []
    short = Manifest("d", "now", {**counts, "people_person": counts["people_person"] + 1}, "other")
    assert restore_differences(short) == [
        f"people_person: {counts['people_person'] + 1} rows in the backup, {counts['people_person']} restored",
        "the audit trail differs from the one backed up",
    ]
