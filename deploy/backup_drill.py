"""The backup drill (``./lw backup-drill``; CI runs it): a database with the demo's records is backed up with
``manage.py backup``, restored into a new database with ``manage.py restore``, and the two are compared:
every table's rows, one person's whole record (every row that names them), the audit trail and the files kept
(each restored into a folder of its own).
Exits 1, saying what differs, if anything does."""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from layout import database_drop, database_fresh

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("LW_DRILL_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SOURCE, RESTORED = "livingwell_drill", "livingwell_drill_restored"
FILES = Path(tempfile.mkdtemp(prefix="lw-drill-files-"))


def _manage(database: str, *args: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "livingwell.config.settings"}
    env["DATABASE_URL"] = f"{POSTGRES}/{database}"
    env["LW_FILES_ROOT"] = str(FILES / database)
    run = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"BACKUP DRILL FAILED: manage.py {' '.join(args)}: {run.stderr[-3000:]}")
    return run.stdout


def person_record(database: str, person_id: str) -> dict[str, str]:
    """A digest of every row that names the person, table by table (their own row included)."""
    record = {}
    with psycopg.connect(f"{POSTGRES}/{database}") as connection:
        tables = connection.execute(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = "
            "'person_id' ORDER BY table_name"
        ).fetchall()
        for (table,) in [("people_person",), *tables]:
            column = "id" if table == "people_person" else "person_id"
            rows = connection.execute(
                f'SELECT t::text FROM "{table}" t WHERE {column}::text = %s ORDER BY 1',  # noqa: S608
                [person_id],
            ).fetchall()
            if rows:
                record[table] = hashlib.sha256("\n".join(row for (row,) in rows).encode()).hexdigest()
    return record


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="lw-drill-"))
    try:
        database_fresh(SOURCE, POSTGRES)
        _manage(SOURCE, "migrate", "--noinput")
        _manage(SOURCE, "createcachetable")
        _manage(SOURCE, "demo_load")
        print(_manage(SOURCE, "backup", "--to", str(folder)).strip())
        (manifest,) = folder.glob("*.json")
        database_fresh(RESTORED, POSTGRES)
        print(_manage(RESTORED, "restore", str(manifest)).strip())
        with psycopg.connect(f"{POSTGRES}/{SOURCE}") as connection:
            jo = connection.execute(
                "SELECT id::text FROM people_person WHERE preferred_name = 'Jo' ORDER BY id LIMIT 1"
            ).fetchone()
            if jo is None:
                raise SystemExit("BACKUP DRILL FAILED: the demo has no one called Jo to compare")
            (person_id,) = jo
            tables, rows = connection.execute(
                "SELECT count(*), sum(n_live_tup) FROM pg_stat_user_tables"
            ).fetchone() or (0, 0)
        before, after = person_record(SOURCE, person_id), person_record(RESTORED, person_id)
        if before != after or len(before) < 3:
            raise SystemExit(f"BACKUP DRILL FAILED: Jo's record differs, or is too small: {before} / {after}")
        print(f"Jo's whole record matches: {len(before)} tables ({', '.join(sorted(before))})")
        kept = sorted(path.relative_to(FILES / SOURCE) for path in (FILES / SOURCE).rglob("*") if path.is_file())
        restored = sorted(
            path.relative_to(FILES / RESTORED) for path in (FILES / RESTORED).rglob("*") if path.is_file()
        )
        if not kept or kept != restored:
            raise SystemExit(f"BACKUP DRILL FAILED: the files differ, or there are none: {kept} / {restored}")
        print(f"The files kept match: {len(kept)} ({', '.join(str(path) for path in kept)})")
        print(f"BACKUP DRILL PASSED: {tables} tables, about {rows} rows, restored and checked")
        return 0
    finally:
        database_drop(SOURCE, POSTGRES)
        database_drop(RESTORED, POSTGRES)
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(FILES, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
