"""Small-number suppression: figures for analysts and commissioners are aggregates, and a count small
enough to point at someone is not shown (DESIGN.md §3). So is any figure worked out from such a count."""

from decimal import Decimal

from django.utils.translation import gettext as _

SMALL_NUMBER = 5


def suppressed(count: int, suppress: bool) -> bool:
    """Whether ``count`` is too small to show, when figures are suppressed at all. Nought is shown."""
    return suppress and 0 < count < SMALL_NUMBER


def count_shown(count: int, suppress: bool) -> str:
    if suppressed(count, suppress):
        return str(_("fewer than %(limit)s") % {"limit": SMALL_NUMBER})
    return f"{count:,}"


def money_per_person_shown(amount: Decimal | None, people: int, suppress: bool) -> str:
    """An amount per person, suppressed with the count of people it comes from: with it and the total, a
    small group's money could be worked out."""
    if amount is None:
        return str(_("No spending"))
    if suppressed(people, suppress):
        return str(_("not shown: fewer than %(limit)s people") % {"limit": SMALL_NUMBER})
    return f"£{amount:,.2f}"
