"""Searching the directory. One results contract, whatever the filters and whatever the database."""

import datetime
from collections.abc import Collection
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.directory.fulltext import by_relevance, each_matching, fulltext_filter
from livingwell.directory.models import (
    Accessibility,
    Attribute,
    CostOption,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from livingwell.directory.postcodes import Point, bounding_box, within
from livingwell.directory.schedules import OPENING_FIELDS, may_be_open_at, open_at_local

DEFAULT_MILES = 5.0

# Accessibility features people filter by, and the words that describe them in listings.
ACCESS_FEATURES: dict[str, tuple[str, ...]] = {
    "step-free": ("step-free", "wheelchair", "level access", "ramp"),
    "hearing-loop": ("hearing loop", "induction loop"),
    "accessible-toilet": ("accessible toilet",),
    "bsl": ("british sign language", "bsl"),
    "quiet-space": ("quiet room", "quiet space"),
}


@dataclass(frozen=True)
class DirectoryQuery:
    text: str = ""
    category: str = ""
    kind: str = ""
    near: Point | None = None
    miles: float = DEFAULT_MILES
    open_at: datetime.datetime | None = None
    free: bool = False
    language: str = ""
    access: tuple[str, ...] = ()


@dataclass
class DirectoryResult:
    service: Service
    distance_miles: float | None = None

    @property
    def place(self) -> str:
        """Where it happens, in a few words: the first place, and how many more."""
        locations = [sal.location for sal in self.service.service_at_locations.all()]
        if not locations:
            return ""
        summary = location_summary(locations[0])
        if len(locations) > 1:
            summary = _("%(place)s, and %(count)s more places") % {"place": summary, "count": len(locations) - 1}
        return summary


@dataclass
class DirectoryResults:
    results: list[DirectoryResult]
    total: int
    page_number: int
    page_count: int


def _in_category(category: str, service: str = "pk") -> Exists:
    """Rows whose listing (``service``) is in ``category``.

    The category's terms come first (a tiny query), so each listing is checked on the attribute index alone.
    """
    term_ids = list(TaxonomyTerm.objects.filter(code=category).values_list("pk", flat=True))
    return Exists(Attribute.objects.filter(service=OuterRef(service), taxonomy_term_id__in=term_ids))


def _filtered(query: DirectoryQuery, *, text: bool = True, category: bool = True) -> QuerySet[Service]:
    services: QuerySet[Service] = Service.objects.published()
    if text and query.text:
        services = fulltext_filter(services, query.text)
    if category and query.category:
        services = services.filter(_in_category(query.category))
    if query.kind:
        services = services.filter(kind=query.kind)
    if query.free:
        services = services.filter(
            Q(fees_description__istartswith="free")
            | Exists(CostOption.objects.filter(service=OuterRef("pk"), amount=0))
        )
    if query.language:
        services = services.filter(Exists(Language.objects.filter(service=OuterRef("pk"), name=query.language)))
    for feature in query.access:
        words = Q()
        for word in ACCESS_FEATURES.get(feature, ()):
            words |= Q(description__icontains=word) | Q(details__icontains=word)
        accessible_locations = Accessibility.objects.filter(words).values("location_id")
        services = services.filter(
            Exists(ServiceAtLocation.objects.filter(service=OuterRef("pk"), location_id__in=accessible_locations))
        )
    return services


def _distances(query: DirectoryQuery, near: Point) -> dict[UUID, float]:
    """The distance to each matching service's nearest location within ``query.miles`` of ``near``.

    The places in the box come first, from the position index, kept only when their listing is in
    the category; then only those few listings are checked against the other filters and the text.
    Left to themselves, both databases would start from the text match, which for a common word is
    most of the directory.
    """
    south, north, west, east = bounding_box(near, query.miles)
    in_box = ServiceAtLocation.objects.filter(
        location__latitude__range=(south, north), location__longitude__range=(west, east)
    )
    if query.category:
        in_box = in_box.filter(_in_category(query.category, "service_id"))
    rows = list(in_box.values_list("service_id", "location__latitude", "location__longitude"))
    nearby = {service_id for service_id, _latitude, _longitude in rows}
    matching = _filtered(query, text=False, category=False).filter(pk__among=nearby)
    if query.text:
        matching = each_matching(matching, query.text)
    matching_ids = set(matching.order_by().values_list("pk", flat=True)) if nearby else set()
    nearest: dict[UUID, float] = {}
    for distance, service_id in within(near, query.miles, [row for row in rows if row[0] in matching_ids]):
        nearest.setdefault(service_id, distance)  # nearest first
    return nearest


def _open_at(services: QuerySet[Service] | Collection[UUID], moment: datetime.datetime) -> set[UUID]:
    """Which of ``services`` (a query, or a few ids) are open at ``moment``.

    The database rules out most schedules; Python decides the rest.
    """
    if isinstance(services, QuerySet):
        of_own, places = Q(service__in=services), ServiceAtLocation.objects.filter(service__in=services)
    else:
        of_own, places = Q(service_id__among=services), ServiceAtLocation.objects.filter(service_id__among=services)
    # The places first, so that their schedules are found through the index.
    of_places = Q(service_at_location__in=places.values("pk"))
    may_be_open = Schedule.objects.filter(may_be_open_at(moment))
    # Two simple queries rather than one OR across a join (or a UNION, run in parallel), which databases
    # plan badly for a few rows.
    own = may_be_open.filter(of_own).annotate(of_service=F("service_id"))
    at_places = may_be_open.filter(of_places).annotate(of_service=F("service_at_location__service_id"))
    local = timezone.localtime(moment)
    return {
        row.of_service
        for schedules in (own, at_places)
        for row in schedules.values_list(*OPENING_FIELDS, "of_service", named=True)
        if open_at_local(row, local)
    }


def for_cards(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a result card shows, in a fixed number of queries."""
    return services.select_related("organization", "source").prefetch_related(
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related("location__addresses"),
        ),
    )


def directory_search(query: DirectoryQuery, *, page_number: int = 1, per_page: int = 20) -> DirectoryResults:
    """Services matching ``query``: nearest first when near a point, otherwise by name."""
    distances: dict[UUID, float] = {}
    if query.near is not None:
        # Distance first: it narrows the most, so "open now" checks the fewest schedules.
        distances = _distances(query, query.near)
        if query.open_at is not None:
            open_ids = _open_at(list(distances), query.open_at)
            distances = {service_id: miles for service_id, miles in distances.items() if service_id in open_ids}
        ordered_ids = sorted(distances, key=lambda service_id: (distances[service_id], str(service_id)))
        total = len(ordered_ids)
    else:
        services = _filtered(query)
        if query.open_at is not None:
            services = services.filter(pk__in=_open_at(services, query.open_at))
        total = services.count()
    page_count = max(1, -(-total // per_page))
    page_number = min(max(1, page_number), page_count)
    start = (page_number - 1) * per_page
    if query.near is not None:
        page_ids = ordered_ids[start : start + per_page]
        by_id = {service.pk: service for service in for_cards(Service.objects.filter(pk__in=page_ids))}
        page = [by_id[service_id] for service_id in page_ids]
    else:
        ordered = by_relevance(services, query.text) if query.text else services.order_by("name", "id")
        page = list(for_cards(ordered)[start : start + per_page])
    return DirectoryResults(
        results=[DirectoryResult(service, distances.get(service.pk)) for service in page],
        total=total,
        page_number=page_number,
        page_count=page_count,
    )


def languages_offered() -> list[str]:
    """Languages that published services offer, for the filter."""
    return list(
        Language.objects.filter(service__in=Service.objects.published())
        .exclude(name="")
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()
    )


def location_summary(location: Location) -> str:
    address = next(iter(location.addresses.all()), None)
    if address is None:
        return location.name
    return ", ".join(part for part in (location.name, address.address_1, address.postal_code) if part)


def services_to_choose(text: str, *, posted: list[str], chosen: Collection[UUID] = ()) -> QuerySet[Service]:
    """The published services a worker may tick on a form: those their search found, those already chosen,
    and those just posted (so that a form redrawn with an error keeps them). Bad ids are ignored: the form
    then says the choice is not offered."""
    found = directory_search(DirectoryQuery(text=text), per_page=20).results if text.strip() else []
    posted_ids = []
    for value in posted:
        try:
            posted_ids.append(UUID(value))
        except ValueError:
            continue
    return (
        Service.objects.published()
        .filter(Q(pk__in=[result.service.pk for result in found]) | Q(pk__in=list(chosen)) | Q(pk__in=posted_ids))
        .order_by("name", "id")
    )
