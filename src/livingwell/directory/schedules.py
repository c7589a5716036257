"""Opening times: RFC 5545 recurrence rules, said in plain words and checked against a moment."""

import datetime
import functools
import re
from typing import Protocol

from dateutil import rrule
from django.db.models import Q
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


@functools.lru_cache(maxsize=512)
def _parse_byday(byday: str) -> tuple[tuple[int | None, str], ...]:
    """The valid days in an RFC 5545 BYDAY list, as (ordinal or None, day code); the rest are ignored."""
    parsed = []
    for part in byday.split(","):
        match = BYDAY.match(part.strip().upper())
        if match:
            parsed.append((int(match.group(1)) if match.group(1) else None, match.group(2)))
    return tuple(parsed)


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


class OpeningTimes(Protocol):
    """What deciding "open at" needs: a Schedule, or a row of just these fields."""

    valid_from: datetime.date | None
    valid_to: datetime.date | None
    dtstart: datetime.date | None
    freq: str
    interval: int
    byday: str
    bymonthday: str
    opens_at: datetime.time | None
    closes_at: datetime.time | None


# The fields above, to fetch rows of only these.
OPENING_FIELDS = tuple(OpeningTimes.__annotations__)


def _rule(schedule: OpeningTimes, day: datetime.date) -> rrule.rrule | None:
    """The schedule's rule, started close to ``day`` when that gives the same occurrences.

    A weekly rule started a whole number of its periods later keeps its days and rhythm; a monthly
    rule that names its days does not depend on its start. Either starts shortly before ``day``
    rather than iterating the years since it began.
    """
    if not schedule.freq:
        return None
    interval = max(1, schedule.interval)
    parts = [f"FREQ={schedule.freq}", f"INTERVAL={interval}"]
    days = _parse_byday(schedule.byday)
    if days:
        parts.append("BYDAY=" + ",".join(f"{ordinal or ''}{code}" for ordinal, code in days))
    month_days = schedule.bymonthday if re.fullmatch(r"-?\d+(,-?\d+)*", schedule.bymonthday) else ""
    if month_days:
        parts.append(f"BYMONTHDAY={month_days}")
    start = schedule.dtstart or schedule.valid_from or EPOCH
    if schedule.freq == Schedule.Frequency.WEEKLY and day > start:
        periods = (day - start).days // (7 * interval)
        start += datetime.timedelta(weeks=max(0, periods - 1) * interval)
    elif schedule.freq == Schedule.Frequency.MONTHLY and interval == 1 and (days or month_days):
        start = max(start, day.replace(day=1) - datetime.timedelta(days=7))
    try:
        return rrule.rrulestr(";".join(parts), dtstart=datetime.datetime.combine(start, datetime.time()))
    except ValueError:
        return None


def _weekly_days_only(schedule: OpeningTimes, day: datetime.date) -> set[str] | None:
    """The days of a plain weekly rule ("every Monday and Thursday") that has started by ``day``.

    Such a rule is open on exactly those days, so no recurrence needs working out. None for any
    other rule.
    """
    if schedule.freq != Schedule.Frequency.WEEKLY or schedule.interval > 1 or schedule.bymonthday:
        return None
    if schedule.dtstart is not None and schedule.dtstart > day:
        return None
    days = _parse_byday(schedule.byday)
    if not days or any(ordinal is not None for ordinal, _code in days):
        return None
    return {code for _ordinal, code in days}


def _occurs_on(schedule: OpeningTimes, day: datetime.date) -> bool:
    rule = _rule(schedule, day)
    if rule is None:
        return False
    occurrence = rule.after(datetime.datetime.combine(day, datetime.time()), inc=True)
    return occurrence is not None and occurrence.date() == day


def schedule_is_open_at(schedule: OpeningTimes, moment: datetime.datetime | None = None) -> bool:
    """True when ``moment`` (local time; now by default) falls in one of the schedule's sessions."""
    return open_at_local(schedule, timezone.localtime(moment or timezone.now()))


def open_at_local(schedule: OpeningTimes, local: datetime.datetime) -> bool:
    """``schedule_is_open_at`` for a moment already in local time, to check many schedules at once."""
    day = local.date()
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    if schedule.opens_at is None or schedule.closes_at is None:
        return False
    if not schedule.opens_at <= local.time().replace(tzinfo=None) < schedule.closes_at:
        return False
    weekly_days = _weekly_days_only(schedule, day)
    if weekly_days is not None:
        return DAY_CODES[day.weekday()] in weekly_days
    return _occurs_on(schedule, day)


def may_be_open_at(moment: datetime.datetime) -> Q:
    """The schedules that could be open at ``moment``, as a database filter.

    Every schedule it leaves out is closed then; ``schedule_is_open_at`` decides the rest.
    """
    local = timezone.localtime(moment)
    day, time = local.date(), local.time().replace(tzinfo=None)
    return (
        Q(opens_at__lte=time, closes_at__gt=time)
        & ~Q(freq="")
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=day))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    )
