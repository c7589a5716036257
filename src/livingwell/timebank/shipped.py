"""What the time bank ships with: a code of conduct and first-meeting guidance to start from, and the categories
members asked for (TimeOverflow's banks list skills by category). It is data: the coordinator's administrator
changes it in the admin. Loaded by migration 0002."""

from typing import Any

# The one row of the Bank table.
BANK_ID = 1

CODE_OF_CONDUCT = """Everyone's hour is worth the same, whatever they do.
Hours are never money. They cannot be bought, sold or paid out, so they do not affect benefits.
Be kind, be on time, and say early if you cannot come.
Keep what you learn about another member to yourself.
Say no to anything you are not comfortable with. You never have to give a reason.
Nothing you do through the time bank replaces a professional, such as a doctor, a carer or an electrician.
Tell the coordinator if anything worries you."""

FIRST_MEETING = """Meet somewhere public the first time, such as a café, a library or a community centre.
Tell someone you trust where you are going and when you expect to be back.
Keep money, bank cards and medicines out of any exchange.
Do not share more about yourself than you want to. Your address can wait.
You can stop an exchange at any time. Tell the coordinator if something did not feel right."""

CATEGORIES = [
    ("shopping", "Shopping and errands"),
    ("gardening", "Gardening"),
    ("befriending", "Befriending and company"),
    ("lifts", "Lifts"),
    ("skills", "Skills and teaching"),
    ("language", "Language practice"),
    ("it-help", "Computers and phones"),
    ("home", "Around the home"),
    ("cooking", "Cooking and food"),
    ("arts", "Arts, crafts and music"),
    ("paperwork", "Letters and forms"),
    ("other", "Something else"),
]


def bank_load(bank_model: Any, category_model: Any) -> None:
    """Make the bank's row and the categories that are missing; nothing already there changes."""
    bank_model.objects.get_or_create(
        pk=BANK_ID,
        defaults={
            "name": "Time bank",
            "code_of_conduct": CODE_OF_CONDUCT,
            "first_meeting": FIRST_MEETING,
            "inactive_days": 90,
            "confirm_days": 14,
        },
    )
    for position, (slug, name) in enumerate(CATEGORIES):
        category_model.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
