"""SQLite full-text search keyed by row number, so a few listings can be checked without the whole match.

FTS5 finds a row by its rowid quickly, but not by any other column. A small table gives each
listing a permanent row number (its own INTEGER PRIMARY KEY, which VACUUM never changes), and the
FTS5 row carries the same number. "Which of these 300 listings mention 'choir'?" is then 300
lookups instead of listing every match in the directory. PostgreSQL needs nothing: its tsvector
lives on the listing's own row.
"""

from django.db import migrations

SQLITE = [
    "DROP TRIGGER IF EXISTS directory_service_fts_insert",
    "DROP TRIGGER IF EXISTS directory_service_fts_update",
    "DROP TRIGGER IF EXISTS directory_service_fts_delete",
    "DROP TABLE IF EXISTS directory_service_fts",
    """
    CREATE TABLE directory_service_fts_row (
        row INTEGER PRIMARY KEY,
        service_id char(32) NOT NULL UNIQUE
    )
    """,
    """
    CREATE VIRTUAL TABLE directory_service_fts USING fts5(
        name, description, tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER directory_service_fts_insert AFTER INSERT ON directory_service BEGIN
        INSERT INTO directory_service_fts_row (service_id) VALUES (new.id);
        INSERT INTO directory_service_fts (rowid, name, description) VALUES (
            (SELECT row FROM directory_service_fts_row WHERE service_id = new.id), new.name, new.description
        );
    END
    """,
    """
    CREATE TRIGGER directory_service_fts_update AFTER UPDATE OF name, description ON directory_service BEGIN
        DELETE FROM directory_service_fts
        WHERE rowid = (SELECT row FROM directory_service_fts_row WHERE service_id = old.id);
        INSERT INTO directory_service_fts (rowid, name, description) VALUES (
            (SELECT row FROM directory_service_fts_row WHERE service_id = new.id), new.name, new.description
        );
    END
    """,
    """
    CREATE TRIGGER directory_service_fts_delete AFTER DELETE ON directory_service BEGIN
        DELETE FROM directory_service_fts
        WHERE rowid = (SELECT row FROM directory_service_fts_row WHERE service_id = old.id);
        DELETE FROM directory_service_fts_row WHERE service_id = old.id;
    END
    """,
    "INSERT INTO directory_service_fts_row (service_id) SELECT id FROM directory_service",
    """
    INSERT INTO directory_service_fts (rowid, name, description)
    SELECT r.row, s.name, s.description
    FROM directory_service s JOIN directory_service_fts_row r ON r.service_id = s.id
    """,
    "INSERT INTO directory_service_fts (directory_service_fts) VALUES ('optimize')",
]
# Back to migration 0006's table, keyed by a service_id column.
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS directory_service_fts_insert",
    "DROP TRIGGER IF EXISTS directory_service_fts_update",
    "DROP TRIGGER IF EXISTS directory_service_fts_delete",
    "DROP TABLE IF EXISTS directory_service_fts",
    "DROP TABLE IF EXISTS directory_service_fts_row",
]


def _run(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        for sql in statements:
            schema_editor.execute(sql, params=None)

    return run


def _restore_0006(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    from importlib import import_module

    previous = import_module("livingwell.directory.migrations.0006_full_text_search")
    for sql in SQLITE_REVERSE + previous.SQLITE:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("directory", "0010_service_public_order")]

    operations = [migrations.RunPython(_run(SQLITE), _restore_0006)]
