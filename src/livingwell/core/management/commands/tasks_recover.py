"""Put back in the queue the tasks a stopped worker left running (``core.tasks.tasks_recover``).

The worker's unit runs it with the worker's own id before the worker starts, so that what a killed worker was
doing is done again at once (a send it had begun is sent again, with the same Message-ID). Without ``--worker``
it puts back the tasks running for longer than ``LW_TASK_STUCK_MINUTES``, as housekeeping does.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from livingwell.core.tasks import tasks_recover


class Command(BaseCommand):
    help = "Put back in the queue the tasks a stopped worker left running."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--worker", default="", help="the id of the worker starting again (db_worker --worker-id)")

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = tasks_recover(worker=options["worker"])
        self.stdout.write(f"{recovered} task(s) put back in the queue.")
