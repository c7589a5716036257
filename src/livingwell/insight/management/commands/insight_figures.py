import datetime
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingwell.insight.counting import month_parse
from livingwell.insight.selectors import figures_for


def _month(name: str, text: str) -> datetime.date:
    try:
        return month_parse(text)
    except ValueError:
        raise CommandError(f"{name} must be a month as YYYY-MM, such as 2025-01") from None


class Command(BaseCommand):
    help = "Print the figures for each month of a period (as JSON with --json), for a deployment's own returns."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM")
        parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = _month("--from", options["start"]), _month("--to", options["end"])
        if end < start:
            raise CommandError("--to must not be before --from")
        figures = figures_for(start, end)
        if options["json"]:
            self.stdout.write(json.dumps(figures.as_json(), indent=1))
            return
        self.stdout.write("month    introductions  secondary care  median days to contact  still waiting")
        for month in figures.months:
            median = month.days_to_first_contact.median
            self.stdout.write(
                f"{month.month:%Y-%m}  {month.introductions:>13}  {month.routes['secondary_care']:>14}  "
                f"{'-' if median is None else median:>22}  {month.still_waiting:>13}"
            )
