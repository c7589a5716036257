"""The directory's share of the workers' housekeeping (``core.tasks.housekeeping``, every five minutes):
once a month, the editors of listings not checked lately are reminded (``stale_listings_remind``); once an
hour, each neighbouring directory's feed is fetched (``neighbour_fetch_task``, decision 0063)."""

from livingwell.core.periodic import first_this, this_hour, this_month
from livingwell.directory.models import Neighbour
from livingwell.directory.tasks import neighbour_fetch_task, stale_listings_remind


def directory_housekeeping() -> None:
    if first_this("directory.stale_listings_remind", this_month()):
        stale_listings_remind.enqueue()
    for neighbour_id in Neighbour.objects.values_list("pk", flat=True):
        if first_this(f"directory.neighbour_fetch.{neighbour_id}", this_hour()):
            neighbour_fetch_task.enqueue(str(neighbour_id))
