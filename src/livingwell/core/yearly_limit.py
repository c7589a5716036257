"""A yearly limit on what someone is paid, so that their benefits stay safe: Experts by Experience paid for
meetings, and peer supporters paid by the session. The year is the tax year, from 6 April. Near the limit
(``LW_PAYMENT_CAP_WARNING_PERCENT`` of it) they and whoever approves are warned; a payment that goes over it
is approved only when they have agreed."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings


def tax_year_start(day: datetime.date) -> datetime.date:
    start = datetime.date(day.year, 4, 6)
    return start if day >= start else datetime.date(day.year - 1, 4, 6)


def tax_year_end(start: datetime.date) -> datetime.date:
    """The first day after the tax year that begins on ``start``."""
    return datetime.date(start.year + 1, 4, 6)


def tax_year_label(start: datetime.date) -> str:
    return f"{start.year}–{str(start.year + 1)[-2:]}"


# Statements go back this many tax years, and no further than the year payments began here.
STATEMENT_YEARS = 6
FIRST_TAX_YEAR = 2020


def tax_year_chosen(asked: str, today: datetime.date) -> datetime.date:
    """The start of the tax year someone asked for (its first calendar year, "2024"); this one when they
    asked for none, or for one that is not a year (nothing asked is ever an error)."""
    if asked.isdigit() and 2000 <= int(asked) <= today.year:
        return datetime.date(int(asked), 4, 6)
    return tax_year_start(today)


def tax_years_to_choose(today: datetime.date) -> list[tuple[int, str]]:
    """The tax years a statement can be asked for, newest first: (first calendar year, the label)."""
    newest = tax_year_start(today).year
    starts = [datetime.date(year, 4, 6) for year in range(newest, FIRST_TAX_YEAR - 1, -1)][:STATEMENT_YEARS]
    return [(start.year, tax_year_label(start)) for start in starts]


def is_near(limit: Decimal | None, amount: Decimal) -> bool:
    return limit is not None and amount >= limit * settings.LW_PAYMENT_CAP_WARNING_PERCENT / 100


@dataclass(frozen=True)
class Cap:
    """Someone's limit for a tax year, what is paid so far, and what it comes to with one more payment."""

    limit: Decimal | None
    paid: Decimal
    after: Decimal  # paid, with this payment if it is approved

    @property
    def near(self) -> bool:
        return is_near(self.limit, self.after)

    @property
    def over(self) -> bool:
        return self.limit is not None and self.after > self.limit

    @property
    def left(self) -> Decimal | None:
        return None if self.limit is None else self.limit - self.after
