from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingwell.core.backups import backup_take
from livingwell.core.refusals import Refused


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and the files kept (receipts, exports) with a manifest to check them by."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", default="var/backups", help="the folder to write the backup into")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_take(Path(options["to"]))
        except Refused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"Backed up: {manifest} (and the dump and the files beside it)")
