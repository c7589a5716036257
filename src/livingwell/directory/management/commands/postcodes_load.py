"""Load postcode centres from an ONSPD-style CSV (columns pcds or pcd, lat, long)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingwell.directory.postcodes import postcodes_load_file


class Command(BaseCommand):
    help = "Load postcode centres from an ONSPD-style CSV file, so postcode searches stay on this server."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        report = postcodes_load_file(path)
        self.stdout.write(f"Loaded {report.loaded} postcodes; skipped {report.skipped} rows without a valid one.")
