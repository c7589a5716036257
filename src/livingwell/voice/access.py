"""Who may see what of evaluation. Invitations name who was asked: only who runs the body sees them, and each
shown is an audited read. Answers are anonymous and results are counts, suppressed: anyone may read a round's
results once published; before that, only who runs the body."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from livingwell.accounts.models import STORY_ROLES, User
from livingwell.audit.services import audit_reads_record
from livingwell.collaborative.access import body_run_by, runs
from livingwell.collaborative.models import Body
from livingwell.core.access import one_or_404
from livingwell.voice import selectors
from livingwell.voice.models import Answer, Audit, EvaluationRound, Invitation, Story
from livingwell.voice.stories import stories_to_moderate


def _rounds() -> QuerySet[EvaluationRound]:
    return EvaluationRound.objects.select_related("body")


def round_run_by(user: User, round_id: int | str) -> EvaluationRound:
    """The round, for who runs its body; PermissionDenied otherwise. Reads nothing personal."""
    the_round = one_or_404(_rounds(), round_id)
    if not runs(user, the_round.body):
        raise PermissionDenied
    return the_round


@dataclass(frozen=True)
class RoundRunning:
    round: EvaluationRound
    invitations: list[Invitation]
    answers: list[Answer]


def access_round_running_for(user: User, round_id: int | str) -> RoundRunning:
    """The round as who runs its body sees it: who was invited (names and whether they have answered, an
    audited read each) and, with nothing to say who wrote them, the words of every answer: those people
    agreed may be quoted can be left out of the results."""
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


# Co-production audits


def audit_run_by(user: User, audit_id: int | str) -> Audit:
    """The audit, for who runs the body that runs it; PermissionDenied otherwise. Reads nothing personal."""
    audit = one_or_404(Audit.objects.select_related("body", "organisation"), audit_id)
    if not runs(user, audit.body):
        raise PermissionDenied
    return audit


def body_evaluation_run_by(user: User, slug: str) -> tuple[Body, list[EvaluationRound], list[Audit]]:
    body = body_run_by(user, slug)
    return body, selectors.body_rounds(body), selectors.body_audits(body)


@dataclass(frozen=True)
class AuditRunning:
    audit: Audit
    invitations: list[Invitation]
    principles: list[selectors.PrincipleScores]


def access_audit_running_for(user: User, audit_id: int | str) -> AuditRunning:
    """The audit as its facilitator works through it: who was invited (each an audited read) and, without
    names, the scores and evidence for each principle, with the ratings and plan agreed so far."""
    audit = audit_run_by(user, audit_id)
    invitations = list(
        Invitation.objects.filter(audit=audit).select_related("member").order_by("group", "member__name", "name")
    )
    audit_reads_record(actor=user, records=invitations, person_id_of=None)
    return AuditRunning(audit, invitations, selectors.audit_scores(audit))


@dataclass(frozen=True)
class AuditPublic:
    audit: Audit
    principles: list[selectors.PrincipleScores]
    trend: selectors.Trend


def audit_public_for(user: User, audit_id: int | str) -> AuditPublic:
    """An audit's summary, agreed ratings, action plan and the trend: public once published; before, for who
    runs the body only (not found to others)."""
    audit = one_or_404(Audit.objects.select_related("body", "organisation"), audit_id)
    running = runs(user, audit.body)
    if audit.published_at is None and not running:
        raise Http404
    return AuditPublic(audit, selectors.audit_scores(audit), selectors.audit_trend(audit, with_unpublished=running))


# Stories: the coordinator reads them all, each read audited.


def _moderates(user: User) -> None:
    if not user.is_authenticated or user.role not in STORY_ROLES:
        raise PermissionDenied


def access_stories_for(user: User) -> list[Story]:
    _moderates(user)
    stories = stories_to_moderate()
    audit_reads_record(actor=user, records=stories, person_id_of=None)
    return stories


def access_story_for(user: User, story_id: str) -> Story:
    _moderates(user)
    story = one_or_404(Story.objects.all(), story_id)
    audit_reads_record(actor=user, records=[story], person_id_of=None)
    return story
