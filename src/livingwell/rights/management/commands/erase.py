"""``manage.py erase PERSON_ID --confirmed``: erase one person's record everywhere (``rights.erasure``), as the
"Erase their record" button does, once the data protection officer has checked that the law allows it."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livingwell.core.personal_data import counts_words
from livingwell.core.refusals import Refused
from livingwell.rights.erasure import Reason, person_erase
from livingwell.rights.management.person_arg import person_from_argument


class Command(BaseCommand):
    help = "Erase one person's record in every part of the platform, keeping what must be kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("person_id")
        parser.add_argument(
            "--confirmed", action="store_true", help="the data protection officer has checked the law allows it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["confirmed"]:
            raise CommandError("Add --confirmed once the data protection officer has checked the law allows it.")
        try:
            counts = person_erase(
                actor=None, person_id=person_from_argument(options["person_id"]).pk, reason=Reason.ASKED
            )
        except Refused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(f"Erased: {counts_words(counts)}")
