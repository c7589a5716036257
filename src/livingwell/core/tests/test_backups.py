"""Backups (core/backups.py): PostgreSQL only, saying so on SQLite; a restore only into an empty database;
differences from the manifest are found. The whole round trip is the drill (deploy/backup_drill.py, in CI)."""

import io
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from livingwell.core.backups import Manifest, audit_digest, files_restore, files_take, restore_differences, table_counts
from livingwell.core.files import file_keep, file_read
from livingwell.core.refusals import Refused

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


def test_the_files_kept_go_into_the_backup_and_come_back(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "before"
    names = [file_keep("receipts", b"%PDF-1.4 one"), file_keep("subject-access", b"two")]
    archive = tmp_path / "files.tar"
    digests = files_take(archive)
    assert sorted(digests) == sorted(names)
    settings.MEDIA_ROOT = tmp_path / "after"
    files_restore(archive)
    files_restore(archive)  # again: nothing doubled
    assert [file_read(name) for name in names] == [b"%PDF-1.4 one", b"two"]
    assert len(list((tmp_path / "after" / "receipts").iterdir())) == 1


def test_a_backup_whose_files_reach_outside_is_refused(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "files"
    archive = tmp_path / "evil.tar"
    with tarfile.open(archive, "w") as tar:
        info = tarfile.TarInfo("../../outside.txt")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))
    with pytest.raises(Refused, match="unexpected entry"):
        files_restore(archive)
    assert not (tmp_path / "outside.txt").exists()


@on_postgres
def test_a_file_missing_or_changed_after_a_restore_is_found(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = media = tmp_path / "files"
    kept, changed = file_keep("receipts", b"one"), file_keep("receipts", b"two")
    digests = files_take(tmp_path / "files.tar")
    (media / kept).unlink()
    (media / changed).write_bytes(b"tampered")
    manifest = Manifest("d", "now", table_counts(), audit_digest(), "files.tar", digests)
    found = restore_differences(manifest)
    assert sorted(found) == sorted(
        [f"the file {kept} was not restored", f"the file {changed} differs from the one backed up"]
    )
