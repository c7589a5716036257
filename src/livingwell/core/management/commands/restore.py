from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingwell.core.backups import restore
from livingwell.core.refusals import Refused


class Command(BaseCommand):
    help = "Restore a backup into this database, which must be new and empty, and check it against its manifest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("manifest", help="the backup's manifest (livingwell-….json)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            differences = restore(Path(options["manifest"]))
        except Refused as refused:
            raise CommandError(str(refused)) from refused
        if differences:
            raise CommandError("The restore differs from the backup:\n" + "\n".join(differences))
        self.stdout.write("Restored, and checked: every table's rows, the audit trail and the files match the backup.")
