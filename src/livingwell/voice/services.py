"""Every write of evaluation: keyword-only, atomic, audited; a rule it will not break is a ``Refused``."""

import datetime
import functools
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import Body, Membership
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.voice.invitations import invitations_enqueue, reminder_schedule
from livingwell.voice.models import CONTRIBUTOR, Answer, EvaluationRound, Invitation, Rung
from livingwell.voice.selectors import round_is_open

__all__ = [
    "Refused",
    "answer_give",
    "contributor_add",
    "invitations_send",
    "quote_leave_out",
    "round_create",
    "round_publish",
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


def _send(the_round: EvaluationRound, invitations: list[Invitation]) -> None:
    """Queue the invitations' emails once the change is saved; those without an address are not sent."""
    to_send = [each for each in invitations if (each.member.email if each.member else each.email)]
    Invitation.objects.filter(pk__in=[each.pk for each in to_send]).update(sent_at=timezone.now())
    ids = [str(each.pk) for each in to_send]
    transaction.on_commit(functools.partial(invitations_enqueue, ids))


def _refuse_when_closed(the_round: EvaluationRound) -> None:
    if the_round.published_at is not None:
        raise Refused(_("The results are published: the round is closed"))
    if the_round.closes_on < timezone.localdate():
        raise Refused(_("The round has closed"))


def invitations_send(*, actor: User, the_round: EvaluationRound) -> int:
    """Invite every current member of the body not yet invited, by email through the worker, and plan the
    reminder the first time. How many were invited now."""
    _refuse_when_closed(the_round)
    with transaction.atomic():
        locked = EvaluationRound.objects.select_for_update().get(pk=the_round.pk)
        invited = set(Invitation.objects.filter(round=locked, member__isnull=False).values_list("member_id", flat=True))
        memberships = (
            Membership.objects.filter(body_id=locked.body_id, left_on__isnull=True)
            .exclude(member_id__in=invited)
            .select_related("member", "constituency")
        )
        new = Invitation.objects.bulk_create(
            [Invitation(round=locked, member=each.member, group=each.constituency.kind) for each in memberships]
        )
        _send(locked, new)
        first = locked.invited_at is None
        if first:
            locked.invited_at = timezone.now()
            locked.save(update_fields=["invited_at"])
            transaction.on_commit(functools.partial(reminder_schedule, locked))
        member_record_audit(actor, locked, f"invited {len(new)}")
    the_round.invited_at = locked.invited_at
    return len(new)


def contributor_add(*, actor: User, the_round: EvaluationRound, name: str, email: str) -> Invitation:
    """A named contributor who is not a member, such as someone who presented to the workstream: invited at
    once if the round's invitations have gone out."""
    _refuse_when_closed(the_round)
    with transaction.atomic():
        if Invitation.objects.filter(round=the_round, member__isnull=True, email__iexact=email).exists():
            raise Refused(_("Someone with this email address is already invited"))
        invitation = Invitation.objects.create(round=the_round, name=name, email=email, group=CONTRIBUTOR)
        if the_round.invited_at is not None:
            _send(the_round, [invitation])
        member_record_audit(actor, invitation, action=AuditEvent.Action.CREATE)
    return invitation


def answer_give(*, invitation_id: str, rung: Rung, why: str, move_up: str, may_quote: bool) -> Answer:
    """Record one answer for an invitation, once, and nothing that ties the two together."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("round").filter(pk=invitation_id).first()
        if invitation is None:
            raise Refused(_("This link does not work any more"))
        if invitation.answered:
            raise Refused(_("You have already answered. Thank you."))
        the_round = invitation.round
        if not round_is_open(the_round, timezone.localdate()):
            if the_round.opens_on > timezone.localdate():
                raise Refused(_("This round opens on %(day)s") % {"day": the_round.opens_on.strftime("%-d %B %Y")})
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
            % {"day": the_round.closes_on.strftime("%-d %B %Y")}
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
