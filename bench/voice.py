"""Evaluation benchmark: a body of 500 members with 10 rounds of evaluation, each answered by most of them.

Measures a round's results page (the distribution by group, the movement over all 10 rounds, the quotes), for
a visitor once published and for the secretary who runs the body, and the secretary's page of the round with
its 500 invitations and answers. Runs in-process through Django's test client against DATABASE_URL (SQLite in
var/bench-voice.sqlite3 by default). The floors, in the same run: the minimal Django view behind the same
middleware, and the counts the results are made from, by raw SQL.

    ./lw bench voice
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_voice ./lw bench voice
"""

import datetime
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.in_process import analyse, page_getter, queries_in, report, setup, staff_client, timed

setup("bench-voice.sqlite3")

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from livingwell.accounts.models import Role, User  # noqa: E402
from livingwell.collaborative.models import Body, Constituency, Member, Membership  # noqa: E402
from livingwell.voice.models import Answer, EvaluationRound, Invitation, Rung  # noqa: E402

MEMBERS = 500
ROUNDS = 10
SLUG = "bench-voice"
GROUPS = [
    ("Experts by Experience", "ebe"),
    ("Carers", "carer"),
    ("NHS", "organisation"),
    ("Council", "organisation"),
    ("Voluntary sector", "organisation"),
]


def generate(secretary: User) -> Body:
    """Make the body once: 500 members, 10 published rounds, each answered by about 8 in 10 of them."""
    body = Body.objects.filter(slug=SLUG).first()
    if body is not None:
        return body
    print(f"Generating {MEMBERS} members and {ROUNDS} rounds of evaluation…", flush=True)
    now = timezone.now()
    chance = random.Random(2026)
    ladder = list(Rung.objects.order_by("position"))
    with transaction.atomic():
        body = Body.objects.create(
            slug=SLUG,
            name="Bench evaluation",
            kind=Body.Kind.WORKSTREAM,
            purpose="-",
            terms_of_reference="-",
            code_of_conduct="-",
        )
        groups = [Constituency.objects.create(body=body, name=n, kind=k, sector=n) for n, k in GROUPS]
        members = Member.objects.bulk_create(
            Member(name=f"Member {n}", email=f"member{n}@bench.example") for n in range(MEMBERS)
        )
        memberships = Membership.objects.bulk_create(
            Membership(member=m, body=body, constituency=groups[n % 5], agreed_code_at=now, joined_on=now.date())
            for n, m in enumerate(members)
        )
        own = Member.objects.create(name="Bench Secretary", user=secretary)
        Membership.objects.create(
            member=own, body=body, constituency=groups[4], role="secretary", agreed_code_at=now, joined_on=now.date()
        )
        today = timezone.localdate()
        for number in range(ROUNDS):
            closes = today - datetime.timedelta(days=180 * (ROUNDS - number))
            the_round = EvaluationRound.objects.create(
                body=body,
                kind="review",
                title=f"Round {number + 1}",
                opens_on=closes - datetime.timedelta(days=14),
                closes_on=closes,
                invited_at=now,
                published_at=now,
                created_by=secretary,
                submission_id=uuid.uuid4(),
            )
            invitations, answers = [], []
            for membership in memberships:
                group = membership.constituency.kind
                answered = chance.random() < 0.8
                invitations.append(
                    Invitation(
                        round=the_round, member_id=membership.member_id, group=group, sent_at=now, answered=answered
                    )
                )
                if answered:
                    step = min(len(ladder), max(1, round(2 + number * 0.4 + chance.gauss(0, 1))))
                    answers.append(
                        Answer(
                            round=the_round,
                            rung=ladder[step - 1],
                            group=group,
                            why="Because " * 20,
                            move_up="More say " * 10,
                            may_quote=chance.random() < 0.1,
                        )
                    )
            Invitation.objects.bulk_create(invitations)
            Answer.objects.bulk_create(answers)
    return body


def counts_floor(round_ids: list[int]) -> None:
    """The counts the results are made from, by raw SQL."""
    marks = ", ".join(["%s"] * len(round_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT round_id, "group", rung_id, COUNT(*) FROM voice_answer WHERE round_id IN ({marks}) '
            'GROUP BY round_id, "group", rung_id',
            round_ids,
        )
        cursor.fetchall()


def main() -> int:
    secretary_client = staff_client("bench-secretary", Role.SECRETARY)
    secretary = User.objects.get(username="bench-secretary")
    started = time.perf_counter()
    body = generate(secretary)
    print(f"(data ready in {time.perf_counter() - started:.1f} s)")
    analyse()
    rounds = list(EvaluationRound.objects.filter(body=body).order_by("closes_on"))
    latest = rounds[-1]
    visitor = Client()
    public = page_getter(visitor, f"/evaluation/rounds/{latest.pk}/results/")
    running_results = page_getter(secretary_client, f"/evaluation/rounds/{latest.pk}/results/")
    running = page_getter(secretary_client, f"/evaluation/rounds/{latest.pk}/")
    counts = {
        "results, visitor": queries_in(public),
        "results, secretary": queries_in(running_results),
        "round, secretary": queries_in(running),
    }
    rows = [
        ("results page, visitor (10 rounds)", *timed(public), 150),
        ("results page, secretary", *timed(running_results), 150),
    ]
    round_page = timed(running)
    floor = timed(page_getter(visitor, "/bench/minimal/"))
    signed_in_floor = timed(page_getter(secretary_client, "/bench/minimal/"))
    raw = timed(lambda: counts_floor([each.pk for each in rounds]))
    print(
        f"Database: {connection.vendor}; {Membership.objects.filter(body=body).count()} members, {len(rounds)} rounds, "
        f"{Answer.objects.filter(round__body=body).count()} answers"
    )
    report(
        [
            *(
                (name, p50, p95, f"p95 <= {target} ms: " + ("meets" if p95 <= target else "MISSES"))
                for name, p50, p95, target in rows
            ),
            ("round page, secretary (500 invited)", *round_page, "(no target: names every invitation)"),
            ("floor: minimal view, visitor", *floor, ""),
            ("floor: minimal view, signed-in secretary", *signed_in_floor, ""),
            ("floor: the counts by raw SQL", *raw, ""),
        ]
    )
    print("queries: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
