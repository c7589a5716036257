"""Months, as the figures count them: each month is its first day, in the borough's time zone."""

import datetime

from django.utils import timezone


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def months_earlier(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months before ``month``'s."""
    month = month_of(month)
    for _step in range(count):
        month = month_of(month - datetime.timedelta(days=1))
    return month


def months_later(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after ``month``'s."""
    month = month_of(month)
    for _step in range(count):
        month = month_of(month + datetime.timedelta(days=32))
    return month


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of every month from ``start``'s to ``end``'s, both included."""
    months = []
    month = month_of(start)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The month's first moment and the next month's, in the borough's time zone."""
    following = month_of(month + datetime.timedelta(days=32))
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime(month.year, month.month, 1, tzinfo=zone),
        datetime.datetime(following.year, following.month, 1, tzinfo=zone),
    )


def truncated_month(value: datetime.datetime | datetime.date) -> datetime.date:
    """A month as the database's ``TruncMonth`` gives it (a moment on PostgreSQL when truncating a moment, a
    date otherwise), as the first day of that month in the borough's time zone."""
    if isinstance(value, datetime.datetime):
        return month_of(timezone.localtime(value).date() if timezone.is_aware(value) else value.date())
    return month_of(value)
