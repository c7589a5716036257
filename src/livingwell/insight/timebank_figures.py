"""The time bank's figures for insight: members, active members and hours exchanged month by month, and the
share of members who both gave and received, with small numbers suppressed (``core/suppression.py``)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from livingwell.core.suppression import SMALL_NUMBER, Cell, cell, suppressed
from livingwell.timebank.selectors import figures


@dataclass(frozen=True)
class TimeBankMonth:
    month: datetime.date
    members: Cell
    active: Cell
    # Hours, not people: shown unless the members they come from are too few to show.
    hours: str


@dataclass(frozen=True)
class TimeBankFigures:
    months: list[TimeBankMonth]
    active: Cell
    gave_and_received: Cell
    share: str


def _hours(minutes: int, members: int) -> str:
    if suppressed(members, True):
        return str(_("not shown: fewer than %(limit)s members") % {"limit": SMALL_NUMBER})
    return f"{minutes / 60:,.1f}"


def time_bank_figures(first: datetime.date, before: datetime.date) -> TimeBankFigures:
    counted = figures(first, before)
    months = [
        TimeBankMonth(each.month, cell(each.members), cell(each.active), _hours(each.minutes, each.active))
        for each in counted.months
    ]
    both, active = counted.gave_and_received, counted.active
    # A share is worked out from both counts, so it is hidden when either is; so is the count of members who
    # gave and received when the rest of the active members are too few (it would give them away).
    rest = cell(active - both)
    hidden = suppressed(both, True) or suppressed(active, True) or rest.hidden
    share = str(_("not shown")) if hidden else (f"{both / active:.0%}" if active else "—")
    both_cell = cell(both)
    both_cell.hidden |= rest.hidden
    return TimeBankFigures(months=months, active=cell(active), gave_and_received=both_cell, share=share)
