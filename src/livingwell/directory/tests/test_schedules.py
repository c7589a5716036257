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
