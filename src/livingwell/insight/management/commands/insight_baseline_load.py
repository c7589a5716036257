from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingwell.insight.baseline import baseline_load_file
from livingwell.insight.management.commands._report import report_print


class Command(BaseCommand):
    help = "Load the monthly figures from before the network from a CSV (see insight/baseline.py for the columns)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        report_print(self, baseline_load_file(options["file"]), "Baseline months")
