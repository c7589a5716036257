"""The Hub manager's figures: how long people wait, and where introductions go.

Over the introductions that arrived in the last four weeks: the median and 90th-percentile time to the
first contact attempt and to the first conversation, overall and for each neighbourhood, and the share of
routed introductions going to secondary care, the Hub and the community. Aggregates only.

The median is the middle value (the mean of the two middle ones for an even count); the 90th
percentile is the nearest-rank value: the smallest wait that at least 90% of waits are no longer than.
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.frontdoor.models import Introduction

WEEKS = 4


@dataclass
class Waits:
    """Waits for one event (first attempt, first conversation) over a set of introductions."""

    waits: list[datetime.timedelta] = field(default_factory=list)
    still_waiting: int = 0

    @property
    def median(self) -> datetime.timedelta | None:
        if not self.waits:
            return None
        ordered = sorted(self.waits)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    @property
    def p90(self) -> datetime.timedelta | None:
        if not self.waits:
            return None
        ordered = sorted(self.waits)
        return ordered[math.ceil(0.9 * len(ordered)) - 1]


@dataclass
class AreaFigures:
    name: str
    introductions: int = 0
    first_contact: Waits = field(default_factory=Waits)
    first_conversation: Waits = field(default_factory=Waits)


@dataclass
class RouteShare:
    label: str
    count: int
    percent: int


@dataclass
class Figures:
    since: datetime.datetime
    overall: AreaFigures
    areas: list[AreaFigures]
    routes: list[RouteShare]
    routed: int


def _route_group(route: str) -> str:
    if route == Introduction.Route.SECONDARY_CARE:
        return "secondary"
    if route in {Introduction.Route.INFORMATION, Introduction.Route.COMMUNITY}:
        return "community"
    return route


def waiting_figures(now: datetime.datetime | None = None) -> Figures:
    now = now or timezone.now()
    since = now - datetime.timedelta(weeks=WEEKS)
    rows = (
        Introduction.objects.filter(created_at__gte=since, created_at__lte=now)
        .annotate(first_attempt=Min("contact_attempts__attempted_at"))
        .values_list("created_at", "first_attempt", "first_conversation__held_at", "neighbourhood__name", "route")
    )
    overall = AreaFigures(_("All neighbourhoods"))
    by_area: dict[str, AreaFigures] = defaultdict(lambda: AreaFigures(""))
    routes: dict[str, int] = defaultdict(int)
    for created_at, first_attempt, conversation_at, area_name, route in rows:
        area = by_area[area_name or ""]
        area.name = area_name or _("Not given")
        for figures in (overall, area):
            figures.introductions += 1
            for waits, event in ((figures.first_contact, first_attempt), (figures.first_conversation, conversation_at)):
                if event is None:
                    waits.still_waiting += 1
                else:
                    waits.waits.append(max(datetime.timedelta(0), event - created_at))
        if route:
            routes[_route_group(route)] += 1
    routed = sum(routes.values())
    labels = [
        ("secondary", _("Secondary care")),
        ("hub", _("Hub support")),
        ("community", _("Community (information or a network service)")),
        (Introduction.Route.CLOSED, _("Closed")),
    ]
    shares = [
        RouteShare(str(label), routes[key], round(100 * routes[key] / routed) if routed else 0) for key, label in labels
    ]
    areas = sorted(by_area.values(), key=lambda area: (area.name == _("Not given"), area.name))
    return Figures(since=since, overall=overall, areas=areas, routes=shares, routed=routed)
