"""Every write of evaluation: keyword-only, atomic, audited; a rule it will not break is a ``Refused``."""

import datetime
import functools
import uuid

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import Body, Membership, Topic
from livingwell.core.languages import in_site_language
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.directory.models import Organization
from livingwell.voice.invitations import invitations_enqueue, reminder_schedule
from livingwell.voice.models import (
    CONTRIBUTOR,
    AgreedRating,
    Answer,
    Audit,
    AuditScore,
    EvaluationRound,
    Invitation,
    PlanAction,
    Principle,
    Rung,
    ScorePoint,
)
from livingwell.voice.selectors import is_open

__all__ = [
    "Refused",
    "answer_give",
    "audit_agree",
    "audit_create",
    "audit_publish",
    "contributor_add",
    "invitations_send",
    "plan_action_add",
    "quote_leave_out",
    "rating_agree",
    "round_create",
    "round_publish",
    "scores_give",
]


def round_create(
    *,
    actor: User,
    body: Body,
    kind: str,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    submission_id: uuid.UUID,
) -> EvaluationRound:
    if closes_on < opens_on:
        raise Refused(_("The round must close on or after the day it opens"))

    def create() -> EvaluationRound:
        the_round = EvaluationRound.objects.create(
            body=body,
            kind=kind,
            title=title,
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=actor,
            submission_id=submission_id,
        )
        member_record_audit(actor, the_round, action=AuditEvent.Action.CREATE)
        return the_round

    return created_once(EvaluationRound, create, submission_id=submission_id)


def _send(invitations: list[Invitation]) -> None:
    """Queue the invitations' emails once the change is saved; those without an address are not sent."""
    to_send = [each for each in invitations if each.address]
    Invitation.objects.filter(pk__in=[each.pk for each in to_send]).update(sent_at=timezone.now())
    ids = [str(each.pk) for each in to_send]
    transaction.on_commit(functools.partial(invitations_enqueue, ids))


Asked = EvaluationRound | Audit


def _field(asked: Asked) -> str:
    return "audit" if isinstance(asked, Audit) else "round"


def _refuse_when_closed(asked: Asked) -> None:
    if isinstance(asked, Audit) and asked.agreed_at is not None:
        raise Refused(_("The ratings are agreed: scoring is closed"))
    if isinstance(asked, EvaluationRound) and asked.published_at is not None:
        raise Refused(_("The results are published: the round is closed"))
    if asked.closes_on < timezone.localdate():
        raise Refused(_("It has closed"))


def invitations_send(*, actor: User, asked: Asked) -> int:
    """Invite every current member of the body not yet invited to the round or audit, by email through the
    worker, and plan the reminder the first time. How many were invited now."""
    _refuse_when_closed(asked)
    field = _field(asked)
    with transaction.atomic():
        locked = type(asked).objects.select_for_update().get(pk=asked.pk)
        invited = set(
            Invitation.objects.filter(**{field: locked}, member__isnull=False).values_list("member_id", flat=True)
        )
        memberships = (
            Membership.objects.filter(body_id=locked.body_id, left_on__isnull=True)
            .exclude(member_id__in=invited)
            .select_related("member", "constituency")
        )
        new = Invitation.objects.bulk_create(
            [Invitation(**{field: locked}, member=each.member, group=each.constituency.kind) for each in memberships]
        )
        _send(new)
        if locked.invited_at is None:
            locked.invited_at = timezone.now()
            locked.save(update_fields=["invited_at"])
            transaction.on_commit(functools.partial(reminder_schedule, locked))
        member_record_audit(actor, locked, f"invited {len(new)}")
    asked.invited_at = locked.invited_at
    return len(new)


def contributor_add(*, actor: User, asked: Asked, name: str, email: str) -> Invitation:
    """A named contributor who is not a member, such as someone who presented to the workstream, or a
    partner organisation's staff: invited at once if the invitations have gone out."""
    _refuse_when_closed(asked)
    field = _field(asked)
    with transaction.atomic():
        if Invitation.objects.filter(**{field: asked}, member__isnull=True, email__iexact=email).exists():
            raise Refused(_("Someone with this email address is already invited"))
        invitation = Invitation.objects.create(**{field: asked}, name=name, email=email, group=CONTRIBUTOR)
        if asked.invited_at is not None:
            _send([invitation])
        member_record_audit(actor, invitation, action=AuditEvent.Action.CREATE)
    return invitation


def answer_give(*, invitation_id: str, rung: Rung, why: str, move_up: str, may_quote: bool) -> Answer:
    """Record one answer for an invitation, once, and nothing that ties the two together."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",)).select_related("round").filter(pk=invitation_id).first()
        )
        if invitation is None or invitation.round is None:
            raise Refused(_("This link does not work any more"))
        if invitation.answered:
            raise Refused(_("You have already answered. Thank you."))
        the_round = invitation.round
        if not is_open(the_round, timezone.localdate()):
            if the_round.opens_on > timezone.localdate():
                raise Refused(
                    _("This round opens on %(day)s") % {"day": formats.date_format(the_round.opens_on, "j F Y")}
                )
            raise Refused(_("This round has closed"))
        invitation.answered = True
        invitation.save(update_fields=["answered"])
        return Answer.objects.create(
            round=the_round, rung=rung, group=invitation.group, why=why, move_up=move_up, may_quote=may_quote
        )


def round_publish(*, actor: User, the_round: EvaluationRound) -> None:
    """Publish the results, from the day the round closes; nobody can answer after."""
    if the_round.published_at is not None:
        raise Refused(_("The results are already published"))
    if the_round.closes_on > timezone.localdate():
        raise Refused(
            _("The round closes on %(day)s: publish its results then")
            % {"day": formats.date_format(the_round.closes_on, "j F Y")}
        )
    with transaction.atomic():
        published = EvaluationRound.objects.filter(pk=the_round.pk, published_at__isnull=True).update(
            published_at=timezone.now()
        )
        if published:
            member_record_audit(actor, the_round, "published")
    the_round.refresh_from_db(fields=["published_at"])


def quote_leave_out(*, actor: User, answer: Answer, left_out: bool) -> None:
    """Leave a quote out of the results (it names someone, say), or put it back."""
    if not answer.may_quote:
        raise Refused(_("They did not agree to be quoted"))
    with transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(quote_left_out=left_out)
        member_record_audit(actor, answer.round, "quote left out" if left_out else "quote put back")


def audit_create(
    *,
    actor: User,
    body: Body,
    organisation: Organization | None,
    title: str,
    year: int,
    opens_on: datetime.date,
    closes_on: datetime.date,
    submission_id: uuid.UUID,
) -> Audit:
    if closes_on < opens_on:
        raise Refused(_("Scoring must close on or after the day it opens"))

    def create() -> Audit:
        audit = Audit.objects.create(
            body=body,
            organisation=organisation,
            title=title,
            year=year,
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=actor,
            submission_id=submission_id,
        )
        member_record_audit(actor, audit, action=AuditEvent.Action.CREATE)
        return audit

    return created_once(Audit, create, submission_id=submission_id)


def scores_give(*, invitation_id: str, scores: list[tuple[Principle, ScorePoint, str]]) -> list[AuditScore]:
    """Record one person's score and evidence for every principle, once, with nothing to say whose."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",)).select_related("audit").filter(pk=invitation_id).first()
        )
        if invitation is None or invitation.audit is None:
            raise Refused(_("This link does not work any more"))
        if invitation.answered:
            raise Refused(_("You have already scored. Thank you."))
        audit = invitation.audit
        if not is_open(audit, timezone.localdate()):
            if audit.opens_on > timezone.localdate():
                raise Refused(_("Scoring opens on %(day)s") % {"day": formats.date_format(audit.opens_on, "j F Y")})
            raise Refused(_("Scoring has closed"))
        if {principle.pk for principle, _point, _evidence in scores} != set(
            Principle.objects.values_list("pk", flat=True)
        ):
            raise Refused(_("Score every principle"))
        invitation.answered = True
        invitation.save(update_fields=["answered"])
        return AuditScore.objects.bulk_create(
            AuditScore(audit=audit, principle=principle, point=point, evidence=evidence, group=invitation.group)
            for principle, point, evidence in scores
        )


def _refuse_when_agreed(audit: Audit) -> None:
    if audit.agreed_at is not None:
        raise Refused(_("The audit is agreed: its ratings and plan are settled"))


def rating_agree(*, actor: User, audit: Audit, principle: Principle, point: ScorePoint, reasons: str) -> AgreedRating:
    """The facilitator's rating for one principle, from the scores and their evidence; changed until the audit
    is agreed."""
    _refuse_when_agreed(audit)
    with transaction.atomic():
        rating, _created = AgreedRating.objects.update_or_create(
            audit=audit, principle=principle, defaults={"point": point, "reasons": reasons, "agreed_by": actor}
        )
        member_record_audit(actor, audit, f"rating for {principle.name}")
    return rating


def plan_action_add(
    *,
    actor: User,
    audit: Audit,
    principle: Principle,
    what: str,
    who: str,
    due_on: datetime.date,
    submission_id: uuid.UUID,
) -> PlanAction:
    """A step of the action plan, for one principle: it goes into the body's rolling programme as a topic,
    to be taken up at a meeting and made one of its actions."""
    _refuse_when_agreed(audit)

    def create() -> PlanAction:
        with in_site_language():  # the body's programme, read by all its members
            title = str(_("Co-production audit: %(what)s") % {"what": what})[:200]
            why = str(
                _("From the action plan of “%(audit)s”, for the principle “%(principle)s”: %(who)s, by %(due)s.")
                % {
                    "audit": audit.title,
                    "principle": principle.name,
                    "who": who,
                    "due": formats.date_format(due_on, "j F Y"),
                }
            )
        topic = Topic.objects.create(body=audit.body, title=title, why=why, submission_id=uuid.uuid4())
        action = PlanAction.objects.create(
            audit=audit,
            principle=principle,
            what=what,
            who=who,
            due_on=due_on,
            topic=topic,
            submission_id=submission_id,
        )
        member_record_audit(actor, audit, f"plan: {principle.name}")
        return action

    return created_once(PlanAction, create, submission_id=submission_id)


def audit_agree(*, actor: User, audit: Audit, summary: str) -> None:
    """Settle the audit: a rating agreed for every principle, and its summary. Scoring closes."""
    _refuse_when_agreed(audit)
    missing = Principle.objects.exclude(pk__in=audit.ratings.values("principle_id"))
    if missing.exists():
        raise Refused(
            _("Agree a rating for every principle first: %(names)s")
            % {"names": ", ".join(principle.name for principle in missing)}
        )
    with transaction.atomic():
        Audit.objects.filter(pk=audit.pk).update(summary=summary, agreed_at=timezone.now())
        member_record_audit(actor, audit, "agreed")
    audit.refresh_from_db(fields=["summary", "agreed_at"])


def audit_publish(*, actor: User, audit: Audit) -> None:
    if audit.agreed_at is None:
        raise Refused(_("Agree the audit before publishing it"))
    if audit.published_at is not None:
        raise Refused(_("The audit is already published"))
    with transaction.atomic():
        Audit.objects.filter(pk=audit.pk, published_at__isnull=True).update(published_at=timezone.now())
        member_record_audit(actor, audit, "published")
    audit.refresh_from_db(fields=["published_at"])
