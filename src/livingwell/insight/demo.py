"""Two years of Kingsmere's history before today, and a baseline from before the network, so that every
figure tells a story: more people introduced early, fewer referred to secondary care, shorter waits.
Made the same way each time (a fixed seed, months counted back from this one); loading again changes
nothing that is still the same."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from livingwell.core.demo import NEIGHBOURHOODS, core_demo_load
from livingwell.core.months import month_of, months_between, months_earlier
from livingwell.insight.demo_alliance import alliance_demo
from livingwell.insight.demo_coproduction import coproduction_history
from livingwell.insight.demo_support import AGE_BANDS, ETHNIC_GROUPS, GENDERS, HISTORY_MONTHS, support_history
from livingwell.insight.history import history_import_rows
from livingwell.insight.models import Baseline, Population
from livingwell.insight.summaries import months_since, months_summarise
from livingwell.support.models import Instrument


def _history_rows(today: datetime.date) -> list[tuple[int, dict[str, str]]]:
    chance = random.Random(2019)  # noqa: S311 - demo data, not security
    rows = []
    last = months_earlier(today, 1)
    months = months_between(months_earlier(last, HISTORY_MONTHS - 1), last)
    for index, month in enumerate(months):
        progress = index / (len(months) - 1)  # 0 in the first month, 1 in the last
        arrivals = round(55 + 35 * progress + chance.uniform(-6, 6))
        secondary_share = 0.45 - 0.33 * progress  # from about 25 a month to about 10
        longest_wait = round(21 - 15 * progress)
        days_in_month = (month_of(month + datetime.timedelta(days=32)) - month).days
        for number in range(arrivals):
            arrived = month + datetime.timedelta(days=chance.randrange(days_in_month))
            contact = arrived + datetime.timedelta(days=chance.randint(0, longest_wait))
            talk = contact + datetime.timedelta(days=chance.randint(0, longest_wait))
            if chance.random() < secondary_share:
                route = "secondary_care"
            else:
                route = chance.choice(["information", "community", "community", "hub_support", "hub_support", "closed"])
            waiting = talk >= today
            rows.append(
                {
                    "reference": f"KM-{month:%Y%m}-{number:03d}",
                    "arrived_on": arrived.isoformat(),
                    "first_contact_on": "" if contact >= today else contact.isoformat(),
                    "first_conversation_on": "" if waiting else talk.isoformat(),
                    "route": "" if waiting else route,
                    "routed_on": "" if waiting else talk.isoformat(),
                    "neighbourhood": chance.choice(NEIGHBOURHOODS),
                    "age_band": chance.choice(AGE_BANDS),
                    "gender": chance.choice(GENDERS),
                    "ethnic_group": chance.choice(ETHNIC_GROUPS),
                }
            )
    return list(enumerate(rows, start=2))


# Kingsmere's people aged 16 and over, made up in the shape of a Census 2021 return: the demo's history
# draws its groups evenly, so the older and the Black African groups show as reaching the network less.
POPULATION = {
    "age_band": {"16 to 24": 21000, "25 to 34": 34000, "35 to 44": 30000, "45 to 54": 27000,
                 "55 to 64": 22000, "65 to 74": 15000, "75 or over": 12000},
    "neighbourhood": {"Ashby Vale": 31000, "Brook Green": 26000, "Canal Side": 29000, "Daleford": 18000,
                      "Eastfield": 35000, "Millbrook": 22000},
    "ethnic_group": {"White British": 71000, "Black Caribbean": 17000, "Black African": 24000,
                     "Asian British: Pakistani": 9000, "Asian British: Bangladeshi": 8000, "Mixed": 11000,
                     "White: Polish": 7000, "Any other": 14000},
}  # fmt: skip


DEMO_THRESHOLDS = {
    "swemwbs": {"metric": 3},
    "ons4": {"life_satisfaction": 2, "worthwhile": 2, "happy": 2, "anxious": 2},
    "dialog": {"life": 1, "treatment": 1},
}


def insight_demo() -> list[str]:
    """Kingsmere's baseline (2019), two years of past introductions, Hub support and co-production, and the
    changes in wellbeing Kingsmere counts as meaningful."""
    core_demo_load()
    # The demo borough's own choice, as any deployment's (none is shipped): its thresholds, where unset.
    for code, thresholds in DEMO_THRESHOLDS.items():
        instrument = Instrument.objects.filter(code=code).first()
        if instrument is not None and not instrument.meaningful_change:
            instrument.meaningful_change = thresholds
            instrument.save(update_fields=["meaningful_change"])
    chance = random.Random(2018)  # noqa: S311 - demo data, not security
    for month in months_between(datetime.date(2019, 1, 1), datetime.date(2019, 12, 1)):
        Baseline.objects.update_or_create(
            month=month,
            defaults={
                "secondary_care_referrals": 34 + chance.randint(-4, 4),
                "introductions": 58 + chance.randint(-6, 6),
                "median_days_to_first_contact": 27 + chance.randint(-3, 3),
                "residential_entries": 3 + chance.randint(-1, 2),
                "discharges": 2 + chance.randint(-1, 1),
            },
        )
    for grouping, groups in POPULATION.items():
        for group, people in groups.items():
            Population.objects.update_or_create(grouping=grouping, group=group, defaults={"people": people})
    report = history_import_rows(_history_rows(timezone.localdate()))
    if report.problems:
        raise ValueError(f"The demo history did not load: {report.problems[:3]}")
    now = timezone.now()
    with transaction.atomic():
        episodes = support_history(now)
        meetings = coproduction_history(HISTORY_MONTHS - 4)  # the Collaborative's own series has the last 4
        partners = alliance_demo(timezone.localdate())
    months_summarise(months_since(now - datetime.timedelta(days=(HISTORY_MONTHS + 1) * 31)))
    return [
        f"Loaded the 2019 baseline, the borough's population by group, {report.imported} past introductions "
        f"and {episodes} past episodes of Hub support over {HISTORY_MONTHS} months, and {meetings} past "
        f"co-production meetings, and an alliance of {partners} partners with two years of budgets."
    ]
