"""What the front door promises, on every page that says it and in the confirmation it sends."""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

# The default of LW_INTRODUCTIONS_READ, marked so that each language's file carries it: a deployment that
# keeps the default has it said in every language; one that writes its own has its own words, as written.
READ_WHEN_DEFAULT = gettext_noop(
    "Monday to Friday, 9am to 5pm, except bank holidays. Nobody reads them at night or at weekends."
)


def promises() -> dict[str, object]:
    """What the front door promises, from settings, in the language being written."""
    return {
        "read_when": gettext(settings.LW_INTRODUCTIONS_READ),
        "first_call_days": settings.LW_FIRST_CALL_WORKING_DAYS,
        "conversation_days": settings.LW_FIRST_CONVERSATION_DAYS,
        "contact_phone": settings.LW_CONTACT_PHONE,
    }
