"""Reads for evaluation: a body's rounds, and a round's results, suppressed.

The results of a round are the distribution of its answers over the rungs, by who answered (the kind of
constituency, or contributor), every count from 1 to 4 hidden with any total it could be worked out from
(``core.suppression.suppressed_grid``); the movement between the body's rounds, as the average rung by who
answered, shown only from 5 answers; and the quotes people agreed to share.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from livingwell.collaborative.models import Body
from livingwell.core.suppression import SMALL_NUMBER, Cell, Grid, suppressed_grid
from livingwell.voice.models import (
    GROUP_CHOICES,
    AgreedRating,
    Answer,
    Audit,
    AuditScore,
    EvaluationRound,
    Invitation,
    PlanAction,
    Principle,
    ReviewReport,
    Rung,
    ScorePoint,
)

GROUP_LABELS = dict(GROUP_CHOICES)
GROUP_ORDER = [key for key, _label in GROUP_CHOICES]


def rungs() -> list[Rung]:
    return list(Rung.objects.order_by("position"))


def principles() -> list[Principle]:
    return list(Principle.objects.order_by("position"))


def body_rounds(body: Body) -> list[EvaluationRound]:
    return list(
        EvaluationRound.objects.filter(body=body)
        .annotate(
            invited=Count("invitations", distinct=True),
            answered=Count("invitations", filter=Q(invitations__answered=True), distinct=True),
        )
        .order_by("-closes_on", "-pk")
    )


def body_rounds_published(body: Body) -> list[EvaluationRound]:
    return list(EvaluationRound.objects.filter(body=body, published_at__isnull=False).order_by("-closes_on", "-pk"))


@dataclass(frozen=True)
class Group:
    key: str
    label: str


@dataclass(frozen=True)
class Distribution:
    """Answers by rung (top of the ladder first) and by group, with the totals of each, suppressed."""

    rungs: list[Rung]
    groups: list[Group]
    grid: Grid

    @property
    def lines(self) -> list[tuple[Rung, list[Cell], Cell]]:
        return list(zip(self.rungs, self.grid.rows, self.grid.row_totals, strict=True))


@dataclass(frozen=True)
class Average:
    """The average rung (1 at the bottom) of a group's answers in one round; None below 5 answers."""

    answers: int
    value: float | None

    @property
    def text(self) -> str:
        if self.value is None:
            return str(_("fewer than %(limit)s answers") % {"limit": SMALL_NUMBER}) if self.answers else "–"
        return f"{self.value:.1f}"


@dataclass(frozen=True)
class Movement:
    """One round in the body's rounds over time: the average rung for everyone and for each group, and how
    far everyone's moved since the round before (None where either is not shown)."""

    round: EvaluationRound
    everyone: Average
    by_group: list[Average]
    change: float | None

    @property
    def change_text(self) -> str:
        if self.change is None:
            return "–"
        if abs(self.change) < 0.05:
            return str(_("no change"))
        if self.change > 0:
            return str(_("up %(rungs).1f")) % {"rungs": self.change}
        return str(_("down %(rungs).1f")) % {"rungs": -self.change}


@dataclass(frozen=True)
class Results:
    round: EvaluationRound
    invited: int
    invited_by_group: dict[str, int]
    distribution: Distribution
    movement_groups: list[Group]
    movement: list[Movement]
    quotes: list[Answer]
    report_published: bool


Counts = dict[int, dict[str, dict[int, int]]]  # round id → group → rung id → answers


def _counts(round_ids: list[int]) -> Counts:
    counts: Counts = defaultdict(lambda: defaultdict(dict))
    rows = (
        Answer.objects.filter(round_id__in=round_ids)
        .values_list("round_id", "group", "rung_id")
        .annotate(answers=Count("pk"))
        .order_by()
    )
    for round_id, group, rung_id, answers in rows:
        counts[round_id][group][rung_id] = answers
    return counts


def distribution_of(counts: dict[str, dict[int, int]], ladder: list[Rung], groups: list[str]) -> Distribution:
    top_first = list(reversed(ladder))
    grid = suppressed_grid(
        [[counts.get(group, {}).get(rung.pk, 0) for group in groups] for rung in top_first], width=len(groups)
    )
    return Distribution(top_first, [Group(group, str(GROUP_LABELS.get(group, group))) for group in groups], grid)


def average_of(by_rung: dict[int, int], steps: dict[int, int]) -> Average:
    """The average step (1 for the bottom rung) of these answers, shown from 5 answers."""
    answers = sum(by_rung.values())
    if answers < SMALL_NUMBER:
        return Average(answers, None)
    return Average(answers, sum(steps[rung] * count for rung, count in by_rung.items()) / answers)


def _everyone(by_group: dict[str, dict[int, int]]) -> dict[int, int]:
    total: dict[int, int] = defaultdict(int)
    for by_rung in by_group.values():
        for rung, count in by_rung.items():
            total[rung] += count
    return total


def movement_of(rounds: list[EvaluationRound], counts: Counts, ladder: list[Rung], groups: list[str]) -> list[Movement]:
    steps = {rung.pk: step for step, rung in enumerate(ladder, start=1)}
    movement: list[Movement] = []
    before: Average | None = None
    for each in rounds:
        by_group = counts.get(each.pk, {})
        everyone = average_of(_everyone(by_group), steps)
        change = None
        if before is not None and before.value is not None and everyone.value is not None:
            change = everyone.value - before.value
        movement.append(
            Movement(each, everyone, [average_of(by_group.get(group, {}), steps) for group in groups], change)
        )
        before = everyone
    return movement


def _ordered(groups: set[str]) -> list[str]:
    return sorted(groups, key=lambda group: GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER))


def round_results(the_round: EvaluationRound, *, with_unpublished: bool) -> Results:
    """The round's results, and the movement over the body's rounds that closed by its end: those published,
    and with them, for who runs the body, those not yet published."""
    ladder = rungs()
    earlier = EvaluationRound.objects.filter(body_id=the_round.body_id, closes_on__lte=the_round.closes_on)
    if not with_unpublished:
        earlier = earlier.filter(Q(published_at__isnull=False) | Q(pk=the_round.pk))
    rounds = list(earlier.order_by("closes_on", "pk"))
    counts = _counts([each.pk for each in rounds])
    invited_by_group = dict(
        Invitation.objects.filter(round=the_round).values_list("group").annotate(n=Count("pk")).order_by()
    )
    groups = _ordered(set(invited_by_group) | set(counts.get(the_round.pk, {})))
    movement_groups = _ordered({group for by_group in counts.values() for group in by_group})
    quotes = list(Answer.objects.filter(round=the_round, may_quote=True, quote_left_out=False).select_related("rung"))
    return Results(
        round=the_round,
        invited=sum(invited_by_group.values()),
        invited_by_group=invited_by_group,
        distribution=distribution_of(counts.get(the_round.pk, {}), ladder, groups),
        movement_groups=[Group(group, str(GROUP_LABELS.get(group, group))) for group in movement_groups],
        movement=movement_of(rounds, counts, ladder, movement_groups),
        quotes=quotes,
        report_published=ReviewReport.objects.filter(round=the_round, published_at__isnull=False).exists(),
    )


def is_open(asked: EvaluationRound | Audit, today: datetime.date) -> bool:
    """Whether a round can be answered, or an audit scored, today: between its days, and not yet closed by
    publishing the round's results or agreeing the audit."""
    closed = asked.agreed_at if isinstance(asked, Audit) else asked.published_at
    return closed is None and asked.opens_on <= today <= asked.closes_on


# Co-production audits


def body_audits(body: Body) -> list[Audit]:
    return list(
        Audit.objects.filter(body=body)
        .select_related("organisation")
        .annotate(
            invited=Count("invitations", distinct=True),
            answered=Count("invitations", filter=Q(invitations__answered=True), distinct=True),
        )
        .order_by("-year", "-pk")
    )


def body_audits_published(body: Body) -> list[Audit]:
    return list(
        Audit.objects.filter(body=body, published_at__isnull=False).select_related("organisation").order_by("-year")
    )


@dataclass(frozen=True)
class PrincipleScores:
    """What the members scored for one principle: how many gave each point of the scale, their evidence,
    the rating agreed and the plan."""

    principle: Principle
    counts: list[tuple[ScorePoint, int]]
    evidence: list[str]
    rating: AgreedRating | None
    plan: list[PlanAction]


def _by_principle[T](rows: list[T], principle_of: str) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, principle_of)].append(row)
    return grouped


def audit_scores(audit: Audit) -> list[PrincipleScores]:
    """The audit principle by principle, as its facilitator works through it."""
    principles = list(Principle.objects.order_by("position"))
    points = list(ScorePoint.objects.order_by("value"))
    counts: dict[tuple[int, int], int] = {
        (principle_id, point_id): n
        for principle_id, point_id, n in AuditScore.objects.filter(audit=audit)
        .values_list("principle_id", "point_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    evidence = _by_principle(
        list(AuditScore.objects.filter(audit=audit).only("principle_id", "evidence")), "principle_id"
    )
    ratings = {
        rating.principle_id: rating for rating in AgreedRating.objects.filter(audit=audit).select_related("point")
    }
    plan = _by_principle(list(PlanAction.objects.filter(audit=audit)), "principle_id")
    return [
        PrincipleScores(
            principle=principle,
            counts=[(point, counts.get((principle.pk, point.pk), 0)) for point in points],
            evidence=[score.evidence for score in evidence.get(principle.pk, [])],
            rating=ratings.get(principle.pk),
            plan=plan.get(principle.pk, []),
        )
        for principle in principles
    ]


@dataclass(frozen=True)
class Trend:
    """The agreed rating of each principle, year by year, for audits of the same body or organisation."""

    years: list[int]
    rows: list[tuple[Principle, list[ScorePoint | None]]]


def audit_trend(audit: Audit, *, with_unpublished: bool) -> Trend:
    audits = Audit.objects.filter(body=audit.body, organisation=audit.organisation, agreed_at__isnull=False)
    if not with_unpublished:
        audits = audits.filter(Q(published_at__isnull=False) | Q(pk=audit.pk))
    ratings = (
        AgreedRating.objects.filter(audit__in=audits)
        .values_list("audit__year", "audit__pk", "principle_id", "point__value", "point__label")
        .order_by("audit__year", "audit__pk")
    )
    latest: dict[tuple[int, int], tuple[int, str]] = {}
    for year, _audit_pk, principle_id, value, label in ratings:
        latest[(year, principle_id)] = (value, label)  # the year's last audit, where there were two
    years = sorted({year for year, _principle in latest})
    principles = list(Principle.objects.order_by("position"))
    rows = []
    for principle in principles:
        cells: list[ScorePoint | None] = []
        for year in years:
            found = latest.get((year, principle.pk))
            cells.append(ScorePoint(value=found[0], label=found[1]) if found else None)
        rows.append((principle, cells))
    return Trend(years, rows)
