"""Who may see what of evaluation. Invitations name who was asked: only who runs the body sees them, and each
shown is an audited read. Answers are anonymous and results are counts, suppressed: anyone may read a round's
results once published; before that, only who runs the body."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from livingwell.accounts.models import User
from livingwell.audit.services import audit_reads_record
from livingwell.collaborative.access import body_run_by, runs
from livingwell.collaborative.models import Body
from livingwell.core.access import one_or_404
from livingwell.voice import selectors
from livingwell.voice.models import Answer, EvaluationRound, Invitation


def _rounds() -> QuerySet[EvaluationRound]:
    return EvaluationRound.objects.select_related("body")


def round_run_by(user: User, round_id: int | str) -> EvaluationRound:
    """The round, for who runs its body; PermissionDenied otherwise. Reads nothing personal."""
    the_round = one_or_404(_rounds(), round_id)
    if not runs(user, the_round.body):
        raise PermissionDenied
    return the_round


def body_rounds_run_by(user: User, slug: str) -> tuple[Body, list[EvaluationRound]]:
    body = body_run_by(user, slug)
    return body, selectors.body_rounds(body)


@dataclass(frozen=True)
class RoundRunning:
    round: EvaluationRound
    invitations: list[Invitation]
    answers: list[Answer]


def access_round_running_for(user: User, round_id: int | str) -> RoundRunning:
    """The round as who runs its body sees it: who was invited (names and whether they have answered, an
    audited read each) and the words people agreed may be quoted, to leave out any that should not be."""
    the_round = round_run_by(user, round_id)
    invitations = list(
        Invitation.objects.filter(round=the_round).select_related("member").order_by("group", "member__name", "name")
    )
    audit_reads_record(actor=user, records=invitations, person_id_of=None)
    answers = list(Answer.objects.filter(round=the_round).select_related("rung"))
    return RoundRunning(the_round, invitations, answers)


def answer_run_by(user: User, answer_id: str) -> Answer:
    answer = one_or_404(Answer.objects.select_related("round__body"), answer_id)
    if not runs(user, answer.round.body):
        raise PermissionDenied
    return answer


def results_for(user: User, round_id: int | str) -> selectors.Results:
    """A round's results: public once published; before, for who runs the body only (not found to others)."""
    the_round = one_or_404(_rounds(), round_id)
    running = runs(user, the_round.body)
    if the_round.published_at is None and not running:
        raise Http404
    return selectors.round_results(the_round, with_unpublished=running)
