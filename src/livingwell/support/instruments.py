"""The outcome measures Living Well ships, as data (``../shared/standards/outcome-measures.md``).

SWEMWBS's scoring and conversion table ship; its item wording is licensed, so the items here are marked
placeholders until a deployment loads its own (``manage.py measures_load_text``). ONS4 and DIALOG are
free to ship whole. No meaningful-change threshold is guessed: a deployment sets one per score in the
admin, and until then the change is shown without a judgement.
"""

from typing import Any

from django.utils.translation import gettext, gettext_noop

# What each measure is, in plain words for the person filling it in (no acronyms), and its scores as they
# read them. Scores not named here (SWEMWBS's raw sum) are for their guide only. Our words, not the
# questionnaires' own licensed ones, so they are read in the person's language (``words_for_the_person``).
FOR_THE_PERSON: dict[str, dict[str, str]] = {
    "swemwbs": {
        "name": gettext_noop("How you have been feeling"),
        "about": gettext_noop(
            "Seven questions about your feelings and thoughts over the last two weeks (the Short "
            "Warwick-Edinburgh Mental Wellbeing Scale)."
        ),
        "metric": gettext_noop("Your wellbeing score, from 7 to 35: higher is better"),
    },
    "ons4": {
        "name": gettext_noop("Your wellbeing in four questions"),
        "about": gettext_noop(
            "How satisfied you are with your life, and whether what you do feels worthwhile. How happy and "
            "how anxious you felt yesterday. The Office for National Statistics asks these questions across the UK."
        ),
        "life_satisfaction": gettext_noop("Satisfied with life (0 to 10)"),
        "worthwhile": gettext_noop("What you do feels worthwhile (0 to 10)"),
        "happy": gettext_noop("Happy yesterday (0 to 10)"),
        "anxious": gettext_noop("Anxious yesterday (0 to 10: lower is better)"),
    },
    "dialog": {
        "name": gettext_noop("Your life and your support"),
        "about": gettext_noop(
            "How satisfied you are with eight parts of your life and three parts of your support. And "
            "whether you would like more help with any of them."
        ),
        "life": gettext_noop("Satisfied with your life, on average (1 to 7)"),
        "treatment": gettext_noop("Satisfied with your support, on average (1 to 7)"),
    },
}


def words_for_the_person(code: str, key: str, default: str = "") -> str:
    """``FOR_THE_PERSON``'s ``key`` for the measure ``code``, in the reader's language (``default`` if none)."""
    words = FOR_THE_PERSON.get(code, {}).get(key)
    return gettext(words) if words else default


def name_for_the_person(code: str, name: str) -> str:
    """What the person reading their own results calls the measure ``code`` (``name`` if none is set)."""
    return words_for_the_person(code, "name", name)


SWEMWBS_CONVERSION = {
    7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84,
    16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73, 24: 21.54,
    25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.70,
    34: 32.55, 35: 35.00,
}  # fmt: skip
SWEMWBS_OPTIONS = [
    [1, "None of the time"],
    [2, "Rarely"],
    [3, "Some of the time"],
    [4, "Often"],
    [5, "All of the time"],
]
ONS4_OPTIONS = [
    [value, "Not at all" if value == 0 else "Completely" if value == 10 else str(value)] for value in range(11)
]
ONS4_BANDS = [[0, 4, "Low"], [5, 6, "Medium"], [7, 8, "High"], [9, 10, "Very high"]]
DIALOG_OPTIONS = [
    [1, "Totally dissatisfied"],
    [2, "Very dissatisfied"],
    [3, "Fairly dissatisfied"],
    [4, "In the middle"],
    [5, "Fairly satisfied"],
    [6, "Very satisfied"],
    [7, "Totally satisfied"],
]
DIALOG_DOMAINS = [
    ("life", "mental health"),
    ("life", "physical health"),
    ("life", "job situation"),
    ("life", "accommodation"),
    ("life", "leisure activities"),
    ("life", "relationship with your partner or family"),
    ("life", "friendships"),
    ("life", "personal safety"),
    ("treatment", "medication"),
    ("treatment", "practical help you receive"),
    ("treatment", "meetings with mental health professionals"),
]

INSTRUMENTS: list[dict[str, Any]] = [
    {
        "code": "swemwbs",
        "name": "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
        "scoring": "converted_sum",
        "conversion": {str(raw): metric for raw, metric in SWEMWBS_CONVERSION.items()},
        "scores": {
            "metric": {"label": "Wellbeing score (7 to 35)", "bands": [], "higher_is_better": True},
            "raw": {"label": "Score before conversion (7 to 35)", "bands": [], "higher_is_better": True},
        },
        "licence_note": (
            "SWEMWBS is © University of Warwick and NHS Health Scotland. Registration is needed; public bodies "
            "and charities may use it free but may not republish the item wording, which each deployment "
            "loads itself."
        ),
        "text_is_placeholder": True,
        "asks_more_help": False,
        "items": [
            {"key": "wellbeing", "text": f"SWEMWBS item {number} (placeholder: load the licensed wording)"}
            for number in range(1, 8)
        ],
        "options": SWEMWBS_OPTIONS,
    },
    {
        "code": "ons4",
        "name": "Office for National Statistics personal wellbeing (ONS4)",
        "scoring": "separate",
        "conversion": {},
        "scores": {
            "life_satisfaction": {"label": "Life satisfaction", "bands": ONS4_BANDS, "higher_is_better": True},
            "worthwhile": {"label": "Things I do are worthwhile", "bands": ONS4_BANDS, "higher_is_better": True},
            "happy": {"label": "Happy yesterday", "bands": ONS4_BANDS, "higher_is_better": True},
            "anxious": {
                "label": "Anxious yesterday",
                "bands": [[0, 1, "Very low"], [2, 3, "Low"], [4, 5, "Medium"], [6, 10, "High"]],
                "higher_is_better": False,
            },
        },
        "licence_note": "Free to use. The Office for National Statistics asks to be told it is being used.",
        "text_is_placeholder": False,
        "asks_more_help": False,
        "items": [
            {"key": "life_satisfaction", "text": "Overall, how satisfied are you with your life nowadays?"},
            {
                "key": "worthwhile",
                "text": "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
            },
            {"key": "happy", "text": "Overall, how happy did you feel yesterday?"},
            {"key": "anxious", "text": "Overall, how anxious did you feel yesterday?"},
        ],
        "options": ONS4_OPTIONS,
    },
    {
        "code": "dialog",
        "name": "DIALOG (how satisfied people are with their life and support)",
        "scoring": "group_means",
        "conversion": {},
        "scores": {
            "life": {
                "label": "Quality of life (mean of 8 life domains, 1 to 7)",
                "bands": [],
                "higher_is_better": True,
            },
            "treatment": {
                "label": "Treatment satisfaction (mean of 3, 1 to 7)",
                "bands": [],
                "higher_is_better": True,
            },
        },
        "licence_note": "Publicly available.",
        "text_is_placeholder": False,
        "asks_more_help": True,
        "items": [
            {"key": group, "text": f"How satisfied are you with your {topic}?"} for group, topic in DIALOG_DOMAINS
        ],
        "options": DIALOG_OPTIONS,
    },
]


def instruments_load(instrument_model: Any, item_model: Any) -> None:
    """Create or refresh the shipped instruments (models passed in, so a migration can call it too).

    Item wording a deployment has loaded is kept, and so are the meaningful-change thresholds it set.
    """
    shipped = ["name", "scoring", "conversion", "scores", "licence_note", "asks_more_help"]
    for definition in INSTRUMENTS:
        values = {name: definition[name] for name in shipped}
        instrument, created = instrument_model.objects.get_or_create(
            code=definition["code"], defaults={**values, "text_is_placeholder": definition["text_is_placeholder"]}
        )
        if not created:
            instrument_model.objects.filter(pk=instrument.pk).update(**values)
        # Shipped wording is refreshed; a placeholder is replaced only while no real wording is loaded.
        refresh_text = not definition["text_is_placeholder"] or instrument.text_is_placeholder
        for number, item in enumerate(definition["items"], start=1):
            existing = item_model.objects.filter(instrument=instrument, number=number).first()
            if existing is None:
                item_model.objects.create(
                    instrument=instrument,
                    number=number,
                    key=item["key"],
                    text=item["text"],
                    options=definition["options"],
                )
                continue
            existing.key, existing.options = item["key"], definition["options"]
            if refresh_text:
                existing.text = item["text"]
            existing.save()
