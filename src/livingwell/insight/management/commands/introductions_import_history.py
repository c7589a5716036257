from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingwell.insight.history import history_import_file
from livingwell.insight.management.commands._report import report_print


class Command(BaseCommand):
    help = "Bring in past introductions from a CSV (see insight/history.py for the columns) to count in the figures."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        report_print(self, history_import_file(options["file"]), "Past introductions")
