"""Months counted back and forward from any day, across year ends and short months."""

import datetime

import pytest

from livingwell.core.months import months_between, months_earlier, months_later


@pytest.mark.parametrize(
    ("day", "count", "earlier", "later"),
    [
        (datetime.date(2026, 12, 31), 1, datetime.date(2026, 11, 1), datetime.date(2027, 1, 1)),
        (datetime.date(2026, 1, 31), 2, datetime.date(2025, 11, 1), datetime.date(2026, 3, 1)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 1), datetime.date(2025, 2, 1)),
        (datetime.date(2026, 5, 15), 0, datetime.date(2026, 5, 1), datetime.date(2026, 5, 1)),
    ],
)
def test_months_earlier_and_later_are_first_days(day, count, earlier, later) -> None:
    assert months_earlier(day, count) == earlier
    assert months_later(day, count) == later
    assert len(months_between(earlier, later)) == 2 * count + 1
