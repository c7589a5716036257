"""Two years of Kingsmere's history before today, and a baseline from before the network, so that every
figure tells a story: more people introduced early, fewer referred to secondary care, shorter waits.
Made the same way each time (a fixed seed, months counted back from this one); loading again changes
nothing that is still the same."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.core.demo import NEIGHBOURHOODS, core_demo_load
from livingwell.directory.models import Service
from livingwell.insight.counting import month_of, months_between, months_earlier
from livingwell.insight.history import history_import_rows
from livingwell.insight.models import Baseline, Population
from livingwell.insight.summaries import months_since, months_summarise
from livingwell.people.models import Person
from livingwell.support.models import Episode, EpisodeChange, OnwardIntroduction, OnwardStatusChange

HISTORY_MONTHS = 24
AGE_BANDS = ["16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "", ""]
GENDERS = ["Woman", "Man", "Non-binary", "", "Woman", "Man"]
ETHNIC_GROUPS = ["White British", "Black Caribbean", "Black African", "Asian British: Pakistani",
                 "Asian British: Bangladeshi", "Mixed", "White: Polish", "Any other", ""]  # fmt: skip


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


FIRST_NAMES = ["Ali", "Bea", "Cal", "Dee", "Eli", "Fen", "Gus", "Hal", "Ife", "Jas", "Kai", "Lou", "Mo", "Nia",
               "Oz", "Pia", "Raj", "Sol", "Tam", "Uma", "Vic", "Wen", "Yas", "Zed"]  # fmt: skip
SUPPORT_HISTORY_MARK = "history-0000@people.kingsmere.example"


# The days an organisation of each kind takes to reply to an onward introduction, at most.
REPLY_DAYS = {"nhs": 24, "council": 14, "charity": 7, "social_enterprise": 6, "community": 4, "faith": 5}
Onward = OnwardIntroduction.Status


def _onward_history(
    chance: random.Random,
    person: Person,
    episode: Episode,
    guide: User,
    services: list[Service],
    opened: datetime.datetime,
    now: datetime.datetime,
) -> list[tuple[OnwardIntroduction, list[OnwardStatusChange]]]:
    """An onward introduction a week or two into support, answered as its kind of organisation answers:
    most accepted and started, some declined, a few never answered. None that would still be waiting."""
    service = chance.choice(services)
    sent = opened + datetime.timedelta(days=chance.uniform(3, 14))
    replied = sent + datetime.timedelta(days=chance.uniform(0, REPLY_DAYS.get(service.organization.kind, 10)))
    steps = [(Onward.SENT, sent)]
    luck = chance.random()
    if luck < 0.08:
        steps.append((Onward.NO_RESPONSE, sent + datetime.timedelta(days=15)))
    elif luck < 0.2:
        steps.append((Onward.DECLINED, replied))
    else:
        started = replied + datetime.timedelta(days=chance.uniform(2, 10))
        finished = started + datetime.timedelta(days=chance.uniform(30, 90))
        steps += [(Onward.ACCEPTED, replied), (Onward.STARTED, started)]
        if chance.random() < 0.7:
            steps.append((Onward.FINISHED, finished))
    steps = [(status, when) for status, when in steps if when < now]
    if len(steps) < 2:
        return []  # not sent yet, or it would still be waiting for a reply: left out
    introduction = OnwardIntroduction(
        person=person,
        episode=episode,
        service=service,
        status=steps[-1][0],
        sent_at=sent,
        sent_by=guide,
        respond_by=(sent + datetime.timedelta(days=14)).date(),
        status_changed_at=steps[-1][1],
    )
    return [
        (
            introduction,
            [
                OnwardStatusChange(onward=introduction, status=status, changed_at=when, changed_by=guide)
                for status, when in steps
            ],
        )
    ]


def _support_history(now: datetime.datetime) -> int:
    """Two years of Hub support before today, growing month by month: people opened with a guide, most
    closed after a few months, and some back through the way back; most introduced onward to a service.
    Gabriel's past people are all closed, so his caseload is the support demo's; Priya's and Dana's carry
    on today. Made once; returns how many episodes it made (none when they are there already)."""
    if Person.objects.filter(email=SUPPORT_HISTORY_MARK).exists():
        return 0
    chance = random.Random(2020)  # noqa: S311 - demo data, not security
    gabriel, *others = [User.objects.get(username=name) for name in ("guide", "peer", "duty")]
    start = now - datetime.timedelta(days=HISTORY_MONTHS * 30.4)
    changes = []
    onward: list[tuple[OnwardIntroduction, list[OnwardStatusChange]]] = []
    # Not to the Canal Side kitchen, whose editor's queue is the support demo's.
    services = list(
        Service.objects.exclude(organization__kind="")
        .exclude(organization__name__in=["Canal Side Community Kitchen", "Kingsmere Living Well Hub"])
        .select_related("organization")
    )
    number = 0
    for month in range(HISTORY_MONTHS):
        for _index in range(round(6 + 8 * month / (HISTORY_MONTHS - 1) + chance.uniform(-2, 2))):
            opened = start + datetime.timedelta(days=month * 30.4 + chance.uniform(0, 30))
            person = Person.objects.create(
                preferred_name=f"{chance.choice(FIRST_NAMES)} {number:03d}",
                email=f"history-{number:04d}@people.kingsmere.example",
            )
            number += 1
            closed = opened + datetime.timedelta(days=chance.uniform(30, 150))
            comes_back = chance.random() < 0.12
            back = closed + datetime.timedelta(days=chance.uniform(20, 90))
            guide = chance.choice(others) if closed >= now or (comes_back and back < now) else gabriel
            moments = [(EpisodeChange.Kind.OPENED, opened)]
            if closed < now:
                moments.append((EpisodeChange.Kind.CLOSED, closed))
                if comes_back and back < now:
                    moments.append((EpisodeChange.Kind.REOPENED, back))
            last_kind, last_at = moments[-1]
            episode = Episode.objects.create(
                person=person,
                guide=guide,
                opened_at=opened,
                status=Episode.Status.CLOSED if last_kind == EpisodeChange.Kind.CLOSED else Episode.Status.OPEN,
                closed_at=last_at if last_kind == EpisodeChange.Kind.CLOSED else None,
            )
            changes += [
                EpisodeChange(episode=episode, kind=kind, reason="Hub support", changed_at=when, guide=guide)
                for kind, when in moments
            ]
            if chance.random() < 0.6:
                onward += _onward_history(chance, person, episode, guide, services, opened, now)
    # Made in bulk, past the signals that would queue every month since for each change: summed up once.
    EpisodeChange.objects.bulk_create(changes)
    OnwardIntroduction.objects.bulk_create([introduction for introduction, _steps in onward])
    OnwardStatusChange.objects.bulk_create([step for _introduction, steps in onward for step in steps])
    return len({change.episode_id for change in changes})


def insight_demo() -> list[str]:
    """Kingsmere's baseline (2019) and two years of past introductions."""
    core_demo_load()
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
        episodes = _support_history(now)
    months_summarise(months_since(now - datetime.timedelta(days=(HISTORY_MONTHS + 1) * 31)))
    return [
        f"Loaded the 2019 baseline, the borough's population by group, {report.imported} past introductions "
        f"and {episodes} past episodes of Hub support over {HISTORY_MONTHS} months."
    ]
