"""Work done once a month (or a day), from the housekeeping that runs every few minutes on whichever worker
takes it (decision 0050). ``first_this(name, period)`` says whether this is the first run of ``name`` in this
period, and records it, once among however many workers ask at the same moment."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from livingwell.core.models import PeriodicRun


def this_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


def this_hour() -> str:
    return timezone.localtime().strftime("%Y-%m-%dT%H")


def today() -> str:
    return timezone.localdate().isoformat()


def first_this(name: str, period: str) -> bool:
    """True for the first caller of ``name`` in ``period`` (such as ``this_month()``), False for the rest."""
    try:
        with transaction.atomic():
            PeriodicRun.objects.create(name=name, period=period)
    except IntegrityError:
        return False
    return True
