"""What every front door page shows: the promises the front door makes."""

from django.conf import settings


def promises() -> dict[str, object]:
    """What the front door promises, from settings, for every page that says it."""
    return {
        "read_when": settings.LW_INTRODUCTIONS_READ,
        "first_call_days": settings.LW_FIRST_CALL_WORKING_DAYS,
        "conversation_days": settings.LW_FIRST_CONVERSATION_DAYS,
        "contact_phone": settings.LW_CONTACT_PHONE,
    }
