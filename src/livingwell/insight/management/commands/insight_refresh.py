from typing import Any

from django.core.management.base import BaseCommand

from livingwell.insight.services import counted_introductions_refresh


class Command(BaseCommand):
    help = (
        "Count every front door introduction afresh and summarise every month again "
        "(the task worker keeps them up to date as they change)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Counted {counted_introductions_refresh()} introductions and summarised their months.")
