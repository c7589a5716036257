"""The table of early support: people in Hub support each month, the episodes opened, reopened through the
way back and closed, and how many people each guide had."""

from django.utils.translation import gettext as _

from livingwell.core.suppression import cell, suppressed_grid
from livingwell.insight.selectors import Figures
from livingwell.insight.tables.common import Table, Value, month_label


def early_support_table(figures: Figures) -> Table:
    """People in support are counted afresh each month (the same person is in many months), so they have
    no total; the episodes opened, reopened and closed add up over the period, suppressed as a grid. People
    per guide is shown only beside a shown count of people, or the guides would give the count away."""
    episodes = suppressed_grid(
        [[month.support.opened, month.support.reopened, month.support.closed] for month in figures.months], width=3
    )
    rows: list[tuple[str, list[Value]]] = []
    for index, month in enumerate(figures.months):
        people = cell(month.support.in_support)
        per_guide = month.support.people_per_guide
        rows.append(
            (
                month_label(month.month),
                [
                    people,
                    *episodes.rows[index],
                    str(month.support.guides),
                    "–" if per_guide is None or people.number is None else f"{per_guide:g}",
                ],
            )
        )
    return Table(
        slug="early-support",
        title=_("Early support from the Hub"),
        summary=_(
            "People in Hub support at any time in each month, including those on hold. The episodes of "
            "support opened, reopened when someone came back through the way back, and closed. And how many "
            "people each guide had on average."
        ),
        first_column=_("Month"),
        columns=[
            _("People in Hub support"),
            _("Episodes opened"),
            _("Episodes reopened (the way back)"),
            _("Episodes closed"),
            _("Guides"),
            _("People per guide"),
        ],
        rows=rows,
        footer=[(_("All months"), ["–", *episodes.column_totals, "–", "–"])],
        charted=[0],
    )
