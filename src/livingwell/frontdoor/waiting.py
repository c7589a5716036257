"""The waiting clock: how long an introduction has waited, against the front door's promises."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from livingwell.frontdoor.models import Introduction


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


def first_contact_wait(introduction: Introduction) -> datetime.timedelta | None:
    """From the introduction arriving to the Hub's first try at reaching the person."""
    attempts = [attempt.attempted_at for attempt in introduction.contact_attempts.all()]
    return min(attempts) - introduction.created_at if attempts else None


def first_conversation_wait(introduction: Introduction) -> datetime.timedelta | None:
    """From the introduction arriving to the first proper conversation."""
    conversation = getattr(introduction, "first_conversation", None)
    return conversation.held_at - introduction.created_at if conversation is not None else None


def wait_in_words(wait: datetime.timedelta | None) -> str:
    if wait is None:
        return ""
    hours = max(0, int(wait.total_seconds() // 3600))
    days, hours = divmod(hours, 24)
    if days:
        return ngettext("%(days)d day", "%(days)d days", days) % {"days": days} + (
            ngettext(", %(hours)d hour", ", %(hours)d hours", hours) % {"hours": hours} if hours else ""
        )
    return ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours} if hours else _("under an hour")
