"""Two years of Kingsmere's Hub support before today, for the figures: episodes opened, closed and reopened,
onward introductions answered as each kind of organisation answers, outcome measures at the start and the
end of support, and goals (decisions 0024 to 0026). Made once, in bulk, past the signals; the months are
summed up afterwards."""

import datetime
import random
import uuid
from decimal import Decimal

from livingwell.accounts.models import User
from livingwell.core.models import Neighbourhood
from livingwell.core.outcomes import Big3Outcome
from livingwell.directory.models import Service
from livingwell.frontdoor.models import ContactAttempt, Introduction, IntroductionEquality
from livingwell.insight.services import counted_introduction_refresh
from livingwell.insight.wellbeing import wellbeing_scores_fill
from livingwell.people.models import Person
from livingwell.support.measures import score
from livingwell.support.models import (
    AccommodationMove,
    BudgetAllocation,
    BudgetSpend,
    ContactLogEntry,
    Episode,
    EpisodeChange,
    Goal,
    Instrument,
    InstrumentItem,
    LifeCircumstances,
    Measurement,
    OnwardIntroduction,
    OnwardStatusChange,
    Plan,
)

HISTORY_MONTHS = 24
# The groups people give at the front door, drawn evenly (a blank is a question left out).
AGE_BANDS = ["16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "", ""]
GENDERS = ["Woman", "Man", "Non-binary", "", "Woman", "Man"]
ETHNIC_GROUPS = ["White British", "Black Caribbean", "Black African", "Asian British: Pakistani",
                 "Asian British: Bangladeshi", "Mixed", "White: Polish", "Any other", ""]  # fmt: skip

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


def _measured(
    chance: random.Random,
    instruments: list[tuple[Instrument, list[InstrumentItem]]],
    person: Person,
    episode: Episode,
    opened: datetime.datetime,
    ended: datetime.datetime,
    later: float,
) -> list[Measurement]:
    """Each measure at the start of support and at its end (or now), most people a little better by the end,
    and more so for those supported later, as the network learned."""
    measured = []
    for instrument, items in instruments:
        if ended <= opened or chance.random() < 0.2:
            continue
        for when, lift in ((opened, 0.0), (ended, chance.uniform(-0.15, 0.35 + 0.2 * later))):
            answers = {}
            for item in items:
                values = [option[0] for option in item.options]
                worse_higher = item.key == "anxious"  # ONS4's anxiety: lower is better
                place = 0.7 - lift if worse_higher else 0.25 + lift
                place = min(max(place + chance.uniform(-0.15, 0.15), 0.0), 1.0)
                answers[str(item.number)] = values[round(place * (len(values) - 1))]
            measured.append(
                Measurement(
                    person=person,
                    episode=episode,
                    instrument=instrument,
                    taken_at=when,
                    answers=answers,
                    occasion=Measurement.Occasion.START if when == opened else Measurement.Occasion.END,
                    scores=score(instrument, items, answers),
                    submission_token=uuid.uuid4(),
                )
            )
    return measured


def _goals(
    chance: random.Random, person: Person, opened: datetime.datetime, ended: datetime.datetime
) -> list[tuple[Plan, tuple[Goal, datetime.datetime]]]:
    """A goal or two set in the first weeks, under the Big 3 outcomes, with the progress made by the end."""
    plan = Plan(person=person)
    made = []
    for outcome in chance.sample(Big3Outcome.values, chance.choice([1, 1, 2])):
        progress = chance.choice([3, 5, 6, 7, 8, 10, 10])
        set_at = min(opened + datetime.timedelta(days=chance.uniform(1, 21)), ended)
        goal = Goal(outcome=outcome, what="A goal of their own", progress=progress,
                    achieved_at=ended if progress == 10 else None)  # fmt: skip
        made.append((plan, (goal, set_at)))
    return made


def _life(
    chance: random.Random,
    person: Person,
    episode: Episode,
    guide: User,
    opened: datetime.datetime,
    ended: datetime.datetime,
) -> list[LifeCircumstances]:
    """Life circumstances at the start and at the end, for most people: some into work or volunteering,
    off benefits, into a home of their own, or taking less medication; a few the other way."""
    if ended <= opened or chance.random() < 0.3:
        return []

    def answer(before: str, hoped: str, worse: str) -> tuple[str, str]:
        luck = chance.random()
        return before, hoped if luck < 0.3 else worse if luck < 0.38 else before

    work = answer("neither", chance.choice(["paid", "volunteering"]), "neither")
    benefits = answer("gets", "none", "gets")
    home = answer(chance.choice(["supported", "residential", "own_tenancy"]), "own_tenancy", "supported")
    medication = answer("same", chance.choice(["less", "none"]), "more")
    records = []
    for index, when in enumerate((opened, ended)):
        occasion = Measurement.Occasion.START if when == opened else Measurement.Occasion.END
        records.append(
            LifeCircumstances(
                person=person,
                episode=episode,
                recorded_at=when,
                recorded_by=guide,
                occasion=occasion,
                work=work[index],
                benefits=benefits[index],
                home=home[index],
                medication=medication[index],
                education=chance.choice(["", "not", "in"]),
            )
        )
    return records


def _moves(
    person: Person, guide: User, lived: list[LifeCircumstances], opened: datetime.datetime
) -> list[AccommodationMove]:
    """Where they lived when support began and, if it changed, the move by the end, as their answers say."""
    if not lived or not lived[0].home:
        return []
    first, latest = lived[0], lived[-1]
    since = (opened - datetime.timedelta(days=200)).date()
    moves = [AccommodationMove(person=person, kind=first.home, moved_on=since, recorded_by=guide)]
    if latest.home and latest.home != first.home:
        moves.append(
            AccommodationMove(person=person, kind=latest.home, moved_on=latest.recorded_at.date(), recorded_by=guide)
        )
    return moves


def _budget(
    chance: random.Random, person: Person, guide: User, opened: datetime.datetime, ended: datetime.datetime
) -> tuple[BudgetAllocation, list[BudgetSpend]] | None:
    """For about one in three, a personal budget from the start of support, spent a little each month."""
    if chance.random() > 0.35:
        return None
    starts = opened.date()
    allocation = BudgetAllocation(
        person=person, source=chance.choice(["health", "social_care"]), starts_on=starts,
        ends_on=starts + datetime.timedelta(days=365), amount=Decimal(chance.choice([1200, 1800, 2400, 3000])),
        created_by=guide,
    )  # fmt: skip
    spends = []
    day = starts + datetime.timedelta(days=10)
    while day < ended.date():
        spends.append(BudgetSpend(allocation=allocation, spent_on=day, what="Agreed in the plan",
                                  amount=Decimal(chance.choice([40, 60, 85, 120, 150])), recorded_by=guide,
                                  submission_token=uuid.uuid4()))  # fmt: skip
        day += datetime.timedelta(days=30)
    return allocation, spends


FrontDoor = tuple[Introduction, ContactAttempt, IntroductionEquality]


def _front_door(
    chance: random.Random, person: Person, guide: User, areas: list[Neighbourhood], opened: datetime.datetime
) -> FrontDoor:
    """How the person came: introducing themselves at the front door a week or two before their Hub support
    opened, called back within days, and routed to Hub support, with the groups they gave."""
    arrived = opened - datetime.timedelta(days=chance.uniform(5, 15))
    number = person.email.split("@")[0].removeprefix("history-")
    introduction = Introduction(
        reference=f"LW-S-{number}",
        submission_token=uuid.uuid5(uuid.NAMESPACE_URL, person.email),
        for_whom=Introduction.ForWhom.SELF,
        preferred_name=person.preferred_name,
        contact_methods=["phone"],
        in_their_words="I would like some support to get back on my feet.",
        neighbourhood=chance.choice(areas),
        status=Introduction.Status.ROUTED,
        person=person,
        route=Introduction.Route.HUB,
        routed_at=opened,
        routed_by=guide,
        created_at=arrived,
    )
    called = ContactAttempt(
        introduction=introduction,
        outcome=ContactAttempt.Outcome.SPOKE,
        attempted_at=arrived + datetime.timedelta(days=chance.uniform(0.2, 4)),
        recorded_by=guide,
    )
    groups = IntroductionEquality(
        introduction=introduction,
        age_band=chance.choice(AGE_BANDS),
        gender=chance.choice(GENDERS),
        ethnic_group=chance.choice(ETHNIC_GROUPS),
    )
    return introduction, called, groups


def _front_door_create(came: list[FrontDoor]) -> None:
    """Made in bulk past the signals, then counted: saving stamps an introduction's arrival as now, so it is
    set again after."""
    arrivals = [introduction.created_at for introduction, _called, _groups in came]
    introductions = Introduction.objects.bulk_create([introduction for introduction, _called, _groups in came])
    for introduction, arrived in zip(introductions, arrivals, strict=True):
        introduction.created_at = arrived
    Introduction.objects.bulk_update(introductions, ["created_at"])
    ContactAttempt.objects.bulk_create([called for _introduction, called, _groups in came])
    IntroductionEquality.objects.bulk_create([groups for _introduction, _called, groups in came])
    for introduction in introductions:
        counted_introduction_refresh(introduction_id=introduction.pk)


def support_history(now: datetime.datetime) -> int:
    """Two years of Hub support before today, growing month by month: people opened with a guide, most
    closed after a few months, and some back through the way back; most introduced onward to a service.
    Gabriel's past people are all closed, so his caseload is the support demo's; Priya's and Dana's carry
    on today. Made once; returns how many episodes it made (none when they are there already)."""
    if Person.objects.filter(email=SUPPORT_HISTORY_MARK).exists():
        return 0
    chance = random.Random(2020)  # noqa: S311 - demo data, not security
    gabriel, *others = [User.objects.get(username=name) for name in ("guide", "peer", "duty")]
    door = random.Random(2021)  # noqa: S311 - demo data; its own, so the rest of the history stays as it was
    start = now - datetime.timedelta(days=HISTORY_MONTHS * 30.4)
    changes = []
    onward: list[tuple[OnwardIntroduction, list[OnwardStatusChange]]] = []
    measurements: list[Measurement] = []
    contacts: list[ContactLogEntry] = []
    lives: list[LifeCircumstances] = []
    moves: list[AccommodationMove] = []
    budgets: list[tuple[BudgetAllocation, list[BudgetSpend]] | None] = []
    came: list[FrontDoor] = []
    areas = list(Neighbourhood.objects.order_by("name"))
    goals: list[tuple[Plan, tuple[Goal, datetime.datetime]]] = []
    instruments = [(instrument, list(instrument.items.all())) for instrument in Instrument.objects.order_by("code")]
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
            came.append(_front_door(door, person, others[-1], areas, opened))  # routed by the duty worker
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
            if last_kind != EpisodeChange.Kind.CLOSED:  # still supported: last in touch a few weeks ago at most
                called = now - datetime.timedelta(days=chance.uniform(1, 35))
                contacts.append(
                    ContactLogEntry(
                        episode=episode, kind=ContactLogEntry.Kind.CALL, happened_at=called, recorded_by=guide
                    )
                )
            ended = min(closed, now - datetime.timedelta(days=2))
            measurements += _measured(chance, instruments, person, episode, opened, ended, month / HISTORY_MONTHS)
            goals += _goals(chance, person, opened, ended)
            lived = _life(chance, person, episode, guide, opened, ended)
            lives += lived
            moves += _moves(person, guide, lived, opened)
            budgets.append(_budget(chance, person, guide, opened, ended))
    # Made in bulk, past the signals that would queue every month since for each change: summed up once.
    _front_door_create(came)
    EpisodeChange.objects.bulk_create(changes)
    Measurement.objects.bulk_create(measurements)
    wellbeing_scores_fill()
    ContactLogEntry.objects.bulk_create(contacts)
    LifeCircumstances.objects.bulk_create(lives)
    AccommodationMove.objects.bulk_create(moves)
    BudgetAllocation.objects.bulk_create([budget[0] for budget in budgets if budget])
    BudgetSpend.objects.bulk_create([spend for budget in budgets if budget for spend in budget[1]])
    Plan.objects.bulk_create(list({id(plan): plan for plan, _goal in goals}.values()))
    for plan, (goal, created) in goals:
        goal.plan = plan
        goal.save()
        Goal.objects.filter(pk=goal.pk).update(created_at=created)  # made now, it says when it was set
    OnwardIntroduction.objects.bulk_create([introduction for introduction, _steps in onward])
    OnwardStatusChange.objects.bulk_create([step for _introduction, steps in onward for step in steps])
    return len({change.episode_id for change in changes})
