"""Quarters of the year, the periods the public figures and the quarterly report are given for: fixed and
never overlapping (January to March, April to June…), so that no two published periods differ by a month
and small numbers cannot be worked out by taking one from another (decision 0031)."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from livingwell.core.months import month_of, months_earlier

SLUG = re.compile(r"^(\d{4})-q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The first day of its last month."""
        return datetime.date(self.year, 3 * self.number, 1)

    @property
    def slug(self) -> str:
        return f"{self.year}-q{self.number}"

    @property
    def label(self) -> str:
        return _("%(first)s to %(last)s") % {
            "first": date_format(self.start, "F"),
            "last": date_format(self.end, "F Y"),
        }

    def previous(self) -> "Quarter":
        return quarter_of(months_earlier(self.start, 3))


def quarter_of(day: datetime.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def quarter_parse(slug: str) -> Quarter | None:
    match = SLUG.match(slug)
    return Quarter(int(match[1]), int(match[2])) if match else None


def quarters_ended(first_month: datetime.date | None, today: datetime.date | None = None) -> list[Quarter]:
    """Every quarter that has ended, from ``first_month``'s, newest first; none without a first month."""
    if first_month is None:
        return []
    last = quarter_of(today or timezone.localdate()).previous()
    quarters = []
    quarter = last
    while quarter >= quarter_of(month_of(first_month)):
        quarters.append(quarter)
        quarter = quarter.previous()
    return quarters
