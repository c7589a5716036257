"""Peer support groups: a listing in the directory (in the Peer support category) that peer supporters run,
recording each session with how many came, never who. In public a group shows how often it met and, for
each month, how many came, a small number shown as "fewer than 5" (``core.suppression``)."""

import datetime
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.months import months_earlier, truncated_month
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.core.suppression import count_shown
from livingwell.directory.models import Service
from livingwell.peer.models import GroupSession, PeerGroup, PeerProfile
from livingwell.peer.payments import payment_make

PEER_SUPPORT_TERM = "peer-support"
# Months of figures shown in public.
MONTHS_SHOWN = 6


def listings_to_run() -> QuerySet[Service]:
    """Listings a peer group can be run for: published groups and services in the Peer support category
    that are not peer groups here yet."""
    return (
        Service.objects.published()
        .filter(kind=Service.Kind.SERVICE, terms__code=PEER_SUPPORT_TERM, peer_group__isnull=True)
        .select_related("organization")
        .order_by("name", "id")
        .distinct()
    )


def running_groups() -> QuerySet[PeerGroup]:
    """The groups shown in public: running, with a listing still published."""
    return (
        PeerGroup.objects.filter(is_running=True, service__in=Service.objects.published())
        .select_related("service__organization")
        .order_by("service__name", "pk")
    )


def group_start(*, actor: User, service: Service, facilitators: list[PeerProfile]) -> PeerGroup:
    with transaction.atomic():
        Service.objects.select_for_update().filter(pk=service.pk).first()
        if PeerGroup.objects.filter(service=service).exists():
            raise Refused(_("%(name)s is a peer group here already.") % {"name": service.name})
        group = PeerGroup.objects.create(service=service, started_by=actor)
        group.facilitators.set(facilitators)
        audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=group, person_id=None)
    return group


def group_change(*, actor: User, group: PeerGroup, facilitators: list[PeerProfile], is_running: bool) -> str:
    with transaction.atomic():
        PeerGroup.objects.filter(pk=group.pk).update(is_running=is_running)
        group.facilitators.set(facilitators)
        audit_event_record(actor=actor, action=AuditEvent.Action.CHANGE, record=group, person_id=None)
    return _("The group is saved.")


def group_session_record(
    *,
    actor: User,
    group: PeerGroup,
    on: datetime.date,
    came: int,
    note: str,
    concern: str,
    submission_id: uuid.UUID,
) -> GroupSession:
    """A session of a running group, once a day; a sessional peer supporter who records it is paid for it."""
    if on > timezone.localdate():
        raise Refused(_("The date must not be in the future."))

    def create() -> GroupSession:
        # The group's row is held while the day is checked, so that two facilitators recording the same day
        # at the same moment make one session and a clear message, never an error.
        locked = PeerGroup.objects.select_for_update().get(pk=group.pk)
        if not locked.is_running:
            raise Refused(_("This group is not running."))
        if GroupSession.objects.filter(group=locked, on=on).exists():
            raise Refused(_("A session on %(day)s is recorded already.") % {"day": f"{on:%-d %B %Y}"})
        session = GroupSession.objects.create(
            group=locked, on=on, came=came, note=note, concern=concern, recorded_by=actor, submission_id=submission_id
        )
        profile = PeerProfile.objects.filter(user=actor).first()
        if profile is not None:
            payment_make(profile=profile, on=on, group_session=session)
        audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=session, person_id=None)
        return session

    return created_once(GroupSession, create, submission_id=submission_id)


@dataclass(frozen=True)
class Month:
    month: datetime.date
    sessions: int
    came: int

    @property
    def came_shown(self) -> str:
        return count_shown(self.came, suppress=True)


def months_of(group: PeerGroup, today: datetime.date) -> list[Month]:
    """The group's last months, newest first: how many sessions, and how many came in all (a count, never
    names; a small one shown as "fewer than 5"). Months with no session show as nought."""
    first = months_earlier(today, MONTHS_SHOWN - 1)
    rows = {
        truncated_month(row["month"]): row
        for row in GroupSession.objects.filter(group=group, on__gte=first)
        .annotate(month=TruncMonth("on"))
        .values("month")
        .annotate(sessions=Count("pk"), came=Sum("came"))
    }
    months = [months_earlier(today, back) for back in range(MONTHS_SHOWN)]
    return [
        Month(month, rows[month]["sessions"], rows[month]["came"]) if month in rows else Month(month, 0, 0)
        for month in months
    ]
