"""The equality tables beyond introductions (decision 0034): for each group, how long people waited for a
first contact, the episodes of Hub support opened, how wellbeing changed, and the goals set and achieved.

Counts of 1 to 4 are hidden. The episodes opened and the people measured add up, across the groups, to
totals shown in other tables (early support, outcomes); so where only one group's count is hidden, the next
smallest is hidden too, and nothing can be worked out from those totals."""

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from livingwell.insight.equality_figures import EqualityGroup, not_given
from livingwell.insight.suppression import hidden_with_another
from livingwell.insight.tables.common import Table, Value, wait_text

TITLES: dict[str, tuple[str | Promise, str | Promise]] = {
    "age_band": (_lazy("Waits, Hub support and wellbeing by age"), _lazy("Age")),
    "gender": (_lazy("Waits, Hub support and wellbeing by gender"), _lazy("Gender")),
    "ethnic_group": (_lazy("Waits, Hub support and wellbeing by ethnic group"), _lazy("Ethnic group")),
    "neighbourhood": (_lazy("Hub support and wellbeing by neighbourhood"), _lazy("Neighbourhood")),
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


def equality_tables(equality: dict[str, list[EqualityGroup]]) -> list[Table]:
    return [equality_table(grouping, groups) for grouping, groups in equality.items() if groups]
