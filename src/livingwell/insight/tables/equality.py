"""The equality tables beyond introductions: for each group, how long people waited for a first contact, the
episodes of Hub support opened, how wellbeing changed, and the goals set and achieved (decision 0034); and
the onward introductions sent, started, and declined or unanswered, who moved to where they hoped to be in
their life circumstances, and the accommodation pathway's moves and people spending budgets (decision 0035).

Counts of 1 to 4 are hidden. The counts add up, across the groups, to totals shown in other tables (early
support, onward introductions, outcomes); so where only one group's count is hidden, the next smallest is
hidden too, and nothing can be worked out from those totals."""

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livingwell.core.suppression import hidden_with_another
from livingwell.insight.equality_figures import EqualityGroup, not_given
from livingwell.insight.equality_summaries import PATHWAY_COUNTS
from livingwell.insight.tables.common import Table, Value, wait_text

TITLES: dict[str, tuple[str | Promise, str | Promise]] = {
    "age_band": (gettext_lazy("Waits, Hub support and wellbeing by age"), gettext_lazy("Age")),
    "gender": (gettext_lazy("Waits, Hub support and wellbeing by gender"), gettext_lazy("Gender")),
    "ethnic_group": (gettext_lazy("Waits, Hub support and wellbeing by ethnic group"), gettext_lazy("Ethnic group")),
    "neighbourhood": (gettext_lazy("Hub support and wellbeing by neighbourhood"), gettext_lazy("Neighbourhood")),
}


def equality_table(grouping: str, groups: list[EqualityGroup]) -> Table:
    title, first_column = TITLES[grouping]
    opened = hidden_with_another([group.opened for group in groups])
    measured = hidden_with_another([group.measured for group in groups])
    better = hidden_with_another([group.better for group in groups])
    goals_set = hidden_with_another([group.goals_set for group in groups])
    goals_achieved = hidden_with_another([group.goals_achieved for group in groups])
    waits = grouping != "neighbourhood"  # by neighbourhood, with the month's own waits
    rows: list[tuple[str, list[Value]]] = []
    lines = zip(groups, opened, measured, better, goals_set, goals_achieved, strict=True)
    for group, opened_cell, measured_cell, better_cell, set_cell, achieved_cell in lines:
        mean = group.mean_change
        values: list[Value] = [*wait_text(group.contact_wait)] if waits else []
        values += [
            opened_cell,
            measured_cell,
            "–" if mean is None or measured_cell.number is None else f"{mean:g}",
            "–" if measured_cell.number is None else better_cell,
            set_cell,
            achieved_cell,
        ]
        rows.append((group.name or not_given(grouping), values))
    columns = [_("Median days to first contact"), _("90th percentile")] if waits else []
    columns += [
        _("Episodes of Hub support opened"),
        _("People whose wellbeing was measured twice or more"),
        _("Mean change in wellbeing"),
        _("Better by a meaningful amount"),
        _("Goals set"),
        _("Goals achieved"),
    ]
    return Table(
        slug=f"equality-by-{grouping.replace('_', '-')}",
        title=str(title),
        summary=_(
            "For each group, as people gave it at the front door: how long their introductions waited for a first "
            "contact, the episodes of Hub support opened for them, and the change in their wellbeing (the Short "
            "Warwick-Edinburgh scale, higher is better) from their first score to their latest, and the goals they "
            "set in the period and achieved, so that groups the network serves less well stand out."
        ),
        first_column=str(first_column),
        columns=[str(column) for column in columns],
        rows=rows,
    )


ONWARD_AND_LIFE_TITLES: dict[str, str | Promise] = {
    "age_band": gettext_lazy("Onward introductions and life circumstances by age"),
    "gender": gettext_lazy("Onward introductions and life circumstances by gender"),
    "ethnic_group": gettext_lazy("Onward introductions and life circumstances by ethnic group"),
    "neighbourhood": gettext_lazy("Onward introductions and life circumstances by neighbourhood"),
}
# For each life circumstances question, the column of those who moved to where they hoped to be.
MOVED_INTO: dict[str, str | Promise] = {
    "work": gettext_lazy("Moved into paid work or volunteering"),
    "education": gettext_lazy("Moved into education or training"),
    "benefits": gettext_lazy("Moved off benefits"),
    "home": gettext_lazy("Moved into their own tenancy"),
    "medication": gettext_lazy("Moved to less medication, or none"),
}


def _counts_table(
    grouping: str, groups: list[EqualityGroup], *, slug: str, title: str, summary: str, counts: dict[str, list[int]]
) -> Table:
    """A table of counts by group, a column for each of ``counts`` (its heading, and each group's count).
    Each column adds up, across the groups, to a total another table shows, so each is hidden as the
    episodes opened are: a lone hidden group hides the next smallest with it."""
    columns = [hidden_with_another(values) for values in counts.values()]
    return Table(
        slug=f"{slug}-by-{grouping.replace('_', '-')}",
        title=title,
        summary=summary,
        first_column=str(TITLES[grouping][1]),
        columns=list(counts),
        rows=[
            (group.name or not_given(grouping), [column[index] for column in columns])
            for index, group in enumerate(groups)
        ],
    )


def onward_and_life_table(grouping: str, groups: list[EqualityGroup]) -> Table:
    counts = {
        _("Onward introductions sent"): [group.onward_sent for group in groups],
        _("Started"): [group.onward_started for group in groups],
        _("Declined or no response"): [group.onward_unmet for group in groups],
        _("People who answered a question about their life twice"): [group.life_recorded for group in groups],
    }
    for question, label in MOVED_INTO.items():
        counts[str(label)] = [group.life_into[question] for group in groups]
    return _counts_table(
        grouping,
        groups,
        slug="onward-and-life",
        title=str(ONWARD_AND_LIFE_TITLES[grouping]),
        summary=_(
            "For each group, as people gave it at the front door: the onward introductions sent for them in the "
            "period, how many started and how many were declined or got no response; and, of those whose life "
            "circumstances were last recorded in the period after earlier ones, how many answered a question "
            "twice and how many moved to where they hoped to be, so that groups the network serves less well "
            "stand out."
        ),
        counts=counts,
    )


HOMES_TITLES: dict[str, str | Promise] = {
    "age_band": gettext_lazy("Homes and personal budgets by age"),
    "gender": gettext_lazy("Homes and personal budgets by gender"),
    "ethnic_group": gettext_lazy("Homes and personal budgets by ethnic group"),
    "neighbourhood": gettext_lazy("Homes and personal budgets by neighbourhood"),
}
# The accommodation pathway's counts by group, in PATHWAY_COUNTS' order.
HOMES_COLUMNS = [
    gettext_lazy("Moved into their own home"),
    gettext_lazy("… of them from residential care"),
    gettext_lazy("New residential entries"),
    gettext_lazy("Discharges from hospital or residential care"),
    gettext_lazy("People with budget spending"),
]


def homes_table(grouping: str, groups: list[EqualityGroup]) -> Table:
    return _counts_table(
        grouping,
        groups,
        slug="homes",
        title=str(HOMES_TITLES[grouping]),
        summary=_(
            "For each group, as people gave it at the front door: the moves on the accommodation pathway in the "
            "period, into their own home (and of them, from residential care), into residential care, and out of "
            "hospital or residential care; and the people spending a personal budget."
        ),
        counts={
            str(label): [group.pathway[which] for group in groups]
            for label, which in zip(HOMES_COLUMNS, PATHWAY_COUNTS, strict=True)
        },
    )


def equality_tables(equality: dict[str, list[EqualityGroup]]) -> list[Table]:
    return [
        table(grouping, groups)
        for grouping, groups in equality.items()
        if groups
        for table in (equality_table, onward_and_life_table, homes_table)
    ]
