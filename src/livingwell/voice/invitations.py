"""Invitations to answer a round or score an audit, and reminders, sent by the worker.

A message is built as it is sent (``core.outbox``), so the queue holds an invitation's id only. Its link is
signed then, and never stored: opening it lets that browser answer for that invitation, once. Those who have
not answered are reminded ``LW_ROUND_REMINDER_DAYS`` before it closes.
"""

import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.voice.links import link_value, signed_link
from livingwell.voice.models import Audit, EvaluationRound, Invitation

SALT = "livingwell.voice.invitation"
LINK_DAYS = 120  # a link outlives any round; the round's own dates decide whether it can still be answered
REMIND = "remind"
# Still waiting for answers: the round's results, or the audit's ratings, not yet out.
STILL_OPEN = Q(round__published_at__isnull=True, audit__isnull=True) | Q(
    audit__agreed_at__isnull=True, round__isnull=True
)


def link_for(invitation_id: str) -> str:
    return signed_link("voice:answer_open", invitation_id, salt=SALT)


def invitation_of_link(token: str) -> str | None:
    """The invitation a link was signed for; None when it was forged, changed or is too old."""
    return link_value(token, salt=SALT, max_age=datetime.timedelta(days=LINK_DAYS))


def invitation_to_answer(invitation_id: str) -> Invitation | None:
    """The invitation whose link this browser opened, answered or not; None for none."""
    if not invitation_id:
        return None
    return (
        Invitation.objects.select_related("round__body", "audit__body", "audit__organisation", "member")
        .filter(pk=invitation_id)
        .first()
    )


def _to_ask(invitation_id: str) -> Invitation | None:
    """The invitation, while there is someone to email who has not answered and it is still open."""
    invitation = (
        Invitation.objects.select_related("round__body", "audit__body", "audit__organisation", "member")
        .filter(STILL_OPEN, pk=invitation_id, answered=False)
        .first()
    )
    if invitation is None or not invitation.address:
        return None
    return invitation


def about(invitation: Invitation) -> EvaluationRound | Audit:
    """What the invitation asks about: its round or its audit."""
    asked = invitation.round or invitation.audit
    if asked is None:  # never: the table's constraint holds one or the other
        raise ValueError("an invitation to neither a round nor an audit")
    return asked


@message_builder
def invitation_message(invitation_id: str, kind: str = "") -> Message | None:
    invitation = _to_ask(invitation_id)
    if invitation is None:
        return None
    asked = about(invitation)
    reminding = kind == REMIND
    if isinstance(asked, Audit):
        subject = _("A reminder: score how we co-produce") if reminding else _("Score how we co-produce")
    elif reminding:
        subject = _("A reminder: how involved were you in %(body)s?")
    else:
        subject = _("How involved were you in %(body)s?")
    return Message(
        to=invitation.address,
        subject=subject % {"body": asked.body.name},
        template_name="voice/email/audit.txt" if isinstance(asked, Audit) else "voice/email/invitation.txt",
        context={
            "name": invitation.invitee_name,
            "round": asked,
            "body": asked.body.name,
            "url": link_for(str(invitation.pk)),
            "reminding": reminding,
        },
    )


def invitations_enqueue(invitation_ids: list[str]) -> None:
    for invitation_id in invitation_ids:
        message_enqueue(invitation_message, key=f"voice-invitation-{invitation_id}", invitation_id=invitation_id)


def reminder_at(asked: EvaluationRound | Audit) -> datetime.datetime:
    """9am, ``LW_ROUND_REMINDER_DAYS`` before it closes, but not before the day after it opens."""
    day = max(
        asked.closes_on - datetime.timedelta(days=settings.LW_ROUND_REMINDER_DAYS),
        asked.opens_on + datetime.timedelta(days=1),
    )
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def reminder_schedule(asked: EvaluationRound | Audit) -> None:
    at = reminder_at(asked)
    if at.date() <= asked.closes_on:
        kind = "audit" if isinstance(asked, Audit) else "round"
        reminders_send.using(run_after=max(at, timezone.now())).enqueue(kind=kind, asked_id=asked.pk)


def reminders(*, kind: str, asked_id: int) -> int:
    """Remind each invited person who has not answered, once; how many were reminded."""
    with transaction.atomic():
        waiting = list(
            Invitation.objects.select_for_update(of=("self",))
            .filter(STILL_OPEN, answered=False, sent_at__isnull=False, reminded_at__isnull=True)
            .filter(**({"audit_id": asked_id} if kind == "audit" else {"round_id": asked_id}))
            .values_list("pk", flat=True)
        )
        Invitation.objects.filter(pk__in=waiting).update(reminded_at=timezone.now())
        for invitation_id in waiting:
            transaction.on_commit(
                functools.partial(
                    message_enqueue,
                    invitation_message,
                    key=f"voice-reminder-{invitation_id}",
                    invitation_id=str(invitation_id),
                    kind=REMIND,
                )
            )
    return len(waiting)


@task()
def reminders_send(*, kind: str, asked_id: int) -> int:
    """The worker's task: remind those who have not answered the round, or scored the audit."""
    return reminders(kind=kind, asked_id=asked_id)
