import datetime
import zoneinfo

import pytest

from livingwell.directory.models import Schedule
from livingwell.directory.schedules import schedule_in_words, schedule_is_open_at, time_in_words

LONDON = zoneinfo.ZoneInfo("Europe/London")


def _schedule(**fields: object) -> Schedule:
    return Schedule(**{"freq": "WEEKLY", "interval": 1, **fields})


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (datetime.time(9), "9am"),
        (datetime.time(17, 30), "5:30pm"),
        (datetime.time(12), "midday"),
        (datetime.time(0), "midnight"),
        (datetime.time(12, 15), "12:15pm"),
    ],
)
def test_time_in_words(value: datetime.time, words: str) -> None:
    assert time_in_words(value) == words


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (
            {"byday": "MO,TU,WE,TH,FR", "opens_at": datetime.time(9), "closes_at": datetime.time(17)},
            "Monday to Friday, 9am to 5pm",
        ),
        (
            {"byday": "MO,WE,FR", "opens_at": datetime.time(10), "closes_at": datetime.time(12)},
            "Monday, Wednesday and Friday, 10am to midday",
        ),
        ({"byday": "SA,SU"}, "Saturday and Sunday"),
        ({"byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": datetime.time(8)}, "Every day, from 8am"),
        (
            {"freq": "MONTHLY", "byday": "2TH", "opens_at": datetime.time(8), "closes_at": datetime.time(10)},
            "Second Thursday of the month, 8am to 10am",
        ),
        ({"freq": "MONTHLY", "byday": "-1FR"}, "Last Friday of the month"),
        ({"byday": "TU", "interval": 2}, "Tuesday, every 2 weeks"),
        ({"freq": "", "description": "By appointment"}, "By appointment"),
        ({"byday": "nonsense"}, "Times vary"),
    ],
)
def test_schedule_in_words(fields: dict, words: str) -> None:
    assert schedule_in_words(_schedule(**fields)) == words


WEEKDAYS = {"byday": "MO,TU,WE,TH,FR", "opens_at": datetime.time(9), "closes_at": datetime.time(17)}


@pytest.mark.parametrize(
    ("fields", "moment", "is_open"),
    [
        (WEEKDAYS, datetime.datetime(2026, 11, 23, 10, tzinfo=LONDON), True),  # a Monday
        (WEEKDAYS, datetime.datetime(2026, 11, 23, 17, tzinfo=LONDON), False),  # closing time
        (WEEKDAYS, datetime.datetime(2026, 11, 23, 8, 59, tzinfo=LONDON), False),
        (WEEKDAYS, datetime.datetime(2026, 11, 22, 10, tzinfo=LONDON), False),  # a Sunday
        (
            {**WEEKDAYS, "valid_to": datetime.date(2026, 11, 1)},
            datetime.datetime(2026, 11, 23, 10, tzinfo=LONDON),
            False,
        ),
        (
            {"freq": "MONTHLY", "byday": "2TH", "opens_at": datetime.time(8), "closes_at": datetime.time(10)},
            datetime.datetime(2026, 11, 12, 9, tzinfo=LONDON),
            True,
        ),
        (
            {"freq": "MONTHLY", "byday": "2TH", "opens_at": datetime.time(8), "closes_at": datetime.time(10)},
            datetime.datetime(2026, 11, 19, 9, tzinfo=LONDON),
            False,
        ),
        ({"byday": "MO"}, datetime.datetime(2026, 11, 23, 10, tzinfo=LONDON), False),  # no times
        (
            {"freq": "", "opens_at": datetime.time(9), "closes_at": datetime.time(17)},
            datetime.datetime(2026, 11, 23, 10, tzinfo=LONDON),
            False,
        ),
    ],
)
def test_schedule_is_open_at(fields: dict, moment: datetime.datetime, is_open: bool) -> None:
    assert schedule_is_open_at(_schedule(**fields), moment) is is_open


def test_a_weekly_rule_without_days_repeats_on_its_first_date_weekday() -> None:
    wednesdays = _schedule(dtstart=datetime.date(2024, 1, 3), opens_at=datetime.time(9), closes_at=datetime.time(17))
    opening = [
        schedule_is_open_at(wednesdays, datetime.datetime(2026, 11, day, 10, tzinfo=LONDON)) for day in range(23, 30)
    ]
    assert opening == [False, False, True, False, False, False, False]  # Monday 23rd to Sunday 29th


@pytest.mark.parametrize(
    "fields",
    [
        {"byday": "MO,WE,FR"},
        {"byday": "sa, su"},
        {"byday": "TU", "interval": 2, "dtstart": datetime.date(2026, 1, 6)},
        {"byday": "TH", "dtstart": datetime.date(2026, 11, 26)},
        {"byday": "2TH", "freq": "MONTHLY"},
        {"byday": "-1FR", "freq": "MONTHLY"},
        {"bymonthday": "1,15", "freq": "MONTHLY"},
        {"byday": "MO,nonsense"},
        {"byday": "", "dtstart": datetime.date(2025, 2, 14)},
    ],
)
def test_plain_weekly_rules_are_decided_without_working_out_the_recurrence(fields: dict) -> None:
    """The shortcut for "every Monday and Friday" agrees with the full RFC 5545 recurrence."""
    from livingwell.directory.schedules import _occurs_on

    schedule = _schedule(opens_at=datetime.time(0), closes_at=datetime.time(23, 59), **fields)
    for offset in range(0, 70):
        moment = datetime.datetime(2026, 11, 1, 12, tzinfo=LONDON) + datetime.timedelta(days=offset)
        assert schedule_is_open_at(schedule, moment) is _occurs_on(schedule, moment.date()), (fields, moment)
