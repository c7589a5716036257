"""``manage.py retention_apply``: apply the retention rules now (the worker does it each night)."""

from typing import Any

from django.core.management.base import BaseCommand

from livingwell.core.personal_data import counts_words
from livingwell.rights.models import RetentionRun
from livingwell.rights.retention import retention_apply


class Command(BaseCommand):
    help = "Apply the retention rules now, once for today, and say what was cleared."

    def handle(self, *args: Any, **options: Any) -> None:
        retention_apply.call()
        run = RetentionRun.objects.order_by("-day").first()
        counts = run.counts if run is not None else {}
        self.stdout.write(f"Retention: {counts_words(counts)}")
