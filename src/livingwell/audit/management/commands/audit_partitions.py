"""Keep the audit table's months ready, and archive the old ones (``audit/partitions.py``, decision 0056).

Run as the owner of the tables: the migrate unit runs it at each deployment, and ``livingwell-audit.timer``
once a month between them. On SQLite (the demo) there is nothing to do.

    manage.py audit_partitions                 months made a year ahead; months before the online ones archived
    manage.py audit_partitions --no-archive    only make the months ahead
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from livingwell.audit import partitions
from livingwell.core.months import months_earlier


class Command(BaseCommand):
    help = "Make the audit table's months a year ahead, and archive months older than LW_AUDIT_ONLINE_MONTHS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-archive", dest="archive", action="store_false", help="archive nothing")

    def handle(self, *args: Any, archive: bool, **options: Any) -> None:
        if not partitions.partitioned(connection):
            self.stdout.write("The audit table is not partitioned here (SQLite): nothing to do.")
            return
        today = timezone.localdate()
        with transaction.atomic(), connection.cursor() as cursor:
            made = partitions.partitions_ensure(cursor, today)
            archived: list[str] = []
            if archive and settings.LW_AUDIT_ONLINE_MONTHS:
                before = months_earlier(today, settings.LW_AUDIT_ONLINE_MONTHS)
                archived = partitions.partitions_archive(cursor, before)
        self.stdout.write(f"Months made: {', '.join(made) or 'none needed'}.")
        self.stdout.write(f"Months archived: {', '.join(archived) or 'none'}.")
