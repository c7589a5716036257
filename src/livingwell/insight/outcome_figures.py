"""The outcomes over a period, read from the months' summaries (decision 0026): for each measure's score
(and each DIALOG domain), the people whose latest measurement fell in the period with an earlier one, their
mean at first and at latest, and how many changed by the deployment's threshold; the bands at first and at
latest; the goals set under each Big 3 outcome; and people's life circumstances, first to latest."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from livingwell.core.outcomes import Big3Outcome
from livingwell.insight.models import MonthCount
from livingwell.insight.outcome_summaries import item_key, score_key
from livingwell.support.instruments import INSTRUMENTS
from livingwell.support.life import life_hoped
from livingwell.support.models import Instrument, InstrumentItem

Measure = MonthCount.Measure
OUTCOME_MEASURES = [
    Measure.OUTCOME_FIRST,
    Measure.OUTCOME_LATEST,
    Measure.OUTCOME_IMPROVED,
    Measure.OUTCOME_WORSENED,
    Measure.OUTCOME_BANDS,
    Measure.GOALS_SET,
    Measure.GOALS_ACHIEVED,
    Measure.LIFE,
]

# How the table says each life circumstances question's hoped-for answers (``support.life.life_hoped``).
LIFE_HOPED = {
    "work": _("In paid work or volunteering"),
    "education": _("In education or training"),
    "benefits": _("Not getting benefits"),
    "home": _("Living in their own tenancy"),
    "medication": _("Taking less medication than before, or none"),
}


def _mean(total: float, count: int) -> float | None:
    return round(total / count, 2) if count else None


@dataclass
class ScoreOutcome:
    """One score of one measure (or one domain), from people's first measurement to their latest."""

    key: str  # "swemwbs:metric", "dialog:item:3"
    measure: str  # the measure's name
    label: str  # the score's, or the domain's, in plain words
    judged: bool  # the deployment set a meaningful-change threshold for it
    people: int = 0
    first_total: float = 0.0
    latest_total: float = 0.0
    improved: int = 0
    worsened: int = 0

    @property
    def mean_first(self) -> float | None:
        return _mean(self.first_total, self.people)

    @property
    def mean_latest(self) -> float | None:
        return _mean(self.latest_total, self.people)

    @property
    def mean_change(self) -> float | None:
        return _mean(self.latest_total - self.first_total, self.people)

    def as_json(self) -> dict[str, Any]:
        return {
            "score": self.key,
            "label": self.label,
            "people": self.people,
            "mean_first": self.mean_first,
            "mean_latest": self.mean_latest,
            "mean_change": self.mean_change,
            "improved": self.improved if self.judged else None,
            "worsened": self.worsened if self.judged else None,
        }


@dataclass
class BandCounts:
    """How many people were in each band of one score at first and at latest, in the bands' order."""

    key: str
    label: str
    bands: dict[str, list[int]]  # band: [at first, at latest]

    def as_json(self) -> dict[str, Any]:
        return {
            "score": self.key,
            "label": self.label,
            "bands": [{"band": name, "first": first, "latest": latest} for name, (first, latest) in self.bands.items()],
        }


@dataclass
class GoalCounts:
    set: int = 0
    achieved: int = 0
    progress_total: float = 0.0

    @property
    def mean_progress(self) -> float | None:
        return _mean(self.progress_total, self.set)

    def as_json(self) -> dict[str, Any]:
        return {"set": self.set, "achieved": self.achieved, "mean_progress": self.mean_progress}


@dataclass
class LifeChange:
    """One question about people's lives: of those who answered it at first and at latest, how many were
    where they hoped to be each time, and how many moved into it or out of it."""

    question: str
    label: str
    people: int = 0
    first: int = 0
    latest: int = 0
    into: int = 0
    out_of: int = 0

    def add(self, before: str, after: str, count: int) -> None:
        was, now = life_hoped(self.question, before), life_hoped(self.question, after)
        self.people += count
        self.first += count * was
        self.latest += count * now
        self.into += count * (not was and now)
        self.out_of += count * (was and not now)

    def as_json(self) -> dict[str, Any]:
        return {"question": self.question, "people": self.people, "first": self.first, "latest": self.latest,
                "into": self.into, "out_of": self.out_of}  # fmt: skip


@dataclass
class Outcomes:
    scores: list[ScoreOutcome] = field(default_factory=list)
    bands: list[BandCounts] = field(default_factory=list)
    goals: dict[str, GoalCounts] = field(default_factory=dict)  # by Big 3 outcome, in their order
    life: list[LifeChange] = field(
        default_factory=lambda: [LifeChange(question, str(label)) for question, label in LIFE_HOPED.items()]
    )

    def as_json(self) -> dict[str, Any]:
        return {
            "scores": [score.as_json() for score in self.scores],
            "bands": [bands.as_json() for bands in self.bands],
            "goals": [{"outcome": outcome, **goals.as_json()} for outcome, goals in self.goals.items()],
            "life": [change.as_json() for change in self.life],
        }


def _scores_in_order() -> tuple[list[ScoreOutcome], list[BandCounts]]:
    """Every score the measures report (the shipped measures first, as shipped), each DIALOG domain after
    its measure's scores, and the bands of those that have them; all empty."""
    shipped = [definition["code"] for definition in INSTRUMENTS]
    instruments = sorted(
        Instrument.objects.all(), key=lambda each: (shipped.index(each.code) if each.code in shipped else 99, each.name)
    )
    items: dict[int, list[InstrumentItem]] = defaultdict(list)
    for item in InstrumentItem.objects.filter(instrument__scoring=Instrument.Scoring.GROUP_MEANS):
        items[item.instrument_id].append(item)
    scores, bands = [], []
    for instrument in instruments:
        for key, about in instrument.scores.items():
            label = str(about.get("label", key))
            judged = instrument.meaningful_change.get(key) is not None
            scores.append(ScoreOutcome(score_key(instrument.code, key), instrument.name, label, judged))
            if about.get("bands"):
                names = {str(words): [0, 0] for _lowest, _highest, words in about["bands"]}
                bands.append(BandCounts(score_key(instrument.code, key), label, names))
        for item in items[instrument.pk]:
            scores.append(ScoreOutcome(item_key(instrument.code, item.number), instrument.name, item.text, False))
    return scores, bands


def outcomes_for(first: datetime.date, last: datetime.date) -> Outcomes:
    scores, bands = _scores_in_order()
    by_key = {score.key: score for score in scores}
    bands_by_key = {counts.key: counts for counts in bands}
    goals = {outcome: GoalCounts() for outcome in Big3Outcome.values}
    outcomes = Outcomes(scores, bands, goals)
    life = {change.question: change for change in outcomes.life}
    counts = MonthCount.objects.filter(measure__in=OUTCOME_MEASURES, month__range=(first, last)).order_by()
    rows = counts.values_list("measure", "group", "count", "total", "band_from", "band_to")
    for measure, group, count, total, band_from, band_to in rows:
        if measure == Measure.LIFE:
            if group in life:
                life[group].add(band_from, band_to, count)
            continue
        if measure in (Measure.GOALS_SET, Measure.GOALS_ACHIEVED):
            goal = goals.setdefault(group, GoalCounts())
            if measure == Measure.GOALS_SET:
                goal.set += count
                goal.progress_total += total or 0
            else:
                goal.achieved += count
            continue
        if group not in by_key:
            continue  # a measure or score no longer there
        score = by_key[group]
        if measure == Measure.OUTCOME_FIRST:
            score.people += count
            score.first_total += total or 0
        elif measure == Measure.OUTCOME_LATEST:
            score.latest_total += total or 0
        elif measure == Measure.OUTCOME_IMPROVED:
            score.improved += count
        elif measure == Measure.OUTCOME_WORSENED:
            score.worsened += count
        elif group in bands_by_key:
            in_bands = bands_by_key[group].bands
            in_bands.setdefault(band_from, [0, 0])[0] += count
            in_bands.setdefault(band_to, [0, 0])[1] += count
    return outcomes
