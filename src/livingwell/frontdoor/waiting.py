"""The waiting clock: how long an introduction has waited, against the front door's promises."""

import datetime

from django.conf import settings
from django.utils import timezone


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Whole working days (Monday to Friday) after ``start`` up to and including ``end``."""
    days = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


def first_call_overdue(introduced_at: datetime.datetime, now: datetime.datetime | None = None) -> bool:
    """True when the first-call target (``LW_FIRST_CALL_WORKING_DAYS``) has passed."""
    now = timezone.localtime(now or timezone.now())
    introduced = timezone.localtime(introduced_at)
    return working_days_between(introduced.date(), now.date()) > settings.LW_FIRST_CALL_WORKING_DAYS
