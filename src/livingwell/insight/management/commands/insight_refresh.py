from typing import Any

from django.core.management.base import BaseCommand

from livingwell.insight.services import counted_introductions_refresh
from livingwell.insight.wellbeing import wellbeing_scores_fill


class Command(BaseCommand):
    help = (
        "Count every front door introduction afresh, summarise every month again and keep every wellbeing score "
        "afresh (the task worker keeps them up to date as they change)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Counted {counted_introductions_refresh()} introductions and summarised their months.")
        self.stdout.write(f"Kept {wellbeing_scores_fill(afresh=True)} wellbeing scores.")
