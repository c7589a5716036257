"""A task worker as deployed (``livingwell-worker@.service`` and ``livingwell-alerts@.service``, decisions 0075
and 0076): django-tasks-db's ``db_worker``, which first puts back in the queue what this worker was doing when
it last stopped, then lowers its own priority to ``--nice``, then takes tasks.

Its unit starts it ahead of the web servers (``Nice=-5``), so that a worker started again during a burst of
people is taking tasks within seconds: a start of Django at the web servers' priority took 16 to 22 seconds
under 20 to 50 people, and a worker was two of them (the recovery step, then itself at ``Nice=10``). Once
started, a worker works at 10 by default, below the web servers, as decision 0068 chose; the alerts worker at 0,
level with them.
"""

import logging
import os
from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorker

from livingwell.core.tasks import tasks_recover

logger = logging.getLogger(__name__)

# Below the web servers: when both want a processor, a page someone is waiting for comes first (decision 0068).
WORKING_NICE = 10


class Command(DbWorker):
    help = "Put back what this worker left running, lower its priority to --nice, and take tasks."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--nice", type=int, default=WORKING_NICE, help="the priority to work at, once started")

    def handle(self, *args: Any, **options: Any) -> None:
        nice = options.pop("nice")
        recovered = tasks_recover(worker=options["worker_id"])
        logger.info("Tasks this worker left running put back in the queue: %d", recovered)
        # Only ever lower: a worker started below the web servers already stays below them.
        os.setpriority(os.PRIO_PROCESS, 0, max(nice, os.getpriority(os.PRIO_PROCESS, 0)))
        super().handle(*args, **options)
