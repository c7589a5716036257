"""Demo co-production: the Kingsmere Collaborative (open, second Thursday of the month, 8 to 10am) and the
Co-production Board (appointed, quarterly, a rotating chair, a quorum of 4 organisation representatives
and 4 Experts by Experience, Experts by Experience paid £15 an hour).

Sign in as "secretary" (Sol, secretary of both) to run them, or as "person" (Sam, an Expert by Experience
on both) to reply, suggest topics and see payments. Loaded once: run again, it leaves them as they are.
"""

import datetime
import uuid
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.collaborative import payments, services
from livingwell.collaborative.models import (
    Body,
    Constituency,
    ConstituencyKind,
    Decision,
    Guest,
    Meeting,
    Member,
    Membership,
    PaymentRate,
    QuorumRule,
    Topic,
)
from livingwell.collaborative.rotas import rota_create, rota_fill

CODE_OF_CONDUCT = """We meet as equals. Everyone's experience counts, whoever pays their wages.

Listen to understand. One person speaks at a time. Say what you think, kindly.

What people share about their own lives stays in the room.

No jargon or acronyms: if you hear one, ask. The chair will explain.

Take a break when you need to. You can leave at any time."""

COLLABORATIVE_TOR = """The Kingsmere Collaborative brings together people who use services, carers, voluntary and
community groups, GPs, the mental health trust, the council and commissioners to plan and check mental
health support in Kingsmere together.

It meets on the second Thursday of every month, 8 to 10am, at the Hub and online. Anyone who lives or works
in Kingsmere may join. It runs a rolling programme of topics that any member may suggest, with any other
business at every meeting. It is a critical friend to services, and checks how far co-production is
really happening."""

BOARD_TOR = """The Co-production Board agrees the Living Well Network's plans and budgets with equal
representation of Experts by Experience and organisations. It meets every three months with a chair that
rotates between sectors. It is quorate with at least 4 organisation representatives and 4 Experts by
Experience, who may be people with lived experience or carers. Experts by Experience are trained and paid
for their time. All minutes and forward agendas are published, with a register of which decisions were
open to co-production and why."""

# name, email, named in public, constituency key
COLLABORATIVE_MEMBERS = [
    ("Amara Okafor", True, "ebe"),
    ("Ben Hughes", False, "ebe"),
    ("Chloe Park", True, "carer"),
    ("Dev Patel", True, "community"),
    ("Ewa Nowak", False, "voluntary"),
    ("Femi Adebayo", True, "nhs"),
    ("Grace Lee", True, "council"),
]
BOARD_MEMBERS = [
    ("Amara Okafor", True, "ebe"),
    ("Ben Hughes", False, "ebe"),
    ("Hannah Reid", True, "ebe"),
    ("Chloe Park", True, "carer"),
    ("Femi Adebayo", True, "nhs"),
    ("Iqbal Khan", True, "nhs"),
    ("Grace Lee", True, "council"),
    ("Jon Evans", False, "council"),
    ("Ewa Nowak", False, "voluntary"),
]


def _body(slug: str, **fields: object) -> Body:
    return Body.objects.create(
        slug=slug,
        code_of_conduct=CODE_OF_CONDUCT,
        notice_days=7,
        **fields,  # type: ignore[arg-type]
    )


def _constituencies(body: Body, with_community: bool) -> dict[str, Constituency]:
    groups = {
        "ebe": ("Experts by Experience", ConstituencyKind.EXPERT_BY_EXPERIENCE, "Experts by Experience"),
        "carer": ("Carers", ConstituencyKind.CARER, "Carers"),
        "nhs": ("NHS", ConstituencyKind.ORGANISATION, "NHS"),
        "council": ("Kingsmere Council", ConstituencyKind.ORGANISATION, "Council"),
        "voluntary": ("Voluntary and community groups", ConstituencyKind.ORGANISATION, "Voluntary sector"),
    }
    if with_community:
        groups["community"] = ("Community members", ConstituencyKind.COMMUNITY, "Community")
    return {
        key: Constituency.objects.create(body=body, name=name, kind=kind, sector=sector)
        for key, (name, kind, sector) in groups.items()
    }


def _member(name: str, named: bool) -> Member:
    email = f"{name.split()[0].lower()}@example.org"
    member, _created = Member.objects.get_or_create(email=email, defaults={"name": name, "named_in_public": named})
    return member


def _join(body: Body, member: Member, group: Constituency, role: str = Membership.Role.MEMBER) -> Membership:
    return Membership.objects.create(
        member=member,
        body=body,
        constituency=group,
        role=role,
        agreed_code_at=timezone.now() - datetime.timedelta(days=200),
        joined_on=timezone.localdate() - datetime.timedelta(days=200),
    )


def _attend(meeting: Meeting, memberships: list[Membership], by: User) -> None:
    for membership in memberships:
        services.attendance_mark(actor=by, meeting=meeting, membership=membership, present=True)


def _second_thursday_months_ago(months: int) -> datetime.datetime:
    today = timezone.localdate()
    year, month = today.year, today.month - months
    while month < 1:
        year, month = year - 1, month + 12
    first = datetime.date(year, month, 1)
    thursday = first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 7)
    return timezone.make_aware(datetime.datetime.combine(thursday, datetime.time(8, 0)))


def collaborative_demo_load() -> int:
    """Load the demo bodies (once) and return how many there are."""
    if Body.objects.filter(slug="collaborative").exists():
        return Body.objects.count()
    sol = User.objects.get(username="secretary")
    sam_user = User.objects.get(username="person")
    sol_member, _created = Member.objects.get_or_create(
        user=sol, defaults={"name": "Sol Mensah", "email": sol.email, "named_in_public": True}
    )
    sam, _created = Member.objects.get_or_create(
        user=sam_user, defaults={"name": "Sam", "email": sam_user.email, "annual_cap": Decimal("300.00")}
    )

    collaborative = _body(
        "collaborative",
        name="Kingsmere Collaborative",
        kind=Body.Kind.COLLABORATIVE,
        purpose="People who use services, carers, community groups and services planning mental health support "
        "in Kingsmere together, as equals.",
        terms_of_reference=COLLABORATIVE_TOR,
        open_membership=True,
        requires_independent_chair=True,
    )
    board = _body(
        "board",
        name="Co-production Board",
        kind=Body.Kind.BOARD,
        purpose="Agrees the Living Well Network's plans and budgets, with equal representation.",
        terms_of_reference=BOARD_TOR,
        open_membership=False,
        rotates_chair=True,
    )
    ebe_group = _body(
        "experts-by-experience",
        name="Experts by Experience advisory group",
        kind=Body.Kind.EBE_GROUP,
        purpose="Experts by Experience advising the Board and the Hub, trained and paid for their time.",
        terms_of_reference="Meets before each Board meeting to prepare. Members are paid £25 a meeting.",
        open_membership=True,
    )
    QuorumRule.objects.create(body=collaborative, kind="", minimum=6)
    QuorumRule.objects.create(body=ebe_group, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE, minimum=3)
    PaymentRate.objects.create(
        body=ebe_group, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE, basis="meeting", amount=Decimal("25.00"),
        valid_from=datetime.date(2024, 4, 6),
    )  # fmt: skip
    QuorumRule.objects.create(body=board, kind=ConstituencyKind.ORGANISATION, minimum=4)
    # Harrow's Board: 4 Expert by Experience advisers, from people with lived experience and carers.
    QuorumRule.objects.create(
        body=board, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE, minimum=4, also_counts=[ConstituencyKind.CARER]
    )
    PaymentRate.objects.create(
        body=board, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE, basis="hour", amount=Decimal("15.00"),
        valid_from=datetime.date(2024, 4, 6),
    )  # fmt: skip

    # Members
    c_groups = _constituencies(collaborative, with_community=True)
    b_groups = _constituencies(board, with_community=False)
    c_members = [
        _join(collaborative, sol_member, c_groups["voluntary"], Membership.Role.SECRETARY),
        _join(collaborative, sam, c_groups["ebe"]),
    ] + [_join(collaborative, _member(name, named), c_groups[key]) for name, named, key in COLLABORATIVE_MEMBERS]
    # Its independent chair, who represents no constituency.
    independent = Constituency.objects.create(
        body=collaborative, name="Independent chair", kind=ConstituencyKind.INDEPENDENT_CHAIR, sector="Independent"
    )
    _join(collaborative, _member("Ruth Adeyemi", True), independent, Membership.Role.CHAIR)
    b_members = [
        _join(board, sol_member, b_groups["voluntary"], Membership.Role.SECRETARY),
        _join(board, sam, b_groups["ebe"]),
    ] + [_join(board, _member(name, named), b_groups[key]) for name, named, key in BOARD_MEMBERS]
    # The advisory group: Experts by Experience and carers, meeting the week before each Board.
    e_groups = {
        key: Constituency.objects.create(body=ebe_group, name=name, kind=kind, sector=name)
        for key, name, kind in [
            ("ebe", "Experts by Experience", ConstituencyKind.EXPERT_BY_EXPERIENCE),
            ("carer", "Carers", ConstituencyKind.CARER),
        ]
    }
    _join(ebe_group, sol_member, e_groups["carer"], Membership.Role.SECRETARY)
    _join(ebe_group, sam, e_groups["ebe"])
    for name, named, key in COLLABORATIVE_MEMBERS:
        if key in e_groups:
            _join(ebe_group, _member(name, named), e_groups[key])
    services.series_create(
        actor=sol,
        body=ebe_group,
        rule="FREQ=MONTHLY;BYDAY=+1TH",
        first_start=_second_thursday_months_ago(2) - datetime.timedelta(days=7),
        minutes_long=90,
        venue="The Living Well Hub, 12 Canal Street, Kingsmere",
        online_link="",
        accessibility="Step-free entrance and lift. Hearing loop. Lunch provided. Travel paid.",
    )
    for member in Member.objects.filter(
        memberships__constituency__kind=ConstituencyKind.EXPERT_BY_EXPERIENCE
    ).distinct():
        services.training_record(
            actor=sol,
            member=member,
            course="coproduction",
            course_on=datetime.date(2026, 3, 12),
            attended=True,
            completed_on=datetime.date(2026, 3, 12),
        )
    _advisers(sol, sam, ebe_group)

    # The Collaborative: a series from four months ago, last month's meeting done and published.
    services.series_create(
        actor=sol,
        body=collaborative,
        rule="FREQ=MONTHLY;BYDAY=+2TH",
        first_start=_second_thursday_months_ago(4),
        minutes_long=120,
        venue="The Living Well Hub, 12 Canal Street, Kingsmere",
        online_link="https://meet.example/kingsmere-collaborative",
        accessibility="Step-free entrance and lift. Hearing loop. Quiet room. Breakfast provided.",
    )
    for title, why, who in [
        ("Waiting times for talking therapies", "People tell us they wait months, with nothing meanwhile.", 1),
        ("Bus fares to the Hub", "Two buses each way costs more than many of us can afford.", 2),
        ("Peer support in Eastfield", "There is nothing in Eastfield in the evenings.", 3),
    ]:
        services.topic_suggest(membership=c_members[who], title=title, why=why, submission_id=uuid.uuid4())
    now = timezone.now()
    past = list(Meeting.objects.filter(body=collaborative, ends_at__lt=now).order_by("starts_at"))
    ahead = Meeting.objects.filter(body=collaborative, starts_at__gt=now).order_by("starts_at").first()
    done, last = past[-2], past[-1]
    _attend(done, c_members[:8], sol)
    _attend(last, c_members[:7], sol)
    services.decision_record(
        actor=sol,
        meeting=done,
        what="Co-design a peer-led crisis café with the trust, to open in the spring.",
        scope=Decision.Scope.IN,
        out_reason="",
        out_explanation="",
        participation=Decision.Participation.CO_DESIGNING,
        submission_id=uuid.uuid4(),
    )
    services.decision_record(
        actor=sol,
        meeting=last,
        what="Noted the trust's new admissions policy.",
        scope=Decision.Scope.OUT,
        out_reason=Decision.OutReason.STATUTORY,
        out_explanation="Who may be admitted to hospital is set by the Mental Health Act, not locally.",
        participation=Decision.Participation.INFORMING,
        submission_id=uuid.uuid4(),
    )
    services.action_add(
        actor=sol,
        meeting=done,
        decision=None,
        what="Ask the trust for this year's waiting-time figures",
        owner=c_members[7],
        due_on=timezone.localdate() + datetime.timedelta(days=20),
        submission_id=uuid.uuid4(),
    )
    minutes = services.minutes_save(
        actor=sol,
        meeting=done,
        text="Amara Okafor welcomed everyone. Ben Hughes described his wait for therapy.\n\n"
        "Femi Adebayo shared the trust's plans for the crisis café, and members agreed to co-design it.",
    )
    services.minutes_circulate(actor=sol, minutes=minutes)
    services.minutes_approve(actor=sol, minutes=minutes, at=last)
    services.minutes_publish(actor=sol, minutes=minutes)
    last_minutes = services.minutes_save(
        actor=sol,
        meeting=last,
        text="Grace Lee explained the council's new housing support. Ben Hughes asked about bus fares.",
    )
    services.minutes_circulate(actor=sol, minutes=last_minutes)
    if ahead is not None:
        topic = Topic.objects.get(title="Waiting times for talking therapies")
        services.agenda_item_add(
            actor=sol, meeting=ahead, kind="standing", title="Welcome and introductions", lead=None
        )
        services.agenda_topic_schedule(actor=sol, meeting=ahead, topic=topic, lead=c_members[2])
        Meeting.objects.filter(pk=ahead.pk).update(agenda_published_at=now, agenda_published_by=sol)
    rota = rota_create(
        actor=sol,
        body=collaborative,
        name="Hub representative at the Collaborative",
        duty="Go to the meeting, listen, and report back to the Hub's team meeting.",
        memberships=[c_members[0], c_members[7], c_members[8]],
    )
    rota_fill(actor=sol, rota=rota, ahead=3)

    # The Board: quarterly, first Tuesday, 6 to 8pm; a meeting today to take attendance at.
    services.series_create(
        actor=sol,
        body=board,
        rule="FREQ=MONTHLY;INTERVAL=3;BYDAY=+1TU",
        first_start=timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(18, 0)))
        + datetime.timedelta(days=30),
        minutes_long=120,
        venue="Kingsmere Town Hall, Committee Room 2",
        online_link="https://meet.example/coproduction-board",
        accessibility="Step-free. Hearing loop. British Sign Language interpreter on request.",
    )
    start_today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    today = services.meeting_add(
        actor=sol,
        body=board,
        starts_at=start_today,
        ends_at=start_today + datetime.timedelta(hours=3),
        venue="Kingsmere Town Hall, Committee Room 2",
        online_link="",
        accessibility="Step-free. Hearing loop.",
    )
    earlier = services.meeting_add(
        actor=sol,
        body=board,
        starts_at=start_today - datetime.timedelta(days=91),
        ends_at=start_today - datetime.timedelta(days=91) + datetime.timedelta(hours=2),
        venue="Kingsmere Town Hall, Committee Room 2",
        online_link="",
        accessibility="",
    )
    _attend(earlier, b_members[:9], sol)
    board_minutes = services.minutes_save(
        actor=sol,
        meeting=earlier,
        text="Hannah Reid chaired. The Board agreed the Hub's budget for next year.",
    )
    services.minutes_circulate(actor=sol, minutes=board_minutes)
    for claim in earlier.claims.all():
        if claim.member_id != sam.pk:
            payments.claim_approve(actor=sol, claim=claim, over_limit_agreed=False)
    # Sam's claim waits, with the bus fare's receipt (kept in file storage).
    sam_claim = earlier.claims.filter(member=sam).first()
    if sam_claim is not None and sam.user is not None:
        payments.expense_add(
            actor=sam.user,
            claim=sam_claim,
            what="Bus fare to the Town Hall and back",
            amount=Decimal("4.80"),
            receipt=SimpleUploadedFile("bus-ticket.pdf", b"%PDF-1.4\n% Kingsmere Buses: return, 4.80\n%%EOF\n"),
            submission_id=uuid.uuid5(uuid.NAMESPACE_URL, "livingwell-demo:sam-bus-fare"),
        )
    services.rsvp_record(
        membership=b_members[1], meeting=today, answer="yes", access_needs="Papers in large print, please."
    )
    # A guest presents at today's Board: no account, not counted towards quorum.
    item = services.agenda_item_add(
        actor=sol, meeting=today, kind="standing", title="The crisis café's first year", lead=None
    )
    Guest.objects.create(
        meeting=today,
        agenda_item=item,
        name="Dr Priya Shah",
        organisation="Kingsmere Mental Health Trust",
        email="priya.shah@trust.example",
        part=Guest.Part.PRESENT,
        invited_by=sol,
        submission_id=uuid.uuid4(),
    )
    return Body.objects.count()


def _advisers(sol: User, sam: Member, ebe_group: Body) -> None:
    """The advisory group at work: its training, supervision, a buddy for a new adviser, and a workstream it
    advises (whose rounds of evaluation the voice app's demo adds)."""
    courses = [
        ("commissioning", datetime.date(2026, 5, 14), True, datetime.date(2026, 5, 14)),
        ("self_care", datetime.date(2026, 7, 9), True, None),
        ("mission", timezone.localdate() + datetime.timedelta(days=21), False, None),
    ]
    for course, course_on, attended, completed_on in courses:
        services.training_record(
            actor=sol, member=sam, course=course, course_on=course_on, attended=attended, completed_on=completed_on
        )
    services.supervision_record(
        actor=sol,
        member=sam,
        held_on=timezone.localdate() - datetime.timedelta(days=12),
        notes="Sam chaired the advisory group's pre-meeting for the first time, and it went well. We talked "
        "about how to keep the Board's papers manageable.",
        follow_ups="Ask the Board for papers a week ahead. Book the self-care course's second day.",
        submission_id=uuid.uuid4(),
    )
    memberships = {m.member.name: m for m in ebe_group.memberships.select_related("member")}
    Membership.objects.filter(pk=memberships["Ben Hughes"].pk).update(
        buddy=memberships["Amara Okafor"], inducted_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    workstream = Body.objects.create(
        slug="crisis-support",
        name="Crisis support workstream",
        kind=Body.Kind.WORKSTREAM,
        purpose="Designing crisis support in Kingsmere with the people who use it: the night café and a "
        "crisis line answered by peers.",
        terms_of_reference="Meets fortnightly for six months, then reports to the Co-production Board.",
        code_of_conduct=ebe_group.code_of_conduct,
        open_membership=False,
        advised_by=ebe_group,
    )
    groups = {
        key: Constituency.objects.create(body=workstream, name=name, kind=kind, sector=name)
        for key, name, kind in [
            ("ebe", "Experts by Experience", ConstituencyKind.EXPERT_BY_EXPERIENCE),
            ("carer", "Carers", ConstituencyKind.CARER),
            ("organisation", "Services", ConstituencyKind.ORGANISATION),
        ]
    }
    for membership in ebe_group.memberships.select_related("member", "constituency"):
        role = (
            Membership.Role.SECRETARY if membership.member_id == sol.co_production_member.pk else Membership.Role.MEMBER
        )
        _join(workstream, membership.member, groups.get(membership.constituency.kind, groups["ebe"]), role)
    for name in ("Femi Adebayo", "Grace Lee"):
        member = Member.objects.filter(name=name).first()
        if member is not None:
            _join(workstream, member, groups["organisation"])


def collaborative_demo() -> list[str]:
    return [f"Loaded {collaborative_demo_load()} co-production bodies: sign in as secretary to run them."]
