"""Queue emails to organisations whose listings need checking. Run it daily, for example from cron."""

from typing import Any

from django.core.management.base import BaseCommand

from livingwell.directory.tasks import stale_listings_remind


class Command(BaseCommand):
    help = "Queue a task that emails organisations whose listings have not been checked lately."

    def handle(self, *args: Any, **options: Any) -> None:
        result = stale_listings_remind.enqueue()
        self.stdout.write(f"Queued the reminder task {result.id}.")
