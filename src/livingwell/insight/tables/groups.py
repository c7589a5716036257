"""The equality tables: the period's introductions in each group, beside the borough's people."""

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livingwell.core.suppression import Grid
from livingwell.insight.models import Population
from livingwell.insight.selectors import Figures, GroupFigures
from livingwell.insight.tables.common import Table, Value, share
from livingwell.insight.tables.introductions import Grids, route_columns

GROUPINGS: dict[str, tuple[str | Promise, str | Promise]] = {
    Population.Grouping.AGE_BAND: (gettext_lazy("Introductions by age"), gettext_lazy("Age")),
    Population.Grouping.GENDER: (gettext_lazy("Introductions by gender"), gettext_lazy("Gender")),
    Population.Grouping.ETHNIC_GROUP: (gettext_lazy("Introductions by ethnic group"), gettext_lazy("Ethnic group")),
    Population.Grouping.NEIGHBOURHOOD: (gettext_lazy("Introductions by neighbourhood"), gettext_lazy("Neighbourhood")),
}


def group_table(grouping: str, groups: list[GroupFigures], grid: Grid) -> Table:
    """The period's introductions in each group by route, and each group's share of them beside its share
    of the borough's people where the deployment loaded them."""
    title, first_column = GROUPINGS[grouping]
    people = sum(group.population or 0 for group in groups)
    columns = [*route_columns(), _("Share of introductions")]
    if people:
        columns.append(_("Share of the borough's people"))
    rows: list[tuple[str, list[Value]]] = []
    for index, group in enumerate(groups):
        values: list[Value] = [*grid.rows[index], grid.row_totals[index], share(grid.row_totals[index], grid.total)]
        if people:
            values.append(f"{round(100 * group.population / people)}%" if group.population is not None else "–")
        rows.append((group.name or _("Not given"), values))
    footer: list[Value] = [*grid.column_totals, grid.total, share(grid.total, grid.total)]
    if people:
        footer.append("100%")
    summary = _(
        "The introductions that arrived in the period in each group, where the person gave it, and where they went."
    )
    if people:
        summary += " " + _(
            "Beside each group's share of the introductions is its share of the borough's people, so that "
            "groups the network is not reaching stand out."
        )
    return Table(
        slug=f"by-{grouping.replace('_', '-')}",
        title=str(title),
        summary=summary,
        first_column=str(first_column),
        columns=columns,
        rows=rows,
        footer=[(_("All groups"), footer)],
    )


def group_tables(figures: Figures, grids: Grids) -> list[Table]:
    return [
        group_table(grouping, figures.groups[grouping], grids.groups[grouping])
        for grouping in GROUPINGS
        if grouping in figures.groups
    ]
