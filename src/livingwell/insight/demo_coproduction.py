"""Two years of Kingsmere's co-production before the demo's own recent meetings: the Collaborative meeting
monthly and the Experts by Experience advisory group the week before, with attendance taken, decisions
recorded and the advisers paid. Over the two years more people come, and more decisions are co-designed
or co-produced rather than only shared. Made the same way each time; loaded once."""

import datetime
import random
import uuid

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.collaborative import payments, services
from livingwell.collaborative.models import Body, Constituency, ConstituencyKind, Decision, Meeting, Member, Membership
from livingwell.core.months import months_earlier

ADVISERS = ["Jo Bright", "Kofi Asante", "Lena Fischer", "Mo Rahman"]  # Experts by Experience, not named in public
LEVELS = list(Decision.Participation.values)  # from informing to co-producing
DECISIONS = [
    "Agreed the questions for the Hub's experience survey.",
    "Asked the trust to publish waiting times for talking therapies each month.",
    "Chose the three groups to fund from the small grants pot.",
    "Agreed how peer supporters are introduced to people waiting.",
    "Noted the council's budget for supported housing.",
    "Co-wrote the leaflet on the way back into support.",
]


def _meeting(body: Body, day: datetime.date, hour: int, minutes: int) -> Meeting:
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return Meeting.objects.create(
        body=body,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=minutes),
        venue="The Living Well Hub, 12 Canal Street, Kingsmere",
    )


def _thursday(month: datetime.date, week: int) -> datetime.date:
    """The month's ``week``-th Thursday."""
    return month + datetime.timedelta(days=(3 - month.weekday()) % 7 + 7 * (week - 1))


def _advisers(group: Body, joined: datetime.date) -> list[Membership]:
    experts = Constituency.objects.get(body=group, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE)
    memberships = []
    for name in ADVISERS:
        member, _created = Member.objects.get_or_create(name=name, defaults={"named_in_public": False})
        membership, _created = Membership.objects.get_or_create(
            member=member,
            body=group,
            defaults={"constituency": experts, "agreed_code_at": timezone.now(), "joined_on": joined},
        )
        memberships.append(membership)
    return memberships


def coproduction_history(months: int) -> int:
    """The ``months`` before the Collaborative's demo series began; returns the meetings made."""
    collaborative = Body.objects.filter(slug="collaborative").first()
    group = Body.objects.filter(slug="experts-by-experience").first()
    secretary = User.objects.filter(username="secretary").first()
    if collaborative is None or group is None or secretary is None:
        return 0
    first_of_series = Meeting.objects.filter(body=collaborative, series__isnull=False).order_by("starts_at").first()
    if first_of_series is None:
        return 0
    series_month = timezone.localtime(first_of_series.starts_at).date().replace(day=1)
    oldest = months_earlier(series_month, months)
    if Meeting.objects.filter(body=collaborative, starts_at__lt=first_of_series.starts_at).exists():
        return 0  # loaded before
    chance = random.Random(2024)  # noqa: S311 - demo data, not security
    members = list(collaborative.memberships.select_related("constituency").order_by("pk"))
    advisers = [*group.memberships.select_related("constituency").order_by("pk"), *_advisers(group, oldest)]
    made = 0
    for back in range(months, 0, -1):
        month = months_earlier(series_month, back)
        progress = (months - back) / max(months - 1, 1)  # 0 in the first month, 1 in the last
        meeting = _meeting(collaborative, _thursday(month, 2), 8, 120)
        there = chance.sample(members, k=min(len(members), round(5 + 4 * progress + chance.uniform(0, 1))))
        for membership in there:
            services.attendance_mark(actor=secretary, meeting=meeting, membership=membership, present=True)
        for _each in range(chance.randint(1, 2)):
            level = LEVELS[min(len(LEVELS) - 1, max(0, round(progress * 3 + chance.uniform(-1, 1.5))))]
            out = chance.random() < 0.15
            services.decision_record(
                actor=secretary,
                meeting=meeting,
                what=chance.choice(DECISIONS),
                scope=Decision.Scope.OUT if out else Decision.Scope.IN,
                out_reason=Decision.OutReason.FINANCIAL if out else "",
                out_explanation="The budget is set by the council each February." if out else "",
                participation=Decision.Participation.INFORMING if out else level,
                submission_id=uuid.uuid4(),
            )
        advising = _meeting(group, _thursday(month, 1), 10, 90)
        for membership in chance.sample(advisers, k=min(len(advisers), round(4 + 3 * progress))):
            services.attendance_mark(actor=secretary, meeting=advising, membership=membership, present=True)
        for claim in advising.claims.all():
            if claim.member.user_id != secretary.pk:
                payments.claim_approve(actor=secretary, claim=claim, over_limit_agreed=True)
        made += 2
    return made
