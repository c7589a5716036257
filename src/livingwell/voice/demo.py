"""Demo evaluation: the Co-production Board's baseline and six-monthly review, published, with the wider
group of people with lived experience asked as contributors, and a round open now. No emails are sent."""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livingwell.collaborative.models import Body, Membership
from livingwell.voice.models import (
    CONTRIBUTOR,
    AgreedRating,
    Answer,
    Audit,
    AuditScore,
    EvaluationRound,
    ExperienceQuestion,
    ExperienceResponse,
    Invitation,
    PlanAction,
    Principle,
    Recommendation,
    ReviewReport,
    Rung,
    ScorePoint,
    Story,
)

CONTRIBUTORS = ["Ade", "Bea", "Cath", "Dan", "Eli", "Fran", "Gus", "Hal"]
# Where each group felt the work stood (steps up the ladder, 1 at the bottom), round by round.
STEPS = {
    "baseline": {"ebe": [3, 4], "carer": [3], "organisation": [4, 5], CONTRIBUTOR: [2, 3, 4]},
    "review": {"ebe": [5, 6], "carer": [5], "organisation": [5, 6], CONTRIBUTOR: [4, 5, 6]},
    "end": {"ebe": [6, 7], "carer": [6], "organisation": [6], CONTRIBUTOR: [5, 6]},
}
WORDS = [
    ("We were asked what we thought, but the papers came the night before.", "Send papers a week ahead."),
    ("The budget was shown to us after it was decided.", "Bring the budget to us while it can still change."),
    ("We wrote the crisis café's leaflet together, and it shows.", ""),
    ("The chair made sure everyone spoke, not just the professionals.", "Pay for the pre-meeting too."),
    ("I felt listened to, and I could see what changed because of it.", ""),
]


def _round(body: Body, kind: str, title: str, opens_ago: int, closes_ago: int, published: bool) -> EvaluationRound:
    today = timezone.localdate()
    return EvaluationRound.objects.create(
        body=body,
        kind=kind,
        title=title,
        opens_on=today - datetime.timedelta(days=opens_ago),
        closes_on=today - datetime.timedelta(days=closes_ago),
        invited_at=timezone.now() - datetime.timedelta(days=opens_ago),
        published_at=timezone.now() - datetime.timedelta(days=closes_ago - 1) if published else None,
        created_by=get_user_model().objects.get(username="secretary"),
        submission_id=uuid.uuid4(),
    )


def _invite_and_answer(the_round: EvaluationRound, steps: dict[str, list[int]], share: float, rng: random.Random):
    ladder = list(Rung.objects.order_by("position"))
    memberships = Membership.objects.filter(body=the_round.body, left_on__isnull=True).select_related("constituency")
    invitations = [Invitation(round=the_round, member_id=m.member_id, group=m.constituency.kind) for m in memberships]
    invitations += [
        Invitation(round=the_round, name=name, email=f"{name.lower()}@lived-experience.example", group=CONTRIBUTOR)
        for name in CONTRIBUTORS
    ]
    answers = []
    for invitation in invitations:
        invitation.sent_at = timezone.now()
        if invitation.group not in steps or rng.random() > share:
            continue
        invitation.answered = True
        why, move_up = rng.choice(WORDS)
        answers.append(
            Answer(
                round=the_round,
                rung=ladder[rng.choice(steps[invitation.group]) - 1],
                group=invitation.group,
                why=why,
                move_up=move_up,
                may_quote=rng.random() < 0.6,
            )
        )
    Invitation.objects.bulk_create(invitations)
    Answer.objects.bulk_create(answers)


# The Collaborative's audits of its own co-production: the agreed rating of each principle, year by year.
AUDITS = [
    (2025, [2, 2, 1, 2, 1, 2], "We are starting: people are asked, but decisions are mostly made elsewhere."),
    (2026, [3, 3, 2, 3, 2, 3], "We are developing: members plan the programme, and Experts by Experience are paid."),
]
PLAN = [
    (3, "Pay for the time Experts by Experience spend preparing, not only meetings", "The coordinator"),
    (5, "Hold every workshop with a co-chair who uses services", "The chair"),
]


def _audits(rng: random.Random) -> None:
    collaborative = Body.objects.filter(slug="collaborative").first()
    if collaborative is None:
        return
    secretary = get_user_model().objects.get(username="secretary")
    principles = list(Principle.objects.order_by("position"))
    points = {point.value: point for point in ScorePoint.objects.all()}
    for year, ratings, summary in AUDITS:
        audit = Audit.objects.create(
            body=collaborative,
            title=f"Our co-production audit, {year}",
            year=year,
            opens_on=datetime.date(year, 9, 1),
            closes_on=datetime.date(year, 9, 30),
            invited_at=timezone.now(),
            summary=summary,
            agreed_at=timezone.now(),
            published_at=timezone.now(),
            created_by=secretary,
            submission_id=uuid.uuid4(),
        )
        scores = []
        for principle, rating in zip(principles, ratings, strict=True):
            AgreedRating.objects.create(
                audit=audit,
                principle=principle,
                point=points[rating],
                reasons="Most members scored it so, with the evidence they gave.",
                agreed_by=secretary,
            )
            for _each in range(6):
                value = min(4, max(1, rating + rng.choice([-1, 0, 0, 1])))
                scores.append(
                    AuditScore(
                        audit=audit,
                        principle=principle,
                        point=points[value],
                        evidence=rng.choice(EVIDENCE),
                        group=rng.choice(["ebe", "carer", "organisation"]),
                    )
                )
        AuditScore.objects.bulk_create(scores)
    latest = Audit.objects.get(body=collaborative, year=AUDITS[-1][0])
    for position, what, who in PLAN:
        PlanAction.objects.create(
            audit=latest,
            principle=principles[position - 1],
            what=what,
            who=who,
            due_on=datetime.date(AUDITS[-1][0] + 1, 3, 31),
            submission_id=uuid.uuid4(),
        )


EVIDENCE = [
    "Members chose the topics for the year's programme.",
    "The budget papers came after the decision.",
    "Peer supporters ran the welcome at the last meeting.",
    "People are thanked, but not asked what they could bring.",
]


STORIES = [
    (
        "The walking group",
        "carer",
        "anonymous",
        "",
        "When my son stopped going out, I stopped too. His guide told us about the Saturday walking group. We "
        "went once and stood at the back. Now he leads the route by the canal, and I have friends of my own.",
    ),
    (
        "Being asked, not told",
        "person",
        "named",
        "Amara Okafor",
        "For years things were done to me. At the Hub, the first question was what I was good at. I said "
        "cooking. Six months later I was running the Thursday lunch, and now I sit on the Co-production Board.",
    ),
]


def _stories() -> None:
    now = timezone.now()
    for n, (title, writer, audience, name, text) in enumerate(STORIES):
        published = now - datetime.timedelta(days=20 * (n + 1))
        Story.objects.create(
            title=title,
            text=text,
            writer=writer,
            audience=audience,
            name=name,
            email=f"story{n}@example.org",
            status=Story.Status.PUBLISHED,
            suggested=text,
            approved_text=text,
            approved_at=published,
            published_at=published,
            submission_id=uuid.uuid4(),
        )
    Story.objects.create(
        title="The night café",
        text="I couldn't sleep and went to the night café on Canal Street. Dev sat with me till 4am.",
        writer=Story.Writer.PERSON,
        audience=Story.Audience.ANONYMOUS,
        email="robin@example.org",
        submission_id=uuid.uuid4(),
    )


def _experience(rng: random.Random) -> None:
    """Six months of answers to the experience-of-support survey, kept apart from anyone's record."""
    statements = [q for q in ExperienceQuestion.objects.order_by("position") if q.kind == ExperienceQuestion.Kind.AGREE]
    this_month = timezone.localdate().replace(day=1)
    responses = []
    for months_ago in range(1, 7):
        month = (this_month - datetime.timedelta(days=31 * months_ago)).replace(day=1)
        for _each in range(rng.randint(8, 16)):
            answers = {
                str(q.pk): rng.choice(["5", "5", "4", "4", "4", "3", "2"]) for q in statements if rng.random() < 0.9
            }
            responses.append(
                ExperienceResponse(moment=rng.choice(["first", "review", "closing"]), month=month, answers=answers)
            )
    ExperienceResponse.objects.bulk_create(responses)


def _review_report(board: Body) -> None:
    """The Board's six-monthly review, its report drafted with the advisory group and two recommendations."""
    review = EvaluationRound.objects.filter(body=board, kind=EvaluationRound.Kind.REVIEW).first()
    if review is None:
        return
    report = ReviewReport.objects.create(
        round=review,
        text="Six months on, Experts by Experience and organisation representatives both say the Board has moved "
        "from consulting towards co-designing. Papers still come late, and the budget is shown after it is "
        "set.\n\nWe heard from the wider group of people with lived experience at two open sessions.",
    )
    for text in ("Send papers a week before each meeting", "Bring next year's budget to the Board while it can change"):
        Recommendation.objects.create(report=report, text=text, submission_id=uuid.uuid4())


def voice_demo() -> list[str]:
    board = Body.objects.filter(slug="board").first()
    if board is None or EvaluationRound.objects.filter(body=board).exists():
        return []
    rng = random.Random(2016)  # noqa: S311 - demo data, not security
    with transaction.atomic():
        workstream = Body.objects.filter(slug="crisis-support").first() or board
        rounds = [
            (board, "baseline", "Baseline: how the Board began", 200, 186, True, 0.9),
            (board, "review", "Six-monthly review", 24, 10, True, 0.9),
            (workstream, "baseline", "Baseline for the crisis support workstream", 90, 80, True, 0.9),
            (workstream, "end", "End of the crisis support workstream", 3, -11, False, 0.4),
        ]
        for body, kind, title, opens_ago, closes_ago, published, share in rounds:
            the_round = _round(body, kind, title, opens_ago, closes_ago, published)
            _invite_and_answer(the_round, STEPS[kind], share, rng)
        _audits(rng)
        _stories()
        _experience(rng)
        _review_report(board)
    return [
        "Loaded 4 evaluation rounds for the Co-production Board and the crisis support workstream, 2 years of "
        "the Collaborative's co-production audits, 3 stories and six months of answers on people's experience of "
        "support: sign in as secretary to run them."
    ]
