"""Make sure housekeeping runs: tasks stuck by a stopped worker go back in the queue, old sessions go.

Run it once when a deployment starts (``./lw demo`` does); after that the task queues its own next run.
"""

from typing import Any

from django.core.management.base import BaseCommand

from livingwell.core.tasks import housekeeping_schedule


class Command(BaseCommand):
    help = "Queue housekeeping (every five minutes) unless it is already queued."

    def handle(self, *args: Any, **options: Any) -> None:
        queued = housekeeping_schedule()
        self.stdout.write("Housekeeping queued." if queued else "Housekeeping was already queued.")
