"""Import Open Referral UK data: a JSON file, an ORUK API address, or a CSV datapackage folder."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingwell.directory.importer import (
    ImportReport,
    import_csv_datapackage,
    import_json_feed,
    import_json_file,
)


class Command(BaseCommand):
    help = "Import ORUK services, upserting by id. Bad records are reported and skipped; the rest are imported."

    def add_arguments(self, parser: CommandParser) -> None:
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--json", type=Path, help="an ORUK JSON file: a service, a page of them, or a list")
        source.add_argument("--url", help="the base address of an ORUK API, such as https://example.org/api/oruk")
        source.add_argument("--csv", type=Path, help="a folder holding an ORUK CSV datapackage")

    def handle(self, *args: Any, json: Path | None, url: str | None, csv: Path | None, **options: Any) -> None:
        if json is not None:
            if not json.is_file():
                raise CommandError(f"No file at {json}")
            report = import_json_file(json)
        elif csv is not None:
            if not csv.is_dir():
                raise CommandError(f"No folder at {csv}")
            report = import_csv_datapackage(csv)
        else:
            report = import_json_feed(str(url))
        self._print(report)
        if report.problems:
            raise CommandError(f"{len(report.problems)} records were not imported; see above.")

    def _print(self, report: ImportReport) -> None:
        self.stdout.write(
            f"Imported {report.imported} services: {report.created} new, {report.updated} changed, "
            f"{report.unchanged} unchanged."
        )
        for problem in report.problems:
            self.stdout.write(f"Not imported: {problem.record}: {problem.reason}")
