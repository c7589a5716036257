"""Turning an introduction's dates into what the figures count: its month, its waits in whole days, and
the month it stopped waiting. Shared by the front door's introductions and the history brought in."""

import datetime
from typing import Any

from livingwell.core.months import month_of


def counted_dates(
    *,
    arrived_on: datetime.date,
    first_contact_on: datetime.date | None,
    first_conversation_on: datetime.date | None,
    routed_on: datetime.date | None,
) -> dict[str, Any]:
    """The dated fields of a ``CountedIntroduction``. Waits are whole calendar days; an introduction
    stops waiting at its first contact attempt or its route, whichever came first."""
    ended = min((day for day in (first_contact_on, routed_on) if day is not None), default=None)
    return {
        "arrived_on": arrived_on,
        "month": month_of(arrived_on),
        "first_contact_on": first_contact_on,
        "first_conversation_on": first_conversation_on,
        "routed_on": routed_on,
        "waiting_ended_month": month_of(ended) if ended else None,
        "days_to_first_contact": (first_contact_on - arrived_on).days if first_contact_on else None,
        "days_to_first_conversation": (first_conversation_on - arrived_on).days if first_conversation_on else None,
    }


def month_parse(text: str) -> datetime.date:
    """The first day of the month written as ``YYYY-MM``; ``ValueError`` for anything else."""
    try:
        if len(text) != 7 or text[4] != "-":
            raise ValueError(text)
        return datetime.date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a month as YYYY-MM") from None
