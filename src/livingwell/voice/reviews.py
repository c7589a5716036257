"""The six-monthly review's written report (issue 16, section 1): drafted together by who runs the body and
the advisory group, published once the body approves it by a decision taken at a meeting, where each of its
recommendations becomes one of the body's actions, carried forward at its meetings until done."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.collaborative.access import runs
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import Action, Body, Decision, Membership
from livingwell.core.access import one_or_404
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.voice.models import EvaluationRound, Recommendation, ReviewReport

# The next six-monthly review: when the actions a review recommends are due.
ACTIONS_DUE_DAYS = 182


def _advisory_groups(body: Body) -> list[int]:
    """The advisory group whose programme the body is in; without one, every Experts by Experience group."""
    if body.advised_by_id:
        return [body.advised_by_id]
    return list(Body.objects.filter(kind=Body.Kind.EBE_GROUP).values_list("pk", flat=True))


def edits(user: User, body: Body) -> bool:
    """Who drafts the report: who runs the body, and the members of its advisory group."""
    if runs(user, body):
        return True
    return (
        user.is_authenticated
        and Membership.objects.filter(
            member__user=user, body_id__in=_advisory_groups(body), left_on__isnull=True
        ).exists()
    )


def review_for(user: User, round_id: int | str) -> tuple[ReviewReport | None, EvaluationRound, bool]:
    """The round's report (None before it is started), the round, and whether ``user`` edits it. A published
    report is public; a draft is for its editors only (not found to others)."""
    the_round = one_or_404(EvaluationRound.objects.select_related("body"), round_id)
    if the_round.kind != EvaluationRound.Kind.REVIEW:
        raise Http404
    report = ReviewReport.objects.filter(round=the_round).select_related("decision__meeting").first()
    editor = edits(user, the_round.body)
    if not editor and (report is None or report.published_at is None):
        raise Http404
    return report, the_round, editor


def review_edited_by(user: User, round_id: int | str) -> ReviewReport:
    """The round's report, started if need be, for one of its editors."""
    the_round = one_or_404(EvaluationRound.objects.select_related("body"), round_id)
    if the_round.kind != EvaluationRound.Kind.REVIEW:
        raise Http404
    if not edits(user, the_round.body):
        raise PermissionDenied
    report, _created = ReviewReport.objects.get_or_create(round=the_round)
    return report


def recommendations(report: ReviewReport | None) -> list[Recommendation]:
    return list(report.recommendations.select_related("action")) if report else []


def decisions_to_approve_with(body: Body) -> QuerySet[Decision]:
    """The body's decisions taken at its meetings so far, newest first, that approved no other report."""
    return (
        Decision.objects.filter(body=body, meeting__starts_at__lte=timezone.now())
        .exclude(pk__in=ReviewReport.objects.filter(decision__isnull=False).values("decision_id"))
        .select_related("meeting")
        .order_by("-meeting__starts_at", "-pk")
    )


def _draft(report: ReviewReport) -> None:
    if report.published_at is not None:
        raise Refused(_("The report is published as the meeting approved it: it can no longer change"))


def review_save(*, actor: User, report: ReviewReport, text: str) -> None:
    _draft(report)
    with transaction.atomic():
        ReviewReport.objects.filter(pk=report.pk).update(text=text, updated_by=actor, updated_at=timezone.now())
        member_record_audit(actor, report, "report edited")


def recommendation_add(*, actor: User, report: ReviewReport, text: str, submission_id: uuid.UUID) -> Recommendation:
    """A recommendation of the draft; it becomes one of the body's actions when the report is approved."""
    _draft(report)

    def create() -> Recommendation:
        recommendation = Recommendation.objects.create(report=report, text=text, submission_id=submission_id)
        member_record_audit(actor, report, "recommendation added")
        return recommendation

    return created_once(Recommendation, create, submission_id=submission_id)


def _owner(actor: User, body: Body) -> Membership:
    """Who owns the actions a report's approval makes: whoever recorded it, as a member of the body, else
    its chair or secretary."""
    current = Membership.objects.filter(body=body, left_on__isnull=True)
    owner = (
        current.filter(member__user=actor).first()
        or current.filter(role__in=(Membership.Role.CHAIR, Membership.Role.SECRETARY)).order_by("role").first()
    )
    if owner is None:
        raise Refused(_("The group needs a chair or secretary to own the recommendations' actions"))
    return owner


def review_publish(*, actor: User, report: ReviewReport, decision: Decision) -> None:
    """Published once approved by ``decision``, taken at a meeting of the body."""
    _draft(report)
    if not report.text.strip():
        raise Refused(_("Write the report before it is approved"))
    if not decisions_to_approve_with(report.round.body).filter(pk=decision.pk).exists():
        raise Refused(_("Choose a decision this group took at one of its meetings"))
    body = report.round.body
    owner = _owner(actor, body)
    with transaction.atomic():
        published = ReviewReport.objects.filter(pk=report.pk, published_at__isnull=True).update(
            decision=decision, published_at=timezone.now()
        )
        if not published:
            raise Refused(_("The report is already published"))
        due = timezone.localdate() + datetime.timedelta(days=ACTIONS_DUE_DAYS)
        for recommendation in report.recommendations.filter(action__isnull=True):
            recommendation.action = Action.objects.create(
                body=body,
                meeting_id=decision.meeting_id,
                decision=decision,
                what=recommendation.text[:500],
                owner=owner,
                due_on=due,
                submission_id=uuid.uuid4(),
            )
            recommendation.save(update_fields=["action"])
        member_record_audit(actor, report, f"approved by decision {decision.pk} and published")
