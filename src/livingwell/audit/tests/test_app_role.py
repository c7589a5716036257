"""On PostgreSQL, the application's own role cannot alter the audit trail: not by UPDATE or DELETE, not by
TRUNCATE, not by disabling the trigger first, and not through a month's partition or the archive."""

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def app_connection():
    if connection.vendor != "postgresql":
        pytest.skip("the application's own role is for PostgreSQL")
    call_command("db_app_role", "lw_app_test", verbosity=0)
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        dbname=settings["NAME"],
        user="lw_app_test",
        autocommit=True,
    ) as app:
        yield app


def _refused(app, sql: str) -> str:
    with pytest.raises(psycopg.Error) as refused:
        app.execute(sql)
    return str(refused.value)


def test_the_application_role_can_write_the_audit_trail_but_never_change_it(app_connection) -> None:
    app = app_connection
    app.execute(
        "INSERT INTO audit_auditevent (at, action, record_type, record_id, request_id, detail)"
        " VALUES (now(), 'read', 'people.person', '1', '', '')"
    )
    assert app.execute("SELECT count(*) FROM audit_auditevent").fetchone()[0] >= 1
    assert "permission denied" in _refused(app, "UPDATE audit_auditevent SET detail = 'x'")
    assert "permission denied" in _refused(app, "DELETE FROM audit_auditevent")
    assert "permission denied" in _refused(app, "TRUNCATE audit_auditevent")
    assert "must be owner" in _refused(app, "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL")
    # Nor by reaching a month's partition, or the archive, round the audit table (audit/partitions.py).
    month = app.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'audit_auditevent'::regclass LIMIT 1"
    ).fetchone()[0]
    assert "permission denied" in _refused(app, f"DELETE FROM audit_partitions.{month}")  # noqa: S608
    assert "permission denied" in _refused(app, f"TRUNCATE audit_partitions.{month}")
    assert "must be owner" in _refused(app, "ALTER TABLE audit_auditevent DETACH PARTITION audit_partitions." + month)
    assert "permission denied" in _refused(app, "DELETE FROM audit_archivedauditevent")
    app.execute("SELECT count(*) FROM audit_archivedauditevent")  # read for a subject access request
    # It can still do its ordinary work on other tables.
    app.execute("SELECT count(*) FROM people_person")
    app.execute("UPDATE core_neighbourhood SET name = name")


def test_on_sqlite_the_command_says_it_is_for_postgresql() -> None:
    if connection.vendor == "postgresql":
        pytest.skip("the SQLite answer")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="for PostgreSQL"):
        call_command("db_app_role", "lw_app")
