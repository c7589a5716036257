"""Load demo data for a fictional place. Safe to run again: it updates what is there.

Prints what each app loaded, and the demo sign-ins with fresh backup codes for every staff account.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from livingwell.core.demo import demo_load_all


class Command(BaseCommand):
    help = "Load demo data for the fictional borough of Kingsmere, and print the demo sign-ins."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("\n".join(demo_load_all()))
