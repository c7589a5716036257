"""A month of the accommodation pathway and personal budgets, summed up for the figures (decision 0029):
the pathway's own counts for the month (``support.accommodation.pathway_figures``, the same code the
pathway page uses), and the budgets allocated from the month and spent in it; and the pathway's counts by
the person's group (decision 0035)."""

import datetime

from django.db.models import Count, Sum

from livingwell.core.months import month_of
from livingwell.insight.equality_summaries import pathway_group_counts
from livingwell.insight.models import MonthCount
from livingwell.support.accommodation import pathway_figures
from livingwell.support.models import BudgetAllocation

Measure = MonthCount.Measure


def pathway_counts(month: datetime.date) -> list[MonthCount]:
    last_day = month_of(month + datetime.timedelta(days=32)) - datetime.timedelta(days=1)
    figures = pathway_figures(month, last_day)
    allocated = BudgetAllocation.objects.filter(starts_on__range=(month, last_day)).aggregate(
        total=Sum("amount"), people=Count("person", distinct=True)
    )
    found = [
        (Measure.INTO_OWN_HOME, figures.into_own_home, None),
        (Measure.OWN_HOME_FROM_RESIDENTIAL, figures.into_own_home_from_residential, None),
        (Measure.RESIDENTIAL_ENTRIES, figures.new_residential_entries, None),
        (Measure.DISCHARGES, figures.discharges, None),
        (Measure.BUDGET_SPENT, figures.people_with_spending, float(figures.spending)),
        (Measure.BUDGET_ALLOCATED, allocated["people"], float(allocated["total"] or 0)),
    ]
    return [
        *(
            MonthCount(month=month, measure=measure, count=count, total=total)
            for measure, count, total in found
            if count
        ),
        *pathway_group_counts(month, figures.people),
    ]
