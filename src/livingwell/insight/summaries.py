"""Each month's counted introductions and Hub support, summed up as ``MonthCount`` rows that the figures
read (decisions 0023 and 0024).

A month's rows are worked out afresh whenever anything counted in it changes: the task worker does it
soon after counting introductions again (once for all of them, ``insight.tasks``) and right after an episode
of support changes, the history import after each file, and housekeeping for a month that has just begun. A
month is a few grouped queries over its own rows, so a busy borough's month is quick to redo.
"""

import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, IntegerField, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from livingwell.core.months import month_bounds, month_of, months_between
from livingwell.insight.equality_summaries import onward_counts, opened_counts, wait_counts
from livingwell.insight.models import CountedIntroduction, MonthCount, MonthDue, MonthSummarised
from livingwell.insight.outcome_summaries import outcome_counts
from livingwell.insight.pathway_summaries import pathway_counts
from livingwell.support.models import (
    AccommodationMove,
    BudgetAllocation,
    BudgetSpend,
    Episode,
    EpisodeChange,
    Goal,
    LifeCircumstances,
    Measurement,
    OnwardIntroduction,
    OnwardStatusChange,
)

Measure = MonthCount.Measure
# The groups counted by route for the equality figures, and the field of ``CountedIntroduction`` each is.
GROUPED_BY = {
    Measure.AGE_BAND: "age_band",
    Measure.GENDER: "gender",
    Measure.ETHNIC_GROUP: "ethnic_group",
    Measure.NEIGHBOURHOOD: "neighbourhood_id",
}


def _month_counts(month: datetime.date) -> list[MonthCount]:
    arrived = CountedIntroduction.objects.filter(month=month).order_by()
    counts = [
        MonthCount(month=month, measure=Measure.ARRIVED, route=route, by_self=by_self, known_before=known, count=n)
        for route, by_self, known, n in arrived.values_list("route", "by_self", "known_before").annotate(n=Count("*"))
    ]
    for measure, field_name in (
        (Measure.CONTACT_WAIT, "days_to_first_contact"),
        (Measure.CONVERSATION_WAIT, "days_to_first_conversation"),
    ):
        waits = arrived.filter(**{f"{field_name}__isnull": False}).values_list("neighbourhood_id", field_name)
        counts += [
            MonthCount(month=month, measure=measure, neighbourhood_id=area, days=days, count=n)
            for area, days, n in waits.annotate(n=Count("*"))
        ]
    ended = CountedIntroduction.objects.filter(waiting_ended_month=month).count()
    if ended:
        counts.append(MonthCount(month=month, measure=Measure.WAITING_ENDED, count=ended))
    for measure, field_name in GROUPED_BY.items():
        by_area = measure == Measure.NEIGHBOURHOOD
        counts += [
            MonthCount(
                month=month,
                measure=measure,
                route=route,
                neighbourhood_id=group if by_area else None,
                group="" if by_area else group,
                count=n,
            )
            for group, route, n in arrived.values_list(field_name, "route").annotate(n=Count("*"))
        ]
    return counts + wait_counts(month)


# The changes to an episode counted each month, and the measure each is counted as.
EPISODE_CHANGES = {
    EpisodeChange.Kind.OPENED: Measure.EPISODES_OPENED,
    EpisodeChange.Kind.REOPENED: Measure.EPISODES_REOPENED,
    EpisodeChange.Kind.CLOSED: Measure.EPISODES_CLOSED,
}


def _in_support(start: datetime.datetime, end: datetime.datetime) -> dict[uuid.UUID, tuple[uuid.UUID, int]]:
    """Each episode open or on hold at any time from ``start`` to ``end``: its person and its guide then."""
    before = EpisodeChange.objects.filter(episode=OuterRef("pk"), changed_at__lt=start).order_by("-changed_at", "-pk")
    # Closed before the month began and not reopened since: never in support in it, so never looked at.
    carried_over = (
        Episode.objects.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=start), opened_at__lt=start)
        .annotate(
            last_kind=Coalesce(Subquery(before.values("kind")[:1]), Value(EpisodeChange.Kind.OPENED.value)),
            last_guide=Coalesce(Subquery(before.values("guide_id")[:1]), "guide_id", output_field=IntegerField()),
        )
        .exclude(last_kind=EpisodeChange.Kind.CLOSED)
        .order_by()
        .values_list("pk", "person_id", "last_guide")
    )
    episodes = {episode: (person, guide) for episode, person, guide in carried_over}
    # Any change in the month (even a closing) means it was in support then; the guide is the latest.
    changed = EpisodeChange.objects.filter(changed_at__gte=start, changed_at__lt=end).order_by("changed_at", "pk")
    for episode, person, guide in changed.values_list("episode_id", "episode__person_id", "guide_id"):
        episodes[episode] = (person, guide)
    return episodes


def _support_counts(month: datetime.date) -> list[MonthCount]:
    """The month's episodes opened, reopened and closed, the people in support and their guides."""
    start, end = month_bounds(month)
    changes = EpisodeChange.objects.filter(changed_at__gte=start, changed_at__lt=end, kind__in=list(EPISODE_CHANGES))
    counts = [
        MonthCount(month=month, measure=EPISODE_CHANGES[kind], count=n)
        for kind, n in changes.order_by().values_list("kind").annotate(n=Count("*"))
    ]
    counts += opened_counts(month, start, end)
    in_support = _in_support(start, end).values()
    people = {person for person, _guide in in_support}
    guides = {guide for _person, guide in in_support}
    if people:
        counts.append(MonthCount(month=month, measure=Measure.IN_SUPPORT, count=len(people)))
        counts.append(MonthCount(month=month, measure=Measure.GUIDES, count=len(guides)))
    return counts


Onward = OnwardIntroduction.Status
# The steps an onward introduction reached, each counted once, and the measure each is counted as. Reaching
# "started" means it was accepted first; a declined one may have been accepted first too.
ONWARD_REACHED = {
    Onward.ACCEPTED: Measure.ONWARD_ACCEPTED,
    Onward.STARTED: Measure.ONWARD_STARTED,
    Onward.FINISHED: Measure.ONWARD_FINISHED,
    Onward.DECLINED: Measure.ONWARD_DECLINED,
    Onward.NO_RESPONSE: Measure.ONWARD_NO_RESPONSE,
}
# The service's own reply: accepting or declining.
REPLIES = [Onward.ACCEPTED, Onward.DECLINED]


def _onward_counts(month: datetime.date) -> list[MonthCount]:
    """The onward introductions sent in the month, by the kind of organisation they went to: how many, how
    many reached each step, how many still wait for a reply, and the days each waited for its reply."""
    start, end = month_bounds(month)
    sent = OnwardIntroduction.objects.filter(sent_at__gte=start, sent_at__lt=end).order_by()
    kind = "service__organization__kind"
    counts = [
        MonthCount(month=month, measure=Measure.ONWARD_SENT, group=group, count=n)
        for group, n in sent.values_list(kind).annotate(n=Count("*"))
    ]
    counts += [
        MonthCount(month=month, measure=Measure.ONWARD_WAITING, group=group, count=n)
        for group, n in sent.filter(status=Onward.SENT).values_list(kind).annotate(n=Count("*"))
    ]
    steps = OnwardStatusChange.objects.filter(onward__in=sent, status__in=list(ONWARD_REACHED)).order_by()
    counts += [
        MonthCount(month=month, measure=ONWARD_REACHED[status], group=group, count=n)
        for group, status, n in steps.values_list(f"onward__{kind}", "status").annotate(
            n=Count("onward", distinct=True)
        )
    ]
    replies = steps.filter(status__in=REPLIES).values_list("onward_id", f"onward__{kind}", "onward__sent_at")
    days: dict[tuple[str, int], int] = defaultdict(int)
    for _onward, group, sent_at, replied_at in replies.annotate(replied_at=Min("changed_at")):
        days[group, (timezone.localdate(replied_at) - timezone.localdate(sent_at)).days] += 1
    counts += [
        MonthCount(month=month, measure=Measure.ONWARD_REPLY, group=group, days=waited, count=n)
        for (group, waited), n in days.items()
    ]
    return [*counts, *onward_counts(month, sent)]


def month_summarise(month: datetime.date) -> None:
    """Replace the month's counts with ones worked out afresh, one worker at a time."""
    with transaction.atomic():
        MonthSummarised.objects.bulk_create([MonthSummarised(month=month)], ignore_conflicts=True)
        MonthSummarised.objects.select_for_update().get(month=month).save()
        # Asked for from now on, it is summarised again: a change this summary may not see asks afresh.
        MonthDue.objects.filter(month=month).delete()
        MonthCount.objects.filter(month=month).delete()
        counts = [
            *_month_counts(month),
            *_support_counts(month),
            *_onward_counts(month),
            *outcome_counts(month),
            *pathway_counts(month),
        ]
        MonthCount.objects.bulk_create(counts, batch_size=1000)


def this_month_summarise_once() -> bool:
    """Summarise this month if nothing has yet: people carried over in Hub support count in a new month
    before anything happens in it. True when it did."""
    this_month = month_of(timezone.localdate())
    if MonthSummarised.objects.filter(month=this_month).exists():
        return False
    month_summarise(this_month)
    return True


def months_summarise(months: Iterable[datetime.date | None]) -> int:
    """Summarise each month given once (``None``s, for dates not there, are passed over); returns how many."""
    chosen = sorted({month for month in months if month is not None})
    for month in chosen:
        month_summarise(month)
    return len(chosen)


def months_since(moment: datetime.datetime) -> list[datetime.date]:
    """Every month from ``moment``'s, in the borough's time zone, to this one: those a change to an episode
    at ``moment`` may change, as it was in support (or not) from then on."""
    return months_between(timezone.localtime(moment).date(), timezone.localdate())


def _months_with_rows() -> set[datetime.date]:
    """Every month with counted introductions arriving or stopping waiting, and every month since the first
    change to an episode of support, onward introduction, measurement, goal, life circumstances, move or
    budget."""
    rows = CountedIntroduction.objects.order_by()
    months = set(rows.values_list("month", flat=True).distinct())
    ended = rows.filter(waiting_ended_month__isnull=False).values_list("waiting_ended_month", flat=True).distinct()
    firsts = [
        EpisodeChange.objects.order_by("changed_at").values_list("changed_at", flat=True).first(),
        OnwardIntroduction.objects.order_by("sent_at").values_list("sent_at", flat=True).first(),
        Measurement.objects.order_by("taken_at").values_list("taken_at", flat=True).first(),
        Goal.objects.order_by("created_at").values_list("created_at", flat=True).first(),
        LifeCircumstances.objects.order_by("recorded_at").values_list("recorded_at", flat=True).first(),
    ]
    days = [
        AccommodationMove.objects.order_by("moved_on").values_list("moved_on", flat=True).first(),
        BudgetSpend.objects.order_by("spent_on").values_list("spent_on", flat=True).first(),
        BudgetAllocation.objects.order_by("starts_on").values_list("starts_on", flat=True).first(),
    ]
    starts = [timezone.localtime(moment).date() for moment in firsts if moment is not None]
    first = min([*starts, *(day for day in days if day is not None)], default=None)
    supported = months_between(first, timezone.localdate()) if first else []
    return months | {month for month in ended if month is not None} | set(supported)


def _months_summarised() -> set[datetime.date]:
    return set(MonthSummarised.objects.values_list("month", flat=True))


def months_counted() -> set[datetime.date]:
    """Every month with counted introductions, and every month summarised (its rows may all be gone)."""
    return _months_with_rows() | _months_summarised()


def months_unsummarised() -> set[datetime.date]:
    return _months_with_rows() - _months_summarised()
