"""Check every text that is published for plain words (decision 0061): listings, stories, minutes, decisions,
agendas and the quarterly report, as the public reads them. Each with something to suggest is listed with its
reading age; nothing is changed. Its authors see the same suggestions in their forms."""

from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand

from livingwell.collaborative import selectors as collaborative
from livingwell.collaborative.models import AgendaItem, Decision, Minutes
from livingwell.core import plain_words
from livingwell.directory.models import Service
from livingwell.directory.services import WORDED_FIELDS
from livingwell.insight.models import QuarterlyReport
from livingwell.voice.stories import stories_published


def published_texts() -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each published text as ``(what it is, the texts published together in it)``."""
    for service in Service.objects.published_by_us().only("pk", *WORDED_FIELDS).order_by("name", "pk"):
        yield f"listing {service.pk}", tuple(str(getattr(service, field)) for field in WORDED_FIELDS)
    for story in stories_published().only("pk", "title", "approved_text"):
        yield f"story {story.pk}", (story.title, story.approved_text)
    for minutes in Minutes.objects.filter(status=Minutes.Status.PUBLISHED).select_related("meeting"):
        yield f"minutes {minutes.pk}", (collaborative.minutes_public_version(minutes)[0],)
    for decision in Decision.objects.only("pk", "what", "out_explanation").order_by("pk"):
        yield f"decision {decision.pk}", (decision.what, decision.out_explanation)
    items = AgendaItem.objects.filter(meeting__agenda_published_at__isnull=False).order_by("meeting_id", "position")
    for item in items.only("pk", "title"):
        yield f"agenda item {item.pk}", (item.title,)
    for report in QuarterlyReport.objects.filter(status=QuarterlyReport.Status.PUBLISHED).only("pk", "introduction"):
        yield f"quarterly report {report.pk}", (report.introduction,)


class Command(BaseCommand):
    help = "List the published texts with plainer words to suggest, and their reading ages."

    def handle(self, *args: Any, **options: Any) -> None:
        words = plain_words.glossary()
        checked = suggested = 0
        for what, texts in published_texts():
            checked += 1
            reading = plain_words.read_texts(*texts, words=words)
            if not reading.suggestions and not reading.above_aimed_age:
                continue
            suggested += 1
            age = "too short to say" if reading.reading_age is None else f"{reading.reading_age:.0f}"
            self.stdout.write(f"{what} (reading age {age}):")
            for suggestion in reading.suggestions:
                self.stdout.write(f"  - {suggestion.advice}")
        self.stdout.write(f"{checked} published texts checked; {suggested} with something to suggest.")
