"""The glossary the plain-words check starts with (decision 0061), from ``core/plain_words.py``: the words
DESIGN.md says not to use, GOV.UK's words to avoid with their plainer choices, and the acronyms everyone
knows. People keep it from here in the admin."""

from django.db import migrations

from livingwell.core.plain_words import SHIPPED_JARGON, SHIPPED_KNOWN, glossary_load


def seed(apps, schema_editor):
    glossary_load(apps.get_model("core", "PlainWord"))


def unseed(apps, schema_editor):
    apps.get_model("core", "PlainWord").objects.filter(words__in=[*SHIPPED_JARGON, *SHIPPED_KNOWN]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0009_plain_words")]
    operations = [migrations.RunPython(seed, unseed)]
