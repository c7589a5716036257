"""Make each language's message file ready to ship and compile it (decision 0062), without GNU gettext.

Run it after ``django-admin makemessages`` (which does need gettext) and after translating: it fills the
header each file needs (its language, its plural rule, and whether a fluent speaker has checked it, which
stays "awaiting review" until a reviewer writes who and when), and writes the compiled ``django.mo`` the
platform reads. ``core/tests/test_languages.py`` fails when a compiled file is older than its source.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from livingwell.core.languages import AWAITING_REVIEW

# Plural rules, as gettext writes them, for the languages whose files gettext leaves without one.
PLURALS = {
    "so": "nplurals=2; plural=(n != 1);",
    "bn": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
}


class Command(BaseCommand):
    help = "Fill each message file's header and compile it to django.mo."

    def handle(self, *args: Any, **options: Any) -> None:
        import polib  # a development tool: not installed in production

        for folder in settings.LOCALE_PATHS:
            for path in sorted(Path(folder).glob("*/LC_MESSAGES/django.po")):
                code = path.parent.parent.name.replace("_", "-").lower()
                source = polib.pofile(str(path), wrapwidth=120)
                source.metadata["Project-Id-Version"] = "Living Well"
                source.metadata["Language"] = code
                source.metadata.setdefault("X-Review-Status", AWAITING_REVIEW)
                if code in PLURALS and "INTEGER" in source.metadata.get("Plural-Forms", "INTEGER"):
                    source.metadata["Plural-Forms"] = PLURALS[code]
                source.metadata_is_fuzzy = False
                source.save()
                source.save_as_mofile(str(path.with_suffix(".mo")))
                self.stdout.write(f"{code}: {source.percent_translated()}% of all messages translated")
