"""Rolling rotas: the people on a rota take the body's meetings in turn, each reminded before theirs."""

import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import Body, Meeting, Membership, Rota, RotaPlace, RotaTurn
from livingwell.collaborative.selectors import meeting_url
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused

TURNS_AHEAD = 6


class RotaRefused(Refused):
    """Why a rota change cannot be made, in words for the person making it."""


def rota_create(*, actor: User, body: Body, name: str, duty: str, memberships: list[Membership]) -> Rota:
    if len(memberships) < 2:
        raise RotaRefused(_("Choose at least two people to take turns"))
    if any(m.body_id != body.pk or m.left_on is not None for m in memberships):
        raise RotaRefused(_("Choose members of this group"))
    with transaction.atomic():
        rota = Rota.objects.create(body=body, name=name, duty=duty)
        RotaPlace.objects.bulk_create(
            RotaPlace(rota=rota, membership=m, position=position) for position, m in enumerate(memberships)
        )
        member_record_audit(actor, rota, "rota", AuditEvent.Action.CREATE)
    return rota


def _next_in_turn(places: list[RotaPlace], last: Membership | None) -> Membership:
    order = [place.membership for place in places if place.membership.left_on is None]
    if not order:
        raise RotaRefused(_("Nobody on this rota is still a member"))
    if last is None or last.pk not in {m.pk for m in order}:
        return order[0]
    return order[([m.pk for m in order].index(last.pk) + 1) % len(order)]


def rota_fill(*, actor: User, rota: Rota, ahead: int = TURNS_AHEAD) -> list[RotaTurn]:
    """Give the next ``ahead`` meetings without a turn to the people on the rota, in order, carrying on from
    whoever had the last turn; each is reminded before their meeting."""
    with transaction.atomic():
        locked = Rota.objects.select_for_update().get(pk=rota.pk)
        places = list(locked.places.select_related("membership"))
        last_turn = locked.turns.select_related("membership").order_by("-meeting__starts_at", "-pk").first()
        last = last_turn.membership if last_turn else None
        taken = locked.turns.values_list("meeting_id", flat=True)
        meetings = list(
            Meeting.objects.filter(body_id=locked.body_id, starts_at__gte=timezone.now())
            .exclude(status=Meeting.Status.CANCELLED)
            .exclude(pk__in=taken)
            .order_by("starts_at")[:ahead]
        )
        if last_turn is not None:
            meetings = [m for m in meetings if m.starts_at > last_turn.meeting.starts_at]
        turns = []
        for meeting in meetings:
            last = _next_in_turn(places, last)
            turns.append(RotaTurn.objects.create(rota=locked, meeting=meeting, membership=last))
        for turn in turns:
            member_record_audit(actor, turn, action=AuditEvent.Action.CREATE)
            transaction.on_commit(functools.partial(reminder_schedule, turn))
    return turns


def rota_swap(*, actor: User, turn: RotaTurn, membership: Membership) -> RotaTurn:
    """Someone else takes this turn (a swap agreed between them); they are reminded instead."""
    if membership.body_id != turn.rota.body_id or membership.left_on is not None:
        raise RotaRefused(_("Choose a member of this group"))
    with transaction.atomic():
        turn.membership = membership
        turn.save(update_fields=["membership"])
        member_record_audit(actor, turn, "swap")
        transaction.on_commit(functools.partial(reminder_schedule, turn))
    return turn


def reminder_schedule(turn: RotaTurn) -> None:
    run_after = turn.meeting.starts_at - datetime.timedelta(days=settings.LW_MEETING_REMINDER_DAYS)
    rota_reminder_send.using(run_after=max(run_after, timezone.now())).enqueue(
        turn_id=turn.pk, membership_id=turn.membership_id
    )


def _turn_to_remind(turn_id: int, membership_id: int) -> RotaTurn | None:
    """The turn, unless it has been swapped since, the meeting is cancelled, or there is nobody to email."""
    turn = (
        RotaTurn.objects.select_related("rota__body", "meeting__body", "membership__member")
        .filter(pk=turn_id, membership_id=membership_id)
        .first()
    )
    if turn is None or turn.meeting.status == Meeting.Status.CANCELLED or not turn.membership.member.email:
        return None
    return turn


def rota_reminder(turn_id: int, membership_id: int) -> bool:
    """Remind whoever has the turn, unless it has been swapped since or the meeting is cancelled."""
    if _turn_to_remind(turn_id, membership_id) is None:
        return False
    message_enqueue(rota_message, turn_id=turn_id, membership_id=membership_id)
    return True


@task()
def rota_reminder_send(*, turn_id: int, membership_id: int) -> bool:
    """The worker's task: remind the person whose turn it is, unless the turn has been swapped since."""
    return rota_reminder(turn_id, membership_id)


@message_builder
def rota_message(turn_id: int, membership_id: int) -> Message | None:
    turn = _turn_to_remind(turn_id, membership_id)
    if turn is None:
        return None
    meeting, member = turn.meeting, turn.membership.member
    with in_language(member.written_in):
        return Message(
            to=member.email,
            subject=_("Your turn: %(rota)s") % {"rota": turn.rota.name},
            template_name="collaborative/email/rota.txt",
            context={
                "name": member.name,
                "rota": turn.rota.name,
                "duty": turn.rota.duty,
                "meeting": meeting,
                "body": meeting.body.name,
                "url": meeting_url(meeting),
            },
        )
