"""The directory's share of the workers' housekeeping (``core.tasks.housekeeping``, every five minutes):
once a month, the editors of listings not checked lately are reminded (``stale_listings_remind``)."""

from livingwell.core.periodic import first_this, this_month
from livingwell.directory.tasks import stale_listings_remind


def directory_housekeeping() -> None:
    if first_this("directory.stale_listings_remind", this_month()):
        stale_listings_remind.enqueue()
