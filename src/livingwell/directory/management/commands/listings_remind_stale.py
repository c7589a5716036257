"""Queue emails to organisations whose listings need checking. Run it daily, for example from cron."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingwell.directory.tasks import stale_listings_remind


class Command(BaseCommand):
    help = "Queue a task that emails organisations whose listings have not been checked lately."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--site-url", required=True, help="The public address, like https://livingwell.example")

    def handle(self, *args: Any, site_url: str, **options: Any) -> None:
        result = stale_listings_remind.enqueue(site_url=site_url)
        self.stdout.write(f"Queued the reminder task {result.id}.")
