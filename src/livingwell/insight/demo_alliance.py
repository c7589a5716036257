"""Kingsmere's recovery and wellbeing alliance: four voluntary partners commissioned together, with two
years of budgets and spend a quarter each, spending a little less per person as the alliance settles.
Loaded once; the partners' people are those the demo's history introduced to them."""

import datetime
import random
import uuid
from decimal import Decimal

from livingwell.accounts.models import User
from livingwell.core.months import months_earlier
from livingwell.directory.models import Organization
from livingwell.insight.alliances import alliance_create, finance_record, partner_add
from livingwell.insight.models import Alliance
from livingwell.insight.quarters import quarter_of

NAME = "Kingsmere Recovery and Wellbeing Alliance"
PARTNERS = {  # a quarter's budget at first
    "Kingsmere Mind": 42000,
    "Kingsmere Works": 26000,
    "Open Studio Kingsmere": 12000,
    "Kingsmere Advice Centre": 18000,
}
OUTCOMES = (
    "People supported early stay well and out of hospital; more people in work, learning or volunteering; "
    "fewer people worried about money or housing; and people saying the support was theirs to shape."
)


def alliance_demo(today: datetime.date) -> int:
    """The alliance and eight quarters of its partners' budgets; returns the partners added."""
    analyst = User.objects.filter(username="analyst").first()
    if analyst is None or Alliance.objects.filter(name=NAME).exists():
        return 0
    alliance = alliance_create(actor=analyst, name=NAME, outcomes=OUTCOMES, baseline=Decimal("11500.00"))
    chance = random.Random(2030)  # noqa: S311 - demo data, not security
    last = quarter_of(today).previous()
    quarters = [last]
    for _step in range(7):
        quarters.insert(0, quarters[0].previous())
    added = 0
    for name, budget in PARTNERS.items():
        organisation = Organization.objects.filter(name=name).first()
        if organisation is None:
            continue
        partner = partner_add(actor=analyst, alliance=alliance, organisation=organisation)
        added += 1
        for index, quarter in enumerate(quarters):
            this_budget = Decimal(budget) * Decimal(1 + 0.02 * index)
            spent = this_budget * Decimal(str(round(chance.uniform(0.86, 0.99) - 0.015 * index, 3)))
            finance_record(
                actor=analyst,
                partner=partner,
                first_month=quarter.start,
                last_month=months_earlier(quarter.start, -2),
                budget=this_budget.quantize(Decimal("1")),
                spent=spent.quantize(Decimal("0.01")),
                submission_id=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-alliance/{name}/{quarter.slug}"),
            )
    return added
