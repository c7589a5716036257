"""Full-text search over listings: a weighted tsvector on PostgreSQL, an FTS5 table on SQLite.

Both weight the name above the description, stem English words, and are kept up to date by the
database itself (a generated column; triggers), so bulk imports are searchable at once.
"""

from django.db import migrations

POSTGRESQL = [
    """
    ALTER TABLE directory_service ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(name, '')), 'A')
        || setweight(to_tsvector('english', coalesce(description, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX directory_service_search_document ON directory_service USING GIN (search_document)",
]
POSTGRESQL_REVERSE = ["ALTER TABLE directory_service DROP COLUMN search_document"]

SQLITE = [
    """
    CREATE VIRTUAL TABLE directory_service_fts USING fts5(
        service_id UNINDEXED, name, description, tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER directory_service_fts_insert AFTER INSERT ON directory_service BEGIN
        INSERT INTO directory_service_fts (service_id, name, description)
        VALUES (new.id, new.name, new.description);
    END
    """,
    """
    CREATE TRIGGER directory_service_fts_update AFTER UPDATE OF name, description ON directory_service BEGIN
        DELETE FROM directory_service_fts WHERE service_id = old.id;
        INSERT INTO directory_service_fts (service_id, name, description)
        VALUES (new.id, new.name, new.description);
    END
    """,
    """
    CREATE TRIGGER directory_service_fts_delete AFTER DELETE ON directory_service BEGIN
        DELETE FROM directory_service_fts WHERE service_id = old.id;
    END
    """,
    "INSERT INTO directory_service_fts (service_id, name, description) SELECT id, name, description FROM directory_service",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS directory_service_fts_insert",
    "DROP TRIGGER IF EXISTS directory_service_fts_update",
    "DROP TRIGGER IF EXISTS directory_service_fts_delete",
    "DROP TABLE IF EXISTS directory_service_fts",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_listing_change")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
