"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

import datetime
import uuid

from django.utils import timezone

from livingwell.accounts.models import STORY_ROLES
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Decision
from livingwell.collaborative.tests.factories import MeetingFactory
from livingwell.collaborative.tests.permission_matrix import _collaborative_body
from livingwell.core.tests.matrix import EPISODE, PUBLIC, RUNS_BODY, SIGNED_IN, Kwargs, Who
from livingwell.support.tests.permission_matrix import _guides_episode
from livingwell.voice.models import Answer, Audit, EvaluationRound, Principle, ReviewReport, Rung, Story


def _round(*, published: bool = False) -> EvaluationRound:
    today = timezone.localdate()
    return EvaluationRound.objects.create(
        body=_collaborative_body(),
        kind=EvaluationRound.Kind.BASELINE,
        title="Baseline",
        opens_on=today - datetime.timedelta(days=7),
        closes_on=today,
        published_at=timezone.now() if published else None,
        created_by=UserFactory(),
        submission_id=uuid.uuid4(),
    )


def _review(*, published: bool = False) -> ReviewReport:
    the_round = _round()
    EvaluationRound.objects.filter(pk=the_round.pk).update(kind=EvaluationRound.Kind.REVIEW)
    decision = None
    if published:
        meeting = MeetingFactory(body=the_round.body, starts_at=timezone.now() - datetime.timedelta(days=1))
        decision = Decision.objects.create(
            meeting=meeting, body=the_round.body, what="Approved the review.", scope="in",
            participation="co_producing", quorate=True, submission_id=uuid.uuid4(), recorded_by=UserFactory(),
        )  # fmt: skip
    return ReviewReport.objects.create(
        round=the_round, text="We found.", decision=decision, published_at=timezone.now() if published else None
    )


def _audit(*, published: bool = False) -> Audit:
    today = timezone.localdate()
    return Audit.objects.create(
        body=_collaborative_body(),
        title="Our audit",
        year=today.year,
        opens_on=today,
        closes_on=today,
        agreed_at=timezone.now() if published else None,
        published_at=timezone.now() if published else None,
        created_by=UserFactory(),
        submission_id=uuid.uuid4(),
    )


def _audit_kwargs() -> dict[str, object]:
    return {"audit_id": _audit().pk}


def _principle_kwargs() -> dict[str, object]:
    return {"audit_id": _audit().pk, "principle_id": Principle.objects.first().pk}


def _story(*, published: bool = False) -> Story:
    return Story.objects.create(
        title="The café",
        text="It helped.",
        writer="person",
        audience="anonymous",
        email="writer@example.org",
        status="published" if published else "waiting",
        approved_text="It helped." if published else "",
        approved_at=timezone.now() if published else None,
        published_at=timezone.now() if published else None,
        submission_id=uuid.uuid4(),
    )


STORIES = frozenset(STORY_ROLES)


def _answer() -> Answer:
    return Answer.objects.create(
        round=_round(), rung=Rung.objects.first(), group="ebe", why="We were asked late.", may_quote=True
    )


MATRIX: dict[str, Who] = {
    # Answering is by the emailed link (without one, the page says the link does not work); published results
    # are public.
    "voice:answer_open": PUBLIC,
    "voice:answer": PUBLIC,
    "voice:answer_thanks": PUBLIC,
    "voice:results": PUBLIC,
    "voice:body_results": PUBLIC,
    "voice:audit_public": PUBLIC,
    # A six-monthly review's report: public once approved and published; drafted by who runs the body and
    # its advisory group (none of the test users is in one).
    "voice:review": PUBLIC,
    "voice:review_save": RUNS_BODY,
    "voice:recommendation_add": RUNS_BODY,
    "voice:review_publish": RUNS_BODY,
    # The experience survey: a guide offers it from an episode they may see; the person answers by their link,
    # or on their own account (any signed-in user may ask; only an offer made to them opens).
    "voice:experience_offer": EPISODE,
    "voice:experience_open": PUBLIC,
    "voice:experience": PUBLIC,
    "voice:experience_yours": SIGNED_IN,
    # Stories: anyone reads the published ones and writes one; the author's own page is by their link.
    "stories:list": PUBLIC,
    "stories:write": PUBLIC,
    "stories:sent": PUBLIC,
    "stories:yours_open": PUBLIC,
    "stories:yours": PUBLIC,
    "stories:story": PUBLIC,
    # The coordinator (a secretary) and administrators read and moderate every story.
    "stories:moderation": STORIES,
    "stories:moderate": STORIES,
    "stories:keep": STORIES,
    "stories:report": STORIES,
    # Rounds are run by who runs the body: they name who was invited.
    "voice:body_rounds": RUNS_BODY,
    "voice:round_new": RUNS_BODY,
    "voice:round": RUNS_BODY,
    "voice:round_invite": RUNS_BODY,
    "voice:contributor_add": RUNS_BODY,
    "voice:round_publish": RUNS_BODY,
    "voice:quote": RUNS_BODY,
    "voice:audit_new": RUNS_BODY,
    "voice:audit": RUNS_BODY,
    "voice:audit_invite": RUNS_BODY,
    "voice:audit_contributor_add": RUNS_BODY,
    "voice:rating": RUNS_BODY,
    "voice:plan_action_add": RUNS_BODY,
    "voice:audit_agree": RUNS_BODY,
    "voice:audit_publish": RUNS_BODY,
}


def _round_kwargs() -> dict[str, object]:
    return {"round_id": _round().pk}


KWARGS: dict[str, Kwargs] = {
    "voice:results": lambda: {"round_id": _round(published=True).pk},
    "voice:body_results": lambda: {"slug": _collaborative_body().slug},
    "voice:body_rounds": lambda: {"slug": _collaborative_body().slug},
    "voice:round_new": lambda: {"slug": _collaborative_body().slug},
    "voice:round": _round_kwargs,
    "voice:round_invite": _round_kwargs,
    "voice:contributor_add": _round_kwargs,
    "voice:round_publish": _round_kwargs,
    "voice:quote": lambda: {"answer_id": _answer().pk},
    "voice:audit_public": lambda: {"audit_id": _audit(published=True).pk},
    "voice:review": lambda: {"round_id": _review(published=True).round_id},
    "voice:review_save": lambda: {"round_id": _review().round_id},
    "voice:recommendation_add": lambda: {"round_id": _review().round_id},
    "voice:review_publish": lambda: {"round_id": _review().round_id},
    "voice:experience_offer": lambda: {"episode_id": _guides_episode().pk},
    "voice:experience_yours": lambda: {"offer_id": uuid.uuid4()},
    "stories:story": lambda: {"story_id": _story(published=True).pk},
    "stories:moderate": lambda: {"story_id": _story().pk},
    "stories:keep": lambda: {"story_id": _story().pk},
    "stories:report": lambda: {"story_id": _story(published=True).pk},
    "voice:audit_new": lambda: {"slug": _collaborative_body().slug},
    "voice:audit": _audit_kwargs,
    "voice:audit_invite": _audit_kwargs,
    "voice:audit_contributor_add": _audit_kwargs,
    "voice:rating": _principle_kwargs,
    "voice:plan_action_add": _principle_kwargs,
    "voice:audit_agree": _audit_kwargs,
    "voice:audit_publish": _audit_kwargs,
}

POST_ONLY: set[str] = {
    "voice:round_invite",
    "voice:round_publish",
    "voice:quote",
    "voice:audit_invite",
    "voice:audit_publish",
    "stories:keep",
    "stories:report",
    "voice:review_save",
    "voice:recommendation_add",
    "voice:review_publish",
}
