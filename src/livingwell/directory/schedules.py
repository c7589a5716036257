"""Opening times: RFC 5545 recurrence rules, said in plain words and checked against a moment."""

import datetime
import re

from dateutil import rrule
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.directory.models import Schedule

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Rules with no start date start here, so that "every other week" has a fixed rhythm.
EPOCH = datetime.date(2000, 1, 3)
BYDAY = re.compile(r"^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$")


def _day_names() -> dict[str, str]:
    return {
        "MO": _("Monday"),
        "TU": _("Tuesday"),
        "WE": _("Wednesday"),
        "TH": _("Thursday"),
        "FR": _("Friday"),
        "SA": _("Saturday"),
        "SU": _("Sunday"),
    }


def _ordinals() -> dict[int, str]:
    return {1: _("First"), 2: _("Second"), 3: _("Third"), 4: _("Fourth"), -1: _("Last")}


def time_in_words(value: datetime.time) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if value.hour == 12 and value.minute == 0:
        return _("midday")
    if value.hour == 0 and value.minute == 0:
        return _("midnight")
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{suffix}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _weekly_days(codes: list[str]) -> str:
    names = _day_names()
    indexes = sorted(DAY_CODES.index(code) for code in codes)
    if len(indexes) == 7:
        return _("Every day")
    if len(indexes) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return _("%(first)s to %(last)s") % {
            "first": names[DAY_CODES[indexes[0]]],
            "last": names[DAY_CODES[indexes[-1]]],
        }
    return _join([names[DAY_CODES[index]] for index in indexes])


def _parse_byday(byday: str) -> list[tuple[int | None, str]]:
    parsed = []
    for part in byday.split(","):
        match = BYDAY.match(part.strip().upper())
        if match:
            parsed.append((int(match.group(1)) if match.group(1) else None, match.group(2)))
    return parsed


def schedule_in_words(schedule: Schedule) -> str:
    """Say when something is open, like "Monday to Friday, 9am to 5pm"."""
    if schedule.description and not schedule.freq:
        return schedule.description
    days = _parse_byday(schedule.byday)
    if schedule.freq == Schedule.Frequency.MONTHLY and days and days[0][0] is not None:
        ordinal, code = days[0]
        when = _("%(ordinal)s %(day)s of the month") % {
            "ordinal": _ordinals().get(ordinal or 0, str(ordinal)),
            "day": _day_names()[code],
        }
    elif schedule.freq == Schedule.Frequency.MONTHLY and schedule.bymonthday:
        when = _("Every month on day %(days)s") % {"days": schedule.bymonthday}
    elif days:
        when = _weekly_days([code for _ordinal, code in days])
        if schedule.interval > 1:
            when = _("%(days)s, every %(n)s weeks") % {"days": when, "n": schedule.interval}
    else:
        when = schedule.description or _("Times vary")
    if schedule.opens_at and schedule.closes_at:
        return _("%(when)s, %(opens)s to %(closes)s") % {
            "when": when,
            "opens": time_in_words(schedule.opens_at),
            "closes": time_in_words(schedule.closes_at),
        }
    if schedule.opens_at:
        return _("%(when)s, from %(opens)s") % {"when": when, "opens": time_in_words(schedule.opens_at)}
    return when


def _rule(schedule: Schedule, day: datetime.date) -> rrule.rrule | None:
    """The schedule's rule, started close to ``day`` when that gives the same occurrences.

    A rule that repeats every week or every month has the same occurrences on ``day`` whether it
    started years ago or a month ago, so it starts a month ago rather than iterating the years.
    """
    if not schedule.freq:
        return None
    parts = [f"FREQ={schedule.freq}", f"INTERVAL={max(1, schedule.interval)}"]
    days = _parse_byday(schedule.byday)
    if days:
        parts.append("BYDAY=" + ",".join(f"{ordinal or ''}{code}" for ordinal, code in days))
    if schedule.bymonthday and re.fullmatch(r"-?\d+(,-?\d+)*", schedule.bymonthday):
        parts.append(f"BYMONTHDAY={schedule.bymonthday}")
    start = schedule.dtstart or schedule.valid_from or EPOCH
    if schedule.interval <= 1:
        start = max(start, day.replace(day=1) - datetime.timedelta(days=7))
    try:
        return rrule.rrulestr(";".join(parts), dtstart=datetime.datetime.combine(start, datetime.time()))
    except ValueError:
        return None


def schedule_is_open_at(schedule: Schedule, moment: datetime.datetime | None = None) -> bool:
    """True when ``moment`` (local time; now by default) falls in one of the schedule's sessions."""
    local = timezone.localtime(moment or timezone.now())
    day = local.date()
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    if schedule.opens_at is None or schedule.closes_at is None:
        return False
    if not schedule.opens_at <= local.time().replace(tzinfo=None) < schedule.closes_at:
        return False
    rule = _rule(schedule, day)
    if rule is None:
        return False
    occurrence = rule.after(datetime.datetime.combine(day, datetime.time()), inc=True)
    return occurrence is not None and occurrence.date() == day
