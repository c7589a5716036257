"""The demo's two years of Kingsmere history tell the story the dashboards are for."""

import statistics

import pytest
from django.utils import timezone

from livingwell.accounts.demo import accounts_demo_load
from livingwell.collaborative.demo import collaborative_demo_load
from livingwell.directory.demo import directory_demo_load
from livingwell.insight.alliances import alliance_figures
from livingwell.insight.demo import HISTORY_MONTHS, insight_demo
from livingwell.insight.models import Alliance, Baseline, CountedIntroduction
from livingwell.insight.selectors import figures_for
from livingwell.support.models import Episode


@pytest.mark.django_db
def test_the_demo_history_shows_fewer_referrals_and_shorter_waits_and_loads_again_unchanged() -> None:
    accounts_demo_load()
    directory_demo_load()
    collaborative_demo_load()
    assert (
        "past episodes of Hub support over 24 months, and 40 past co-production meetings, and an alliance of 4 partners"
        in insight_demo()[0]
    )
    count, episodes = CountedIntroduction.objects.count(), Episode.objects.count()
    assert "and 0 past episodes of Hub support over 24 months, and 0 past" in insight_demo()[0]
    assert (CountedIntroduction.objects.count(), Episode.objects.count()) == (count, episodes)
    assert Baseline.objects.count() == 12
    last = timezone.localdate().replace(day=1)
    months = figures_for(last.replace(year=last.year - 2), last).months
    assert len(months) == HISTORY_MONTHS + 1
    first_year, second_year = months[:12], months[12:24]

    def mean(values: list[float]) -> float:
        return statistics.fmean(values)

    assert mean([month.routes["secondary_care"] for month in second_year]) < 0.75 * mean(
        [month.routes["secondary_care"] for month in first_year]
    )
    assert mean([month.days_to_first_contact.median or 0 for month in second_year]) < mean(
        [month.days_to_first_contact.median or 0 for month in first_year]
    )
    assert mean([month.introductions for month in second_year]) > mean([month.introductions for month in first_year])
    # More people supported early as the network grew, and some came back through the way back.
    assert mean([month.support.in_support for month in second_year]) > mean(
        [month.support.in_support for month in first_year]
    )
    assert sum(month.support.reopened for month in months) > 0
    assert min(month.support.guides for month in second_year) >= 2
    # Onward introductions every month, the NHS slower to reply than community groups.
    assert all(month.onward.steps["sent"] for month in second_year)
    by_kind = figures_for(months[0].month, months[-1].month).onward_by_kind
    assert by_kind["nhs"].days_to_reply.median > by_kind["community"].days_to_reply.median
    # Most people a little better by the end of support, on every measure; goals set and some achieved.
    outcomes = figures_for(months[0].month, months[-1].month).outcomes
    wellbeing = next(score for score in outcomes.scores if score.key == "swemwbs:metric")
    assert wellbeing.people > 50
    assert (wellbeing.mean_change or 0) > 1
    anxious = next(score for score in outcomes.scores if score.key == "ons4:anxious")
    assert (anxious.mean_change or 0) < 0
    assert all(goals.set > 20 and goals.achieved for goals in outcomes.goals.values())
    # More people into work or volunteering, and off benefits, than out of them.
    life = {change.question: change for change in outcomes.life}
    assert life["work"].into > life["work"].out_of
    assert life["benefits"].into > life["benefits"].out_of
    # People moving into homes of their own, and budgets spent, month after month.
    assert sum(month.pathway.into_own_home for month in months) > 10
    assert all(month.pathway.people_spending for month in second_year)
    # The Collaborative met every month, and took more of its decisions together as the years went on.
    coproduction = figures_for(months[0].month, months[-1].month).coproduction
    assert all(month.meetings for month in coproduction[:-1])
    together = [month.by_level["co_designing"] + month.by_level["co_producing"] for month in coproduction]
    assert sum(together[12:24]) > sum(together[:12])
    assert sum(month.experts_paid >= 5 for month in coproduction[12:20]) >= 4
    # The alliance: every partner supported people, and spent less per person than before it.
    alliance = Alliance.objects.get()
    figures = alliance_figures(alliance, months[-13].month, months[-2].month)
    assert all(partner.people and partner.spent for partner in figures.partners)
    spent = sum(partner.spent for partner in figures.partners)
    everyone = set().union(*(partner.people for partner in figures.partners))
    cost = figures.cost_per_person_year(spent, len(everyone))
    assert cost is not None
    assert alliance.baseline_cost_per_person is not None
    assert cost < alliance.baseline_cost_per_person
    # The people in Hub support came through the front door and gave their groups there, so the equality
    # tables break their support, wellbeing and onward introductions down by group, not as "not given".
    equality = figures_for(months[0].month, months[-1].month).equality
    given = [group for group in equality["gender"] if group.name]
    assert sum(group.opened for group in given) > 3 * sum(
        group.opened for group in equality["gender"] if not group.name
    )
    assert all(group.opened and group.onward_sent and group.measured for group in given)
