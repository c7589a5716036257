"""Insight benchmark: the figures over a London-sized history of 1.5 million introductions, 300,000 episodes
of Hub support, 250,000 onward introductions and 3 million measurements in ten years, with twenty
co-production bodies meeting monthly and an alliance of six partners. The dashboard, the public page for a
quarter, a quarterly report and the alliance's page are each timed.

Runs in-process through Django's test client, signed in as an analyst with a verified second factor,
against DATABASE_URL (SQLite in var/bench-insight.sqlite3 by default). Each dashboard request starts
with the cache cleared, so every one counts the figures afresh from the monthly summaries (decision
0023); the worker's cost of summing up a month again, as it does after each change, is measured
too. The floor is the same aggregate as one
hand-written SQL query (the introductions by month and route), in the same run:

    ./lw bench insight
    createdb -h 127.0.0.1 -U postgres livingwell_bench_insight   # once, for PostgreSQL
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_insight ./lw bench insight
"""

import datetime
import io
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.in_process import analyse, report, setup, staff_client

setup("bench-insight.sqlite3")

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from livingwell.accounts.models import Role, User  # noqa: E402
from livingwell.collaborative.models import (  # noqa: E402
    Attendance,
    Body,
    Constituency,
    ConstituencyKind,
    Decision,
    Meeting,
    Member,
    Membership,
    QuorumRule,
)
from livingwell.core.models import Neighbourhood  # noqa: E402
from livingwell.core.months import month_of, months_between  # noqa: E402
from livingwell.core.outcomes import Big3Outcome  # noqa: E402
from livingwell.directory.models import Organization, Service  # noqa: E402
from livingwell.insight.counting import counted_dates  # noqa: E402
from livingwell.insight.models import (  # noqa: E402
    Alliance,
    AlliancePartner,
    CountedIntroduction,
    MonthCount,
    PartnerFinance,
    QuarterlyReport,
    Route,
)
from livingwell.insight.quarters import quarter_of  # noqa: E402
from livingwell.insight.summaries import month_summarise, months_summarise, months_unsummarised  # noqa: E402
from livingwell.insight.wellbeing import wellbeing_scores_fill  # noqa: E402
from livingwell.people.models import Person  # noqa: E402
from livingwell.support.measures import score  # noqa: E402
from livingwell.support.models import (  # noqa: E402
    Episode,
    EpisodeChange,
    Goal,
    Instrument,
    Measurement,
    OnwardIntroduction,
    OnwardStatusChange,
    Plan,
)

INTRODUCTIONS = 1_500_000
EPISODES = 300_000
MEASUREMENTS = 3_000_000  # ten an episode: wellbeing four times, ONS4 and DIALOG three times each
ONWARD_SHARE = 0.85  # of episodes, each with one onward introduction
FIRST_MONTH = datetime.date(2016, 12, 1)
LAST_MONTH = datetime.date(2026, 11, 1)  # ten years, 120 months
BATCH = 20_000
TIMES = 20


def generate() -> None:
    held = CountedIntroduction.objects.count()
    if held >= INTRODUCTIONS:
        return
    print(f"Generating {INTRODUCTIONS:,} counted introductions over ten years…", flush=True)
    started = time.perf_counter()
    CountedIntroduction.objects.all().delete()
    areas = [
        Neighbourhood.objects.get_or_create(slug=f"area-{n}", defaults={"name": f"Area {n}"})[0].pk for n in range(20)
    ]
    chance = random.Random(15)
    months = months_between(FIRST_MONTH, LAST_MONTH)
    per_month = INTRODUCTIONS // len(months)
    routes = [*Route.values, ""]
    batch: list[CountedIntroduction] = []
    number = 0
    for month in months:
        for _ in range(per_month):
            arrived = month + datetime.timedelta(days=chance.randrange(28))
            contact = arrived + datetime.timedelta(days=chance.randint(0, 30)) if chance.random() < 0.97 else None
            talk = (
                contact + datetime.timedelta(days=chance.randint(0, 30)) if contact and chance.random() < 0.8 else None
            )
            route = chance.choice(routes)
            routed = (talk or contact or arrived) if route else None
            batch.append(
                CountedIntroduction(
                    origin=CountedIntroduction.Origin.HISTORY,
                    reference=f"B{number}",
                    by_self=chance.random() < 0.6,
                    known_before=chance.random() < 0.2,
                    route=route,
                    neighbourhood_id=chance.choice(areas),
                    age_band=chance.choice(["16 to 24", "25 to 34", "35 to 44", "45 to 54", ""]),
                    **counted_dates(
                        arrived_on=arrived, first_contact_on=contact, first_conversation_on=talk, routed_on=routed
                    ),
                )
            )
            number += 1
            if len(batch) == BATCH:
                with transaction.atomic():
                    CountedIntroduction.objects.bulk_create(batch)
                batch = []
    if batch:
        CountedIntroduction.objects.bulk_create(batch)
    print(f"…generated in {time.perf_counter() - started:.0f} s", flush=True)


def generate_support() -> None:
    """300,000 episodes over the ten years, 2,500 opening a month, each with its history: opened, closed
    after one to six months (still open near the end), one in eight reopened later; most with an onward
    introduction answered in a few days. Then every month is summed up afresh, as the worker would have."""
    if Episode.objects.count() >= EPISODES:
        return
    print(f"Generating {EPISODES:,} episodes with their history and onward introductions…", flush=True)
    started = time.perf_counter()
    zone = datetime.UTC
    chance = random.Random(16)
    guides = [
        User.objects.get_or_create(username=f"bench-guide-{n}", defaults={"role": Role.PERSONAL_GUIDE})[0]
        for n in range(60)
    ]
    services = []
    for n, kind in enumerate(Organization.Kind.values * 3):
        organisation, _created = Organization.objects.get_or_create(
            name=f"Bench organisation {n}", defaults={"kind": kind}
        )
        services.append(Service.objects.get_or_create(name=f"Bench service {n}", organization=organisation)[0])
    end = datetime.datetime(LAST_MONTH.year, LAST_MONTH.month, 28, tzinfo=zone)
    months = months_between(FIRST_MONTH, LAST_MONTH)
    per_month = EPISODES // len(months)
    Status = OnwardIntroduction.Status
    for month in months:
        people, episodes, changes, onward, steps = [], [], [], [], []
        for _ in range(per_month):
            opened = datetime.datetime(month.year, month.month, 1, tzinfo=zone) + datetime.timedelta(
                days=chance.uniform(0, 28)
            )
            closed = opened + datetime.timedelta(days=chance.uniform(30, 180))
            back = closed + datetime.timedelta(days=chance.uniform(20, 200)) if chance.random() < 0.12 else None
            guide = chance.choice(guides)
            person = Person(preferred_name="Bench")
            moments = [(EpisodeChange.Kind.OPENED, opened)]
            if closed < end:
                moments.append((EpisodeChange.Kind.CLOSED, closed))
                if back and back < end:
                    moments.append((EpisodeChange.Kind.REOPENED, back))
            is_closed = moments[-1][0] == EpisodeChange.Kind.CLOSED
            episode = Episode(
                person=person,
                guide=guide,
                opened_at=opened,
                status=Episode.Status.CLOSED if is_closed else Episode.Status.OPEN,
                closed_at=moments[-1][1] if is_closed else None,
            )
            people.append(person)
            episodes.append(episode)
            changes += [
                EpisodeChange(episode=episode, kind=kind, reason="-", changed_at=when, guide=guide)
                for kind, when in moments
            ]
            if chance.random() < ONWARD_SHARE:
                sent = opened + datetime.timedelta(days=chance.uniform(3, 14))
                replied = sent + datetime.timedelta(days=chance.uniform(0, 20))
                reached = [
                    (Status.SENT, sent),
                    (chance.choice([Status.ACCEPTED, Status.ACCEPTED, Status.DECLINED]), replied),
                ]
                if reached[-1][0] == Status.ACCEPTED:
                    reached.append((Status.STARTED, replied + datetime.timedelta(days=5)))
                introduction = OnwardIntroduction(
                    person=person, episode=episode, service=chance.choice(services), status=reached[-1][0],
                    sent_at=sent, sent_by=guide, respond_by=(sent + datetime.timedelta(days=14)).date(),
                    status_changed_at=reached[-1][1],
                )  # fmt: skip
                onward.append(introduction)
                steps += [
                    OnwardStatusChange(onward=introduction, status=status, changed_at=when, changed_by=guide)
                    for status, when in reached
                ]
        with transaction.atomic():
            for model, rows in ((Person, people), (Episode, episodes), (EpisodeChange, changes),
                                (OnwardIntroduction, onward), (OnwardStatusChange, steps)):  # fmt: skip
                model.objects.bulk_create(rows, batch_size=2000)
    print(f"…generated in {time.perf_counter() - started:.0f} s; summarising every month afresh…", flush=True)
    started = time.perf_counter()
    MonthCount.objects.all().delete()
    months_summarise(months)
    print(f"…summarised in {time.perf_counter() - started:.0f} s", flush=True)


def generate_outcomes() -> None:
    """Ten measurements an episode over its first months, and a goal or two; then every month afresh."""
    if Measurement.objects.count() >= MEASUREMENTS:
        return
    print(f"Generating {MEASUREMENTS:,} measurements and goals…", flush=True)
    started = time.perf_counter()
    Measurement.objects.all().delete()
    Goal.objects.all().delete()
    Plan.objects.all().delete()
    chance = random.Random(17)
    instruments = {
        instrument.code: (instrument, list(instrument.items.all())) for instrument in Instrument.objects.all()
    }
    times = {"swemwbs": 4, "ons4": 3, "dialog": 3}
    episodes = list(Episode.objects.order_by("opened_at").values_list("pk", "person_id", "opened_at"))
    measurements: list[Measurement] = []
    plans: list[Plan] = []
    goals: list[Goal] = []

    def flush() -> None:
        with transaction.atomic():
            Measurement.objects.bulk_create(measurements, batch_size=2000)
            Plan.objects.bulk_create(plans, batch_size=2000)
            Goal.objects.bulk_create(goals, batch_size=2000)
        measurements.clear()
        plans.clear()
        goals.clear()

    for episode, person, opened in episodes:
        for code, count in times.items():
            instrument, items = instruments[code]
            for number in range(count):
                answers = {str(item.number): chance.choice(item.options)[0] for item in items}
                measurements.append(
                    Measurement(
                        person_id=person,
                        episode_id=episode,
                        instrument=instrument,
                        occasion="review",
                        taken_at=opened + datetime.timedelta(days=30 * number + chance.uniform(0, 10)),
                        answers=answers,
                        scores=score(instrument, items, answers),
                        submission_token=uuid.uuid4(),
                    )
                )
        plan = Plan(person_id=person)
        plans.append(plan)
        goals += [
            Goal(plan=plan, outcome=outcome, what="-", progress=chance.randint(0, 10))
            for outcome in chance.sample(Big3Outcome.values, chance.choice([1, 2]))
        ]
        if len(measurements) >= 20_000:
            flush()
    flush()
    # Each goal set a week after its plan's episode opened (made now, so moved back afterwards).
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE support_goal SET created_at = (SELECT MIN(e.opened_at) FROM support_episode e "
            "JOIN support_plan p ON p.person_id = e.person_id WHERE p.id = support_goal.plan_id)"
        )
    print(f"…generated in {time.perf_counter() - started:.0f} s; summarising every month afresh…", flush=True)
    started = time.perf_counter()
    MonthCount.objects.all().delete()
    months_summarise(months_between(FIRST_MONTH, LAST_MONTH))
    print(f"…summarised in {time.perf_counter() - started:.0f} s", flush=True)


BODIES = 20  # a London borough's co-production bodies, each meeting monthly
PARTNERS = 6  # an alliance of the bench organisations


def generate_coproduction() -> None:
    """Twenty bodies meeting monthly for ten years, twelve members at each meeting and two decisions; and an
    alliance of six partners with a budget and spend each quarter."""
    if Meeting.objects.count() >= BODIES * 120:
        return
    print(f"Generating {BODIES * 120:,} meetings with their attendance and decisions…", flush=True)
    started = time.perf_counter()
    chance = random.Random(17)
    recorder = User.objects.get_or_create(username="bench-secretary", defaults={"role": Role.SECRETARY})[0]
    months = months_between(FIRST_MONTH, LAST_MONTH)
    for number in range(BODIES):
        body = Body.objects.create(
            name=f"Bench body {number}", slug=f"bench-body-{number}", kind=Body.Kind.WORKSTREAM,
            purpose="-", terms_of_reference="-", code_of_conduct="-",
        )  # fmt: skip
        QuorumRule.objects.create(body=body, kind="", minimum=10)
        kinds = [ConstituencyKind.EXPERT_BY_EXPERIENCE, ConstituencyKind.ORGANISATION, ConstituencyKind.CARER]
        groups = [
            Constituency.objects.create(body=body, name=f"{kind} {number}", kind=kind, sector=kind) for kind in kinds
        ]
        members = [
            Membership.objects.create(
                member=Member.objects.create(name=f"Bench member {number}-{n}"),
                body=body,
                constituency=groups[n % 3],
                agreed_code_at=timezone.now(),
                joined_on=FIRST_MONTH,
            )
            for n in range(15)
        ]
        meetings = Meeting.objects.bulk_create(
            Meeting(
                body=body,
                venue="-",
                starts_at=datetime.datetime(month.year, month.month, 10, 18, tzinfo=datetime.UTC),
                ends_at=datetime.datetime(month.year, month.month, 10, 20, tzinfo=datetime.UTC),
            )
            for month in months
        )
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting,
                membership=membership,
                kind=membership.constituency.kind,
                constituency_name=membership.constituency.name,
                recorded_by=recorder,
            )
            for meeting in meetings
            for membership in chance.sample(members, 12)
        )
        Decision.objects.bulk_create(
            Decision(
                meeting=meeting,
                body=body,
                what="-",
                scope="in",
                participation=chance.choice(Decision.Participation.values),
                quorate=True,
                submission_id=uuid.uuid4(),
                recorded_by=recorder,
            )
            for meeting in meetings
            for _decision in range(2)
        )
    alliance = Alliance.objects.create(name="Bench alliance", outcomes="-", baseline_cost_per_person=10000)
    for organisation in Organization.objects.filter(name__startswith="Bench organisation").order_by("name")[:PARTNERS]:
        partner = AlliancePartner.objects.create(alliance=alliance, organisation=organisation)
        PartnerFinance.objects.bulk_create(
            PartnerFinance(
                partner=partner,
                first_month=month,
                last_month=months[index + 2],
                budget=90000,
                spent=85000,
                recorded_by=recorder,
                submission_id=uuid.uuid4(),
            )
            for index, month in enumerate(months)
            if index % 3 == 0
        )
    print(f"…generated in {time.perf_counter() - started:.0f} s", flush=True)


def summarise() -> None:
    """Sum up every month not summed up yet, as the worker and the history import would have."""
    missing = months_unsummarised()
    if missing:
        print(f"Summarising {len(missing)} months…", flush=True)
        started = time.perf_counter()
        months_summarise(missing)
        print(f"…summarised in {time.perf_counter() - started:.0f} s", flush=True)


def timed(call: Callable[[], object], times: int = TIMES) -> tuple[float, float]:
    """p50 and p95 in milliseconds over ``times`` calls after two untimed ones."""
    call()
    call()
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent), statistics.quantiles(spent, n=20)[18]


def main() -> int:
    generate()
    summarise()
    generate_support()
    generate_outcomes()
    wellbeing_scores_fill()  # the measurements were made in bulk, past the signal that keeps their scores
    generate_coproduction()
    summarise()
    analyse()
    client = staff_client("bench-analyst", Role.ANALYST)
    year = {"start": f"{month_of(LAST_MONTH.replace(year=LAST_MONTH.year - 1) + datetime.timedelta(days=31)):%Y-%m}",
            "end": f"{LAST_MONTH:%Y-%m}"}  # fmt: skip
    decade = {"start": f"{FIRST_MONTH:%Y-%m}", "end": f"{LAST_MONTH:%Y-%m}"}

    def dashboard(period: dict[str, str]) -> Callable[[], object]:
        def page() -> object:
            cache.clear()  # count afresh every time
            response = client.get("/figures/", period)
            assert response.status_code == 200, response.status_code
            return response.content

        return page

    def floor(period: dict[str, str]) -> Callable[[], object]:
        def query() -> object:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT month, route, COUNT(*) FROM insight_countedintroduction "
                    "WHERE month BETWEEN %s AND %s GROUP BY month, route",
                    [f"{period['start']}-01", f"{period['end']}-01"],
                )
                return cursor.fetchall()

        return query

    month_start = datetime.datetime(LAST_MONTH.year, LAST_MONTH.month, 1, tzinfo=datetime.UTC)

    def month_again() -> object:
        month_summarise(LAST_MONTH)
        return None

    def month_floor() -> object:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT route, by_self, known_before, COUNT(*) FROM insight_countedintroduction "
                "WHERE month = %s GROUP BY route, by_self, known_before",
                [LAST_MONTH],
            )
            return cursor.fetchall()

    def support_floor() -> object:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM support_episode WHERE opened_at < %s AND (closed_at IS NULL OR closed_at >= %s)",
                [month_start, month_start],
            )
            return cursor.fetchall()

    def figures_command() -> object:
        out = io.StringIO()
        call_command("insight_figures", "--from", decade["start"], "--to", decade["end"], "--json", stdout=out)
        return out.getvalue()

    quarter = quarter_of(LAST_MONTH)
    report_owner = User.objects.get(username="bench-analyst")
    QuarterlyReport.objects.get_or_create(quarter_start=quarter.start, defaults={"created_by": report_owner})
    alliance = Alliance.objects.get(name="Bench alliance")

    def page_afresh(path: str, period: dict[str, str] | None = None) -> Callable[[], object]:
        def page() -> object:
            cache.clear()
            response = client.get(path, period or {})
            assert response.status_code == 200, (path, response.status_code)
            return response.content

        return page

    def page_cached(path: str, period: dict[str, str]) -> Callable[[], object]:
        def page() -> object:
            response = client.get(path, period)
            assert response.status_code == 200, (path, response.status_code)
            return response.content

        return page

    cached = client.get("/figures/", year)  # and once more from the cache, as a page usually is
    assert cached.status_code == 200
    rows = [
        ("dashboard, 12 months, counted afresh", *timed(dashboard(year))),
        ("dashboard, 120 months, counted afresh", *timed(dashboard(decade))),
        (
            "How we are doing, a quarter, counted afresh",
            *timed(page_afresh("/how-we-are-doing/", {"quarter": quarter.slug})),
        ),
        (
            "quarterly report (a draft: the quarter counted afresh)",
            *timed(page_afresh(f"/figures/reports/{quarter.slug}/")),
        ),
        ("alliance of 6 partners, 12 months", *timed(page_afresh(f"/figures/alliances/{alliance.pk}/", year))),
        ("alliance of 6 partners, 120 months", *timed(page_afresh(f"/figures/alliances/{alliance.pk}/", decade))),
        (
            "alliance of 6 partners, 12 months, from the cache",
            *timed(page_cached(f"/figures/alliances/{alliance.pk}/", year)),
        ),
    ]
    command = timed(figures_command, times=5)
    target = 1000 if connection.vendor == "postgresql" else 3000
    print(
        f"Database: {connection.vendor}; {CountedIntroduction.objects.count():,} counted introductions, "
        f"{Episode.objects.count():,} episodes, {OnwardIntroduction.objects.count():,} onward introductions, "
        f"{Measurement.objects.count():,} measurements, {Meeting.objects.count():,} meetings, "
        f"{Attendance.objects.count():,} attendances"
    )
    report(
        [
            *(
                (name, p50, p95, f"p95 <= {target} ms: " + ("meets" if p95 <= target else "MISSES"))
                for name, p50, p95 in rows
            ),
            ("floor: by month and route in SQL, 12 months", *timed(floor(year)), ""),
            ("floor: by month and route in SQL, 120 months", *timed(floor(decade)), ""),
            (
                "worker: a month afresh (12,500 introductions, 2,500 episodes, 2,100 onward, 25,000 measured)",
                *timed(month_again, times=10),
                "",
            ),
            ("floor: that month's introductions by route in SQL", *timed(month_floor), ""),
            ("floor: episodes open as that month began, by their dates in SQL", *timed(support_floor), ""),
            (
                "insight_figures --json, 120 months",
                *command,
                "< 10,000 ms on PostgreSQL: " + ("meets" if command[1] < 10_000 else "MISSES"),
            ),
        ]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
