"""Co-production benchmark: a body with 10 years of monthly meetings and 500 members.

Measures the public meeting page, the secretary's meeting page (all 500 members, with replies and
attendance), the decisions register, and the body's full iCalendar feed. Runs in-process through Django's
test client against DATABASE_URL (SQLite in var/bench-collaborative.sqlite3 by default). The floors, in the
same run: the minimal Django view behind the same middleware, and the register's rows fetched by raw SQL.

    ./lw bench collaborative
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/livingwell_bench_collaborative ./lw bench collaborative
"""

import datetime
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.in_process import analyse, page_getter, queries_in, report, setup, staff_client, timed

setup("bench-collaborative.sqlite3")

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from livingwell.accounts.models import Role, User  # noqa: E402
from livingwell.collaborative import services  # noqa: E402
from livingwell.collaborative.models import (  # noqa: E402
    Action,
    AgendaItem,
    Attendance,
    Body,
    Constituency,
    Decision,
    Meeting,
    Member,
    Membership,
    Minutes,
    QuorumRule,
)

MEMBERS = 500
YEARS = 10
SLUG = "bench-collaborative"
GROUPS = [
    ("Experts by Experience", "ebe", "Experts by Experience"),
    ("Carers", "carer", "Carers"),
    ("NHS", "organisation", "NHS"),
    ("Council", "organisation", "Council"),
    ("Voluntary sector", "organisation", "Voluntary sector"),
]


def generate(secretary: User) -> Body:
    """Make the body once: 500 members, 10 years of monthly meetings with attendance, agendas, decisions,
    actions and published minutes, a cancelled and a moved meeting each year."""
    body = Body.objects.filter(slug=SLUG).first()
    if body is not None:
        return body
    print(f"Generating {MEMBERS} members and {YEARS} years of monthly meetings…", flush=True)
    now = timezone.now()
    with transaction.atomic():
        body = Body.objects.create(
            slug=SLUG,
            name="Bench Collaborative",
            kind=Body.Kind.COLLABORATIVE,
            purpose="Benchmark",
            terms_of_reference="Benchmark",
            code_of_conduct="Benchmark",
        )
        groups = [Constituency.objects.create(body=body, name=n, kind=k, sector=s) for n, k, s in GROUPS]
        QuorumRule.objects.create(body=body, kind="organisation", minimum=4)
        QuorumRule.objects.create(body=body, kind="ebe", minimum=4)
        members = Member.objects.bulk_create(
            Member(name=f"Member {n}", email=f"member{n}@bench.example", named_in_public=n % 3 == 0)
            for n in range(MEMBERS)
        )
        Membership.objects.bulk_create(
            Membership(
                member=member,
                body=body,
                constituency=groups[n % len(groups)],
                agreed_code_at=now,
                joined_on=now.date(),
            )
            for n, member in enumerate(members)
        )
        own = Member.objects.create(name="Bench Secretary", user=secretary)
        Membership.objects.create(
            member=own, body=body, constituency=groups[4], role="secretary", agreed_code_at=now, joined_on=now.date()
        )
        first = timezone.localtime(now - datetime.timedelta(days=365 * YEARS)).replace(
            hour=8, minute=0, second=0, microsecond=0
        )
        services.series_create(
            actor=secretary,
            body=body,
            rule="FREQ=MONTHLY;BYDAY=+2TH",
            first_start=first,
            minutes_long=120,
            venue="The Hub",
            online_link="https://meet.example/bench",
            accessibility="Step-free",
        )
        memberships = list(Membership.objects.filter(body=body).select_related("constituency"))
        meetings = list(Meeting.objects.filter(body=body).order_by("starts_at"))
        past = [m for m in meetings if m.ends_at < now]
        for year_start in range(0, len(past), 12):
            Meeting.objects.filter(pk=past[year_start].pk).update(status="cancelled", sequence=1)
            if year_start + 6 < len(past):
                moved = past[year_start + 6]
                Meeting.objects.filter(pk=moved.pk).update(
                    status="moved",
                    sequence=1,
                    starts_at=moved.starts_at + datetime.timedelta(days=7),
                    ends_at=moved.ends_at + datetime.timedelta(days=7),
                )
        attendance, items, decisions, actions, minutes = [], [], [], [], []
        for index, meeting in enumerate(past):
            there = memberships[(index * 7) % 400 : (index * 7) % 400 + 40]
            attendance += [
                Attendance(
                    meeting=meeting,
                    membership=m,
                    kind=m.constituency.kind,
                    constituency_name=m.constituency.name,
                    recorded_by=secretary,
                )
                for m in there
            ]
            items += [AgendaItem(meeting=meeting, title=f"Item {n}", lead=there[n], position=n) for n in range(5)]
            decisions += [
                Decision(
                    meeting=meeting,
                    body=body,
                    what=f"Decision {n} of meeting {index}",
                    scope="in" if n else "out",
                    out_reason="" if n else "financial",
                    out_explanation="" if n else "The budget is set by the council.",
                    participation="co_producing",
                    quorate=True,
                    constituencies_present=[{"name": g.name, "kind": g.kind, "count": 8} for g in groups],
                    submission_id=uuid.uuid4(),
                    recorded_by=secretary,
                )
                for n in range(3)
            ]
            actions += [
                Action(
                    body=body,
                    meeting=meeting,
                    what=f"Action {n} of meeting {index}",
                    owner=there[n],
                    due_on=meeting.starts_at.date() + datetime.timedelta(days=20),
                    status="open" if index > len(past) - 4 else "done",
                    submission_id=uuid.uuid4(),
                )
                for n in range(2)
            ]
            minutes.append(
                Minutes(
                    meeting=meeting,
                    text="Minutes " * 200,
                    status="published",
                    public_text="Minutes " * 200,
                    public_attendance=[f"Member {n}" for n in range(20)],
                    published_at=now,
                )
            )
        Attendance.objects.bulk_create(attendance)
        AgendaItem.objects.bulk_create(items)
        Decision.objects.bulk_create(decisions)
        Action.objects.bulk_create(actions)
        Minutes.objects.bulk_create(minutes)
        Meeting.objects.filter(pk__in=[m.pk for m in past]).update(agenda_published_at=now)
    return body


def register_floor() -> None:
    """The register's first page of rows, by raw SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.id, d.what, d.scope, d.out_reason, d.out_explanation, d.participation, d.quorate, "
            "d.constituencies_present, b.name, m.starts_at FROM collaborative_decision d "
            "JOIN collaborative_body b ON b.id = d.body_id JOIN collaborative_meeting m ON m.id = d.meeting_id "
            "ORDER BY m.starts_at DESC, d.id DESC LIMIT 25"
        )
        cursor.fetchall()


def main() -> int:
    secretary_client = staff_client("bench-secretary", Role.SECRETARY)
    secretary = User.objects.get(username="bench-secretary")
    started = time.perf_counter()
    body = generate(secretary)
    print(f"(data ready in {time.perf_counter() - started:.1f} s)")
    analyse()
    now = timezone.now()
    latest = Meeting.objects.filter(body=body, ends_at__lt=now, status="scheduled").order_by("-starts_at").first()
    visitor = Client()
    public_meeting = page_getter(visitor, f"/collaborative/meetings/{latest.pk}/")
    running = page_getter(secretary_client, f"/collaborative/meetings/{latest.pk}/run/")
    register = page_getter(visitor, "/collaborative/decisions/")
    register_later = page_getter(visitor, f"/collaborative/decisions/?body={SLUG}&page=20")
    feed = page_getter(visitor, f"/collaborative/{SLUG}/meetings.ics")
    counts = {
        "public meeting": queries_in(public_meeting),
        "running meeting": queries_in(running),
        "register": queries_in(register),
        "feed": queries_in(feed),
    }
    rows = [
        ("meeting page, public", *timed(public_meeting), 150),
        ("meeting page, secretary (500 members)", *timed(running), 150),
        ("decisions register, page 1", *timed(register), 150),
        ("decisions register, page 20 of one body", *timed(register_later), 150),
        ("iCalendar feed, 10 years", *timed(feed), 200),
    ]
    floor = timed(page_getter(visitor, "/bench/minimal/"))
    signed_in_floor = timed(page_getter(secretary_client, "/bench/minimal/"))
    raw = timed(register_floor)
    meetings = Meeting.objects.filter(body=body).count()
    print(
        f"Database: {connection.vendor}; {meetings} meetings, {Membership.objects.filter(body=body).count()} members, "
        f"{Decision.objects.filter(body=body).count()} decisions"
    )
    report(
        [
            *(
                (name, p50, p95, f"p95 <= {target} ms: " + ("meets" if p95 <= target else "MISSES"))
                for name, p50, p95, target in rows
            ),
            ("floor: minimal view, visitor", *floor, ""),
            ("floor: minimal view, signed-in secretary", *signed_in_floor, ""),
            ("floor: register rows by raw SQL", *raw, ""),
        ]
    )
    print("queries: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
