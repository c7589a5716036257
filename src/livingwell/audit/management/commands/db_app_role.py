"""Give the application its own PostgreSQL role, which cannot alter the audit trail.

Migrations run as the owner of the tables. The application runs as this role: it may read and write the
other tables, but the audit table only INSERT and SELECT. Not the owner, it cannot TRUNCATE the audit
table, disable its trigger or alter it; and the trigger refuses UPDATE and DELETE from anyone.

    manage.py db_app_role lw_app        # as the owner, after migrate; then run the app as lw_app
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

AUDIT_TABLE = "audit_auditevent"
# Archived months of the audit trail, read through this view (audit/partitions.py): reading only.
ARCHIVED_VIEW = "audit_archivedauditevent"


class Command(BaseCommand):
    help = "Create (or bring up to date) the application's PostgreSQL role, with only INSERT and SELECT on audit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="the role the application connects as, such as lw_app")

    def handle(self, *args: Any, role: str, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The application's own role is for PostgreSQL; SQLite is the local demo only.")
        if not role.isidentifier():
            raise CommandError("A role name is letters, digits and underscores.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE')
            cursor.execute("SELECT current_database()")
            (database,) = cursor.fetchone()
            for statement in (
                f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"',
                f'GRANT USAGE ON SCHEMA public TO "{role}"',
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"',
                f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
                f'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{role}"',
                f'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "{role}"',
                f'REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {AUDIT_TABLE} FROM "{role}"',
                f'REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {ARCHIVED_VIEW} FROM "{role}"',
            ):
                cursor.execute(statement)
        self.stdout.write(f"{role} may use the tables, and only INSERT and SELECT on {AUDIT_TABLE}.")
