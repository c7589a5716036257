"""The glossary the plain-words check starts with (decision 0061): the words DESIGN.md says not to use, with
the ones we use instead, common public-service jargon from GOV.UK's style guide with its plainer choices, and
the acronyms everyone knows. People keep it from here in the admin."""

from django.db import migrations

JARGON = {
    # DESIGN.md §2: say / not.
    "patient": "person",
    "client": "person",
    "service user": "person, or someone who uses services",
    "referral": "introduction",
    "self-referral": "introduce yourself",
    "triage": "reading what comes in and deciding who helps first",
    "case manager": "personal guide",
    "care plan": "plan",
    "onward referral": "onward introduction",
    "lay member": "Expert by Experience",
    # GOV.UK's style guide, words to avoid, and its plainer choices.
    "additional": "more, or extra",
    "approximately": "about",
    "assistance": "help",
    "commence": "start",
    "empower": "help, or let",
    "going forward": "from now on",
    "in order to": "to",
    "initiate": "start",
    "leverage": "use",
    "prior to": "before",
    "regarding": "about",
    "robust": "strong",
    "signpost": "tell someone about, or point someone to",
    "stakeholder": "the people involved",
    "streamline": "simplify",
    "sufficient": "enough",
    "utilise": "use",
    # Health and care services' own words.
    "eligibility criteria": "who it is for",
    "holistic": "about your whole life",
    "intervention": "support",
    "multi-agency": "several organisations working together",
    "cohort": "group",
    "quorate": "with enough members there to decide",
    "raw score": "score",
    "metric score": "score",
}
KNOWN = ["NHS", "UK", "GP", "OK", "PDF"]


def seed(apps, schema_editor):
    PlainWord = apps.get_model("core", "PlainWord")
    PlainWord.objects.bulk_create(
        [PlainWord(words=words, kind="jargon", instead=instead) for words, instead in JARGON.items()]
        + [PlainWord(words=words, kind="known") for words in KNOWN],
        ignore_conflicts=True,
    )


def unseed(apps, schema_editor):
    apps.get_model("core", "PlainWord").objects.filter(words__in=[*JARGON, *KNOWN]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0009_plain_words")]
    operations = [migrations.RunPython(seed, unseed)]
