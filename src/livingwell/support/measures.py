"""Scoring outcome measures from their data: the rule, the conversion table, the bands and the thresholds
all come from the ``Instrument`` row, so a deployment can load or correct them without code."""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from livingwell.support.models import Instrument, InstrumentItem, Measurement


class Incomplete(ValueError):
    """An answer is missing or out of range. Scores are never prorated."""


def score(instrument: Instrument, items: list[InstrumentItem], answers: dict[str, int]) -> dict[str, float]:
    """The scores for a complete set of answers (keys are item numbers as text)."""
    for item in items:
        allowed = {option[0] for option in item.options}
        if answers.get(str(item.number)) not in allowed:
            raise Incomplete(item.number)
    values = {item.number: answers[str(item.number)] for item in items}
    if instrument.scoring == Instrument.Scoring.CONVERTED_SUM:
        raw = sum(values.values())
        return {"raw": float(raw), "metric": float(instrument.conversion[str(raw)])}
    if instrument.scoring == Instrument.Scoring.SEPARATE:
        return {item.key: float(values[item.number]) for item in items}
    groups: dict[str, list[int]] = {}
    for item in items:
        groups.setdefault(item.key, []).append(values[item.number])
    return {key: _two_places(sum(group) / len(group)) for key, group in groups.items()}


def _two_places(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def band(instrument: Instrument, key: str, value: float) -> str:
    """The reporting band a score falls in ("" when the measure has none)."""
    for lowest, highest, words in instrument.scores.get(key, {}).get("bands", []):
        if lowest <= value <= highest:
            return str(words)
    return ""


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    first: float
    latest: float
    change: float
    first_band: str
    latest_band: str
    # True or False when the deployment has set a threshold for this score; None when it has not.
    meaningful: bool | None
    better: bool | None


def changes(instrument: Instrument, first: Measurement, latest: Measurement) -> list[Change]:
    """From the first measurement to the latest, for each reported score: how far, which way, and
    whether the change reaches the deployment's meaningful-change threshold."""
    return [
        score_change(instrument, key, float(first.scores[key]), float(latest.scores[key]))
        for key in instrument.scores
        if key in first.scores and key in latest.scores
    ]


Judgement = tuple[float, bool | None, bool | None]  # the change, whether meaningful, whether better


def _judged(before: float, after: float, higher_is_better: bool, threshold: float | None) -> Judgement:
    difference = _two_places(after - before)
    meaningful = None if threshold is None else abs(difference) >= float(threshold)
    return difference, meaningful, None if difference == 0 else (difference > 0) == higher_is_better


def change_judge(instrument: Instrument, key: str) -> Callable[[float, float], Judgement]:
    """How a change in one score is judged, worked out once for many people: for a score ``before`` and
    ``after``, the change, whether it is meaningful by the deployment's threshold (``None`` where none is
    set), and whether it is better (``None`` where it did not change)."""
    higher_is_better = instrument.scores[key].get("higher_is_better", True)
    threshold = instrument.meaningful_change.get(key)

    @functools.lru_cache(maxsize=4096)  # scores come from a few dozen values: most pairs are judged once
    def judged(before: float, after: float) -> Judgement:
        return _judged(before, after, higher_is_better, threshold)

    return judged


def score_change(instrument: Instrument, key: str, before: float, after: float) -> Change:
    """One score's change from ``before`` to ``after``."""
    about = instrument.scores[key]
    threshold = instrument.meaningful_change.get(key)
    difference, meaningful, better = _judged(before, after, about.get("higher_is_better", True), threshold)
    return Change(
        key=key,
        label=str(about.get("label", key)),
        first=before,
        latest=after,
        change=difference,
        first_band=band(instrument, key, before),
        latest_band=band(instrument, key, after),
        meaningful=meaningful,
        better=better,
    )
