"""The outcome tables: each measure's scores from people's first measurement to their latest, the bands at
first and at latest, the goals set under each Big 3 outcome, and people's life circumstances.

A mean is shown only from 5 people or more. The bands of a score add up to the people in the outcomes
table, which shows no band totals: where a band's small count could be worked out from that total, the
total is hidden there."""

from django.utils.translation import gettext as _

from livingwell.core.outcomes import Big3Outcome
from livingwell.core.suppression import SMALL_NUMBER, Cell, Grid, cell, suppressed_grid
from livingwell.insight.outcome_figures import Outcomes, ScoreOutcome
from livingwell.insight.tables.common import Table, Value, share


def _mean_text(value: float | None, people: int) -> str:
    if value is None:
        return "–"
    if people < SMALL_NUMBER:
        return str(_("fewer than %(limit)s people") % {"limit": SMALL_NUMBER})
    return f"{value:g}"


def _judged(score: ScoreOutcome, people: Cell) -> list[Value]:
    """Better and worse by the threshold, with their shares of the people; dashes where none is set."""
    if not score.judged:
        return ["–"] * 4
    better, worse = cell(score.improved), cell(score.worsened)
    return [better, share(better, people), worse, share(worse, people)]


def _band_grids(outcomes: Outcomes) -> dict[str, Grid]:
    return {counts.key: suppressed_grid(list(counts.bands.values()), width=2) for counts in outcomes.bands}


def outcomes_table(outcomes: Outcomes, band_grids: dict[str, Grid]) -> Table:
    rows: list[tuple[str, list[Value]]] = []
    for score in outcomes.scores:
        people = cell(score.people)
        grid = band_grids.get(score.key)
        if grid is not None and any(total.hidden for total in grid.column_totals):
            people.hidden = True  # a band's small count would be this less the others
        rows.append(
            (
                f"{score.measure}: {score.label}",
                [
                    people,
                    _mean_text(score.mean_first, score.people),
                    _mean_text(score.mean_latest, score.people),
                    _mean_text(score.mean_change, score.people),
                    *_judged(score, people),
                ],
            )
        )
    return Table(
        slug="outcomes",
        title=_("Wellbeing and other outcome measures"),
        summary=_(
            "For everyone whose latest answers to a questionnaire were in the period, after earlier ones. "
            "The average score at their first and at their latest, and the change. How many were better or "
            "worse, by at least the change we count as meaningful (a dash where none is set)."
        ),
        first_column=_("Measure and score"),
        columns=[
            _("People measured twice or more"),
            _("Mean at first"),
            _("Mean at latest"),
            _("Mean change"),
            _("Better by at least the threshold"),
            _("Share better"),
            _("Worse by at least the threshold"),
            _("Share worse"),
        ],
        rows=rows,
    )


def bands_table(outcomes: Outcomes, band_grids: dict[str, Grid]) -> Table:
    rows: list[tuple[str, list[Value]]] = []
    for counts in outcomes.bands:
        grid = band_grids[counts.key]
        rows += [(f"{counts.label}: {band}", list(grid.rows[index])) for index, band in enumerate(counts.bands)]
    return Table(
        slug="outcome-bands",
        title=_("Wellbeing bands at first and at latest"),
        summary=_(
            "How many of the same people were in each band of a score at their first measurement and at their latest."
        ),
        first_column=_("Score and band"),
        columns=[_("At first"), _("At latest")],
        rows=rows,
    )


def goals_table(outcomes: Outcomes) -> Table:
    outcomes_in_order = list(outcomes.goals)
    grid = suppressed_grid([[goals.set, goals.achieved] for goals in outcomes.goals.values()], width=2)
    labels = dict(Big3Outcome.choices)
    rows: list[tuple[str, list[Value]]] = []
    for index, outcome in enumerate(outcomes_in_order):
        goals = outcomes.goals[outcome]
        rows.append(
            (str(labels.get(outcome, outcome)), [*grid.rows[index], _mean_text(goals.mean_progress, goals.set)])
        )
    everyone = sum(goals.set for goals in outcomes.goals.values())
    progress = sum(goals.progress_total for goals in outcomes.goals.values())
    mean = round(progress / everyone, 2) if everyone else None
    # Beside a total hidden to protect a small count elsewhere, the mean is not shown either.
    mean_text = "–" if everyone >= SMALL_NUMBER and grid.column_totals[0].hidden else _mean_text(mean, everyone)
    return Table(
        slug="goals",
        title=_("Goals under each Big 3 outcome"),
        summary=_(
            "The goals people set in the period under each of the Big 3 outcomes, and how many they have "
            "achieved. Their progress now, out of 10 (every goal starts at nought)."
        ),
        first_column=_("Big 3 outcome"),
        columns=[_("Goals set"), _("Achieved"), _("Mean progress, out of 10")],
        rows=rows,
        footer=[(_("All outcomes"), [*grid.column_totals, mean_text])],
    )


def life_table(outcomes: Outcomes) -> Table:
    """At latest is at first, plus those who moved into it, less those who moved out: one of the four
    hidden would be worked out from the other three, so all four are hidden together."""
    rows: list[tuple[str, list[Value]]] = []
    for change in outcomes.life:
        cells = [cell(count) for count in (change.first, change.latest, change.into, change.out_of)]
        if any(each.hidden for each in cells):
            for each in cells:
                each.hidden = each.value != 0
        rows.append((change.label, [cell(change.people), *cells]))
    return Table(
        slug="life",
        title=_("Life circumstances, from first to latest"),
        summary=_(
            "For everyone whose life circumstances were last recorded in the period, after earlier ones. Of "
            "those who answered a question at first and at latest, it shows how many were where they hoped to "
            "be each time. And how many moved into it or out of it."
        ),
        first_column=_("Where people hope to be"),
        columns=[
            _("People who answered twice"),
            _("At first"),
            _("At latest"),
            _("Moved into it"),
            _("Moved out of it"),
        ],
        rows=rows,
    )


def outcome_tables(outcomes: Outcomes) -> list[Table]:
    band_grids = _band_grids(outcomes)
    return [
        outcomes_table(outcomes, band_grids),
        bands_table(outcomes, band_grids),
        goals_table(outcomes),
        life_table(outcomes),
    ]
