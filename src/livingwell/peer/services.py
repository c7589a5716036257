"""Every write of peer support: a peer's profile, introductions to a peer and their answer, and sessions.
Keyword-only, atomic; a rule that will not be broken is a ``Refused``."""

import datetime
import functools
import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.peer.models import CheckIn, PeerIntroduction, PeerProfile, PeerSession, Supervision, Training
from livingwell.peer.payments import payment_make
from livingwell.people.models import Person
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import risk_flag_raise
from livingwell.support.models import Connection
from livingwell.support.services import own_plan_connection_add


def profile_save(*, user: User, values: dict[str, object]) -> PeerProfile:
    with transaction.atomic():
        profile, _created = PeerProfile.objects.update_or_create(user=user, defaults=values)
        audit_event_record(actor=user, action=AuditEvent.Action.CHANGE, record=profile, person_id=None)
    return profile


def introduction_ask(
    *, actor: User, person: Person, peer: PeerProfile, message: str, person_agreed: bool, submission_id: uuid.UUID
) -> PeerIntroduction:
    """The person (or their guide, with their agreement) asks a peer supporter; the peer is emailed."""
    if not person_agreed:
        raise Refused(_("Ask the person first: they choose their peer supporter."))
    if not PeerProfile.objects.choosable().filter(pk=peer.pk).exists():
        raise Refused(_("%(name)s is not taking new people at the moment.") % {"name": peer.name})

    def create() -> PeerIntroduction:
        # The peer's row is held while checking again, so that two forms sent at once for the same person
        # and peer (a double click on two tabs) make one introduction and a clear message, never an error.
        PeerProfile.objects.select_for_update().filter(pk=peer.pk).first()
        existing = PeerIntroduction.objects.filter(submission_id=submission_id).first()
        if existing is not None:
            return existing
        if PeerIntroduction.objects.filter(person=person, peer=peer, status__in=["asked", "accepted"]).exists():
            raise Refused(_("%(name)s has been asked already.") % {"name": peer.name})
        introduction = PeerIntroduction.objects.create(
            person=person, peer=peer, asked_by=actor, message=message, person_agreed=True,
            submission_id=submission_id,
        )  # fmt: skip
        audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=introduction, person_id=person.pk)
        transaction.on_commit(functools.partial(message_enqueue, asked_message, introduction_id=introduction.pk))
        return introduction

    return created_once(PeerIntroduction, create, submission_id=submission_id)


@message_builder
def asked_message(introduction_id: str) -> Message | None:
    """To the peer supporter: someone would like their support. No name: the page behind sign-in has it."""
    introduction = PeerIntroduction.objects.select_related("peer__user").filter(pk=introduction_id).first()
    if introduction is None or introduction.status != PeerIntroduction.Status.ASKED:
        return None
    return Message(
        to=introduction.peer.user.email,
        subject=_("Someone would like your peer support"),
        template_name="peer/email/asked.txt",
        context={
            "name": introduction.peer.name,
            "url": f"{settings.LW_SITE_URL}{reverse('peer:introduction', args=[introduction.pk])}",
        },
    )


@message_builder
def answered_message(introduction_id: str) -> Message | None:
    """To the person: their peer supporter has answered. Neither name nor answer, as others may read their
    email: the page behind sign-in, or their guide, tells them."""
    introduction = PeerIntroduction.objects.select_related("person__user").filter(pk=introduction_id).first()
    if introduction is None:
        return None
    to = introduction.person.email_to_use
    if not to:
        return None
    with in_language(introduction.person.written_in):  # the language they chose (decision 0062)
        return Message(
            to=to,
            subject=_("News about the peer support you asked for"),
            template_name="peer/email/answered.txt",
            context={
                "name": introduction.person.preferred_name,
                "signs_in": introduction.person.user_id is not None,
                "url": f"{settings.LW_SITE_URL}{reverse('peer:mine')}",
            },
        )


@transaction.atomic
def introduction_answer(*, actor: User, introduction: PeerIntroduction, accept: bool) -> str:
    introduction = PeerIntroduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.status != PeerIntroduction.Status.ASKED:
        raise Refused(_("This was answered already."))
    introduction.status = PeerIntroduction.Status.ACCEPTED if accept else PeerIntroduction.Status.DECLINED
    introduction.answered_at = timezone.now()
    introduction.save(update_fields=["status", "answered_at"])
    audit_event_record(
        actor=actor, action=AuditEvent.Action.CHANGE, record=introduction, person_id=introduction.person_id,
        detail=f"status: {introduction.status}",
    )  # fmt: skip
    transaction.on_commit(functools.partial(message_enqueue, answered_message, introduction_id=introduction.pk))
    if accept:
        return _("You accepted. Get in touch to arrange your first meeting.")
    return _("You declined. Their guide, or the Hub, will help them choose someone else.")


@transaction.atomic
def introduction_end(*, actor: User, introduction: PeerIntroduction) -> str:
    introduction = PeerIntroduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.status != PeerIntroduction.Status.ACCEPTED:
        raise Refused(_("Only peer support that is going can be ended."))
    introduction.status = PeerIntroduction.Status.ENDED
    introduction.ended_at = timezone.now()
    introduction.save(update_fields=["status", "ended_at"])
    audit_event_record(
        actor=actor, action=AuditEvent.Action.CHANGE, record=introduction, person_id=introduction.person_id,
        detail="status: ended",
    )  # fmt: skip
    return _("Peer support has ended. Thank you.")


def session_record(
    *,
    actor: User,
    introduction: PeerIntroduction,
    on: datetime.date,
    where: str,
    note: str,
    follow_ups: str,
    concern: str,
    submission_id: uuid.UUID,
) -> PeerSession:
    """The peer supporter records a session of peer support that is going."""
    if introduction.status != PeerIntroduction.Status.ACCEPTED:
        raise Refused(_("Sessions are recorded while peer support is going."))
    if on > timezone.localdate():
        raise Refused(_("The date must not be in the future."))

    def create() -> PeerSession:
        session = PeerSession.objects.create(
            introduction=introduction, on=on, where=where, note=note, follow_ups=follow_ups, concern=concern,
            recorded_by=actor, submission_id=submission_id,
        )  # fmt: skip
        payment_make(profile=introduction.peer, on=on, session=session)
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CREATE, record=session, person_id=introduction.person_id
        )
        return session

    return created_once(PeerSession, create, submission_id=submission_id)


def concern_raise(*, actor: User, person: Person, guide: User | None, concern: str, token: str) -> None:
    """A peer supporter's worry about someone goes to their guide (or the duty team) at once, as a safety
    flag, whatever words it is in; once for each form sent."""
    risk_flag_raise(
        actor=actor, texts=[concern], where=RiskFlag.Where.PEER_SESSION, person_id=person.pk, guide=guide,
        once=f"peer-concern:{token}"[:100], concern=True,
    )  # fmt: skip


def peer_to_plan(*, user: User, introduction: PeerIntroduction) -> str:
    """The person adds their peer supporter to the connections in their own plan, with its own consent."""
    if introduction.status not in (PeerIntroduction.Status.ACCEPTED, PeerIntroduction.Status.ENDED):
        raise Refused(_("You can add your peer supporter to your plan once they have accepted."))
    name = introduction.peer.name
    if not own_plan_connection_add(user=user, name=name, kind=Connection.Kind.PEER, note=_("Peer support")):
        return _("%(name)s is in your plan already.") % {"name": name}
    return _("%(name)s is in the connections in your plan. Your plan is not shared with them unless you choose.") % {
        "name": name
    }


def supervision_record(
    *, actor: User, profile: PeerProfile, on: datetime.date, notes: str, follow_ups: str, submission_id: uuid.UUID
) -> Supervision:
    if on > timezone.localdate():
        raise Refused(_("The date must not be in the future."))

    def create() -> Supervision:
        supervision = Supervision.objects.create(
            peer=profile, supervisor=actor, on=on, notes=notes, follow_ups=follow_ups, submission_id=submission_id
        )
        audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=supervision, person_id=None)
        return supervision

    return created_once(Supervision, create, submission_id=submission_id)


def training_record(*, actor: User, profile: PeerProfile, course: str, on: datetime.date, completed: bool) -> str:
    with transaction.atomic():
        training, _created = Training.objects.update_or_create(
            peer=profile, course=course, on=on, defaults={"completed": completed, "recorded_by": actor}
        )
        audit_event_record(actor=actor, action=AuditEvent.Action.CHANGE, record=training, person_id=None)
    return _("%(course)s is recorded.") % {"course": training.get_course_display()}


def supervisor_name(*, actor: User, profile: PeerProfile, supervisor: User | None) -> str:
    with transaction.atomic():
        PeerProfile.objects.filter(pk=profile.pk).update(supervisor=supervisor)
        audit_event_record(actor=actor, action=AuditEvent.Action.CHANGE, record=profile, person_id=None,
                           detail="supervisor")  # fmt: skip
    return _("The supervisor is saved.")


def check_in(*, profile: PeerProfile, feeling: int, note: str, submission_id: uuid.UUID) -> CheckIn:
    """A peer supporter's own check-in: kept for them alone."""
    return created_once(
        CheckIn,
        lambda: CheckIn.objects.create(peer=profile, feeling=feeling, note=note, submission_id=submission_id),
        submission_id=submission_id,
    )
