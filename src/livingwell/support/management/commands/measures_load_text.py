"""Load an outcome measure's item wording, such as the licensed SWEMWBS text a deployment has registered for.

    manage.py measures_load_text swemwbs items.json

The file is a JSON list of the items' wording, in order, one for every item; the scoring stays as it is.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from livingwell.support.models import Instrument


class Command(BaseCommand):
    help = "Load an outcome measure's item wording from a JSON list, one string an item, in order."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="the measure's code, such as swemwbs")
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        instrument = Instrument.objects.filter(code=options["code"]).first()
        if instrument is None:
            raise CommandError(f"No measure with the code {options['code']!r}.")
        try:
            wording = json.loads(options["file"].read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not read {options['file']}: {error}") from error
        items = list(instrument.items.order_by("number"))
        if not isinstance(wording, list) or not all(isinstance(text, str) and text.strip() for text in wording):
            raise CommandError("The file must be a JSON list of non-empty strings.")
        if len(wording) != len(items):
            raise CommandError(f"{instrument.name} has {len(items)} items; the file has {len(wording)}.")
        with transaction.atomic():
            for item, text in zip(items, wording, strict=True):
                item.text = text.strip()
                item.save(update_fields=["text"])
            instrument.text_is_placeholder = False
            instrument.save(update_fields=["text_is_placeholder"])
        self.stdout.write(f"Loaded the wording of {len(items)} items of {instrument.name}.")
