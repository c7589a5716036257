"""Keeping the counted introductions up to date with the front door's."""

import datetime
import uuid

from django.db import transaction
from django.db.models import Exists, Min, OuterRef
from django.utils import timezone

from livingwell.frontdoor.models import Introduction
from livingwell.insight.counting import counted_dates
from livingwell.insight.models import CountedIntroduction, Route
from livingwell.insight.summaries import months_counted, months_summarise, months_unsummarised

ROUTES: dict[str, str] = {
    Introduction.Route.INFORMATION: Route.INFORMATION,
    Introduction.Route.COMMUNITY: Route.COMMUNITY,
    Introduction.Route.HUB: Route.HUB_SUPPORT,
    Introduction.Route.SECONDARY_CARE: Route.SECONDARY_CARE,
    Introduction.Route.CLOSED: Route.CLOSED,
}


def _day(moment: datetime.datetime | None) -> datetime.date | None:
    """The calendar day of ``moment`` in the borough's time zone."""
    return timezone.localtime(moment).date() if moment is not None else None


def _months_of(introduction_id: uuid.UUID | str) -> set[datetime.date | None]:
    """The months an introduction's counted row is in: the one it arrived in and the one it stopped waiting."""
    rows = CountedIntroduction.objects.filter(introduction_id=introduction_id)
    return {month for pair in rows.values_list("month", "waiting_ended_month") for month in pair}


@transaction.atomic
def counted_introduction_refresh(*, introduction_id: uuid.UUID | str) -> set[datetime.date]:
    """Count the front door's introduction as it stands now (or no longer, if it is gone); returns the months
    it was and is counted in, for its caller to summarise again."""
    months = _months_of(introduction_id)
    _count(introduction_id)
    months |= _months_of(introduction_id)
    return {month for month in months if month is not None}


def _count(introduction_id: uuid.UUID | str) -> None:
    introduction = (
        Introduction.objects.select_related("person", "equality", "first_conversation")
        .annotate(first_attempt_at=Min("contact_attempts__attempted_at"))
        .filter(pk=introduction_id)
        .first()
    )
    if introduction is None:
        CountedIntroduction.objects.filter(introduction_id=introduction_id).delete()
        return
    conversation = getattr(introduction, "first_conversation", None)
    equality = getattr(introduction, "equality", None)
    arrived_on = _day(introduction.created_at)
    assert arrived_on is not None  # noqa: S101 - every introduction has arrived
    values = counted_dates(
        arrived_on=arrived_on,
        first_contact_on=_day(introduction.first_attempt_at),  # type: ignore[attr-defined]
        first_conversation_on=_day(conversation.held_at) if conversation else None,
        routed_on=_day(introduction.routed_at),
    )
    CountedIntroduction.objects.update_or_create(
        introduction=introduction,
        defaults={
            **values,
            "origin": CountedIntroduction.Origin.FRONT_DOOR,
            "reference": introduction.reference,
            "by_self": introduction.for_whom == Introduction.ForWhom.SELF,
            "known_before": introduction.linked_to_someone_known,
            "route": ROUTES.get(introduction.route, ""),
            "neighbourhood_id": introduction.neighbourhood_id,
            "age_band": equality.age_band if equality else "",
            "gender": equality.gender if equality else "",
            "ethnic_group": equality.ethnic_group if equality else "",
        },
    )


def counted_introductions_refresh(*, missing_only: bool = False) -> int:
    """Count the front door's introductions afresh (or only those not counted yet), and summarise every
    month again (or only those not summarised yet); returns how many introductions. For a new deployment
    of this app, and after anything that changed introductions behind the models."""
    introductions = Introduction.objects.all()
    if missing_only:
        introductions = introductions.exclude(Exists(CountedIntroduction.objects.filter(introduction=OuterRef("pk"))))
    ids = list(introductions.values_list("pk", flat=True))
    months: set[datetime.date] = set()
    for introduction_id in ids:
        months |= counted_introduction_refresh(introduction_id=introduction_id)
    months_summarise(months | (months_unsummarised() if missing_only else months_counted()))
    return len(ids)
