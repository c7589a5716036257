from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingwell.insight.management.commands._report import report_print
from livingwell.insight.population import population_load_file


class Command(BaseCommand):
    help = "Load the borough's population by group from a CSV (see insight/population.py for the columns)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        report_print(self, population_load_file(options["file"]), "Population groups")
