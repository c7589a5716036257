"""Onward introductions: the Hub introducing a person to a network service, and the loop closing.

The status runs sent → accepted → started → finished, or declined, or no response. The service's
provider editors move it on; the guide marks "no response" once the reply is overdue. Each step is kept
with its date. The organisation sees only what the person agreed to share with it, and the agreement is
recorded as their consent to share with that organisation.
"""

import datetime
import functools
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.directory.models import Service
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person, SharingConsent
from livingwell.support.models import Episode, OnwardIntroduction, OnwardStatusChange

Status = OnwardIntroduction.Status
Moves = dict[str, list[str]]
# Who may move an onward introduction on from each status, and to what.
PROVIDER_MOVES: Moves = {
    Status.SENT: [Status.ACCEPTED, Status.DECLINED],
    Status.ACCEPTED: [Status.STARTED, Status.DECLINED],
    Status.STARTED: [Status.FINISHED],
}
GUIDE_MOVES: Moves = {Status.SENT: [Status.NO_RESPONSE]}


class OnwardMoveRefused(Refused):
    """The change does not fit the introduction as it is now (a double submit, or someone got there first)."""


def onward_send(
    *,
    actor: User,
    person: Person,
    service: Service,
    shared: list[str],
    message: str,
    episode: Episode | None = None,
    introduction: Introduction | None = None,
    submission_id: uuid.UUID | None = None,
) -> OnwardIntroduction:
    """Introduce the person to the service, sharing only what they agreed, and tell its editors: once per
    form, however often it is sent."""
    now = timezone.now()

    def create() -> OnwardIntroduction:
        onward = OnwardIntroduction.objects.create(
            submission_id=token,
            person=person,
            episode=episode,
            introduction=introduction,
            service=service,
            shared=shared,
            message=message,
            sent_at=now,
            sent_by=actor,
            respond_by=timezone.localdate() + datetime.timedelta(days=settings.LW_ONWARD_REPLY_DAYS),
            status_changed_at=now,
        )
        OnwardStatusChange.objects.create(onward=onward, status=Status.SENT, changed_at=now, changed_by=actor)
        _consent_to_share(person, service, now)
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            record=onward,
            person_id=person.pk,
            detail="onward introduction sharing: " + (", ".join(shared) or "name only"),
        )
        transaction.on_commit(functools.partial(_editors_tell, service))
        return onward

    token = submission_id or uuid.uuid4()
    return created_once(OnwardIntroduction, create, submission_id=token)


def _consent_to_share(person: Person, service: Service, now: datetime.datetime) -> None:
    """Record their consent to share with the organisation, unless it stands already. Two introductions to
    the same organisation at once make one consent (a savepoint, not a check-then-create race)."""
    current = SharingConsent.objects.filter(
        person=person, organisation_id=service.organization_id, withdrawn_at__isnull=True
    )
    if current.exists():
        return
    try:
        with transaction.atomic():
            SharingConsent.objects.create(person=person, organisation_id=service.organization_id, given_at=now)
    except IntegrityError:
        if not current.exists():
            raise


def _editors_tell(service: Service) -> None:
    """Tell the organisation's editors there is an introduction waiting. The email names nobody."""
    editors = User.objects.filter(
        role=Role.PROVIDER_EDITOR, organisations=service.organization_id, is_active=True
    ).exclude(email="")
    for editor in editors:
        message_enqueue(onward_waiting_message, user_id=editor.pk, service_id=service.pk)


@message_builder
def onward_waiting_message(user_id: int, service_id: str) -> Message | None:
    editor = User.objects.filter(pk=user_id, is_active=True).first()
    service = Service.objects.filter(pk=service_id).first()
    if editor is None or service is None:
        return None
    return Message(
        to=editor.email,
        subject=_("A new introduction to %(service)s") % {"service": service.name},
        template_name="support/email/onward_waiting.txt",
        context={
            "service": service,
            "url": f"{settings.LW_SITE_URL}{reverse('support:provider_queue')}",
            "service_name": settings.LW_SERVICE_NAME,
            "days": settings.LW_ONWARD_REPLY_DAYS,
        },
    )


def onward_move(*, actor: User, onward: OnwardIntroduction, status: str, note: str, moves: Moves) -> OnwardIntroduction:
    """Move the introduction on, if ``moves`` allows it from where it is now; keep the step with its date."""
    with transaction.atomic():
        locked = OnwardIntroduction.objects.select_for_update().get(pk=onward.pk)
        if status not in moves.get(locked.status, []):
            raise OnwardMoveRefused
        now = timezone.now()
        locked.status = status
        locked.status_changed_at = now
        locked.save(update_fields=["status", "status_changed_at"])
        OnwardStatusChange.objects.create(onward=locked, status=status, changed_at=now, changed_by=actor, note=note)
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CHANGE, record=locked, person_id=locked.person_id, detail=status
        )
    onward.refresh_from_db()
    return onward
