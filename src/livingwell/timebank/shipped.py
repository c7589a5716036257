"""What the time bank ships with: a code of conduct and first-meeting guidance to start from, and the categories
members asked for (TimeOverflow's banks list skills by category). It is data: the coordinator's administrator
changes it in the admin. Loaded by migration 0002."""

from typing import Any

from django.utils.translation import gettext_noop

# The one row of the Bank table.
BANK_ID = 1

# Kept in English, one point a line, and read in each reader's language while unchanged (``Bank.conduct``).
CONDUCT_LINES = [
    gettext_noop("Everyone's hour is worth the same, whatever they do."),
    gettext_noop("Hours are never money. They cannot be bought, sold or paid out, so they do not affect benefits."),
    gettext_noop("Be kind, be on time, and say early if you cannot come."),
    gettext_noop("Keep what you learn about another member to yourself."),
    gettext_noop("Say no to anything you are not comfortable with. You never have to give a reason."),
    gettext_noop(
        "Nothing you do through the time bank replaces a professional, such as a doctor, a carer or an electrician."
    ),
    gettext_noop("Tell the coordinator if anything worries you."),
]
CODE_OF_CONDUCT = "\n".join(CONDUCT_LINES)

FIRST_MEETING_LINES = [
    gettext_noop("Meet somewhere public the first time, such as a café, a library or a community centre."),
    gettext_noop("Tell someone you trust where you are going and when you expect to be back."),
    gettext_noop("Keep money, bank cards and medicines out of any exchange."),
    gettext_noop("Do not share more about yourself than you want to. Your address can wait."),
    gettext_noop("You can stop an exchange at any time. Tell the coordinator if something did not feel right."),
]
FIRST_MEETING = "\n".join(FIRST_MEETING_LINES)

CATEGORIES = [
    ("shopping", gettext_noop("Shopping and errands")),
    ("gardening", gettext_noop("Gardening")),
    ("befriending", gettext_noop("Befriending and company")),
    ("lifts", gettext_noop("Lifts")),
    ("skills", gettext_noop("Skills and teaching")),
    ("language", gettext_noop("Language practice")),
    ("it-help", gettext_noop("Computers and phones")),
    ("home", gettext_noop("Around the home")),
    ("cooking", gettext_noop("Cooking and food")),
    ("arts", gettext_noop("Arts, crafts and music")),
    ("paperwork", gettext_noop("Letters and forms")),
    ("other", gettext_noop("Something else")),
]
BANK_NAME = gettext_noop("Time bank")
# What ships in English and is read in the reader's language while the coordinator has not changed it; what
# they write instead is shown as written (core.languages.as_shipped).
SHIPPED_TEXTS = frozenset([*CONDUCT_LINES, *FIRST_MEETING_LINES, *(name for _slug, name in CATEGORIES), BANK_NAME])


def bank_load(bank_model: Any, category_model: Any) -> None:
    """Make the bank's row and the categories that are missing; nothing already there changes."""
    bank_model.objects.get_or_create(
        pk=BANK_ID,
        defaults={
            "name": BANK_NAME,
            "code_of_conduct": CODE_OF_CONDUCT,
            "first_meeting": FIRST_MEETING,
            "inactive_days": 90,
            "confirm_days": 14,
        },
    )
    for position, (slug, name) in enumerate(CATEGORIES):
        category_model.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
