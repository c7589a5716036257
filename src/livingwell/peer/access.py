"""Who may read what in peer support, and the audit event for each read.

A peer supporter sees, of the people introduced to them, the limited fields set for peers (the name they like,
how to contact them, and what they and the peer agreed: the sessions), never the rest of the record. The
person sees their own introductions and sessions, without the peer's worries. Their guide (and the Hub) sees
all of it from the episode. One condition per line; tests cover every role.
"""

import datetime
from dataclasses import dataclass
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from livingwell.accounts.models import HUB_MANAGER_ROLES, Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.core.access import one_or_404
from livingwell.core.yearly_limit import Cap
from livingwell.peer.models import (
    CheckIn,
    GroupSession,
    PeerGroup,
    PeerIntroduction,
    PeerPayment,
    PeerProfile,
    PeerSession,
    Supervision,
    Training,
)
from livingwell.peer.payments import Statement, cap_for, caps_for, statement_for
from livingwell.people.models import Person
from livingwell.support.access import access_episode_for, episode_visible_to, sees_limited_fields
from livingwell.support.models import Episode


def own_profile_for(user: User) -> PeerProfile | None:
    """A peer supporter's own profile (None before they write one); their own, so not audited."""
    if not user.is_authenticated or user.role != Role.PEER_SUPPORTER:
        raise PermissionDenied
    return PeerProfile.objects.filter(user=user).first()


def _introductions() -> QuerySet[PeerIntroduction]:
    return PeerIntroduction.objects.select_related("person", "peer")


def access_caseload_for(user: User) -> list[PeerIntroduction]:
    """The people introduced to this peer supporter, still going or waiting; each person's read audited."""
    if not sees_limited_fields(user):
        raise PermissionDenied
    introductions = list(
        _introductions().filter(peer__user=user, status__in=["asked", "accepted"]).order_by("status", "-asked_at")
    )
    audit_reads_record(actor=user, records=[each.person for each in introductions])
    return introductions


@dataclass(frozen=True)
class IntroductionView:
    introduction: PeerIntroduction
    sessions: list[PeerSession]
    # Whose eyes: the peer supporter (who records sessions), the person, or their guide or the Hub.
    is_peer: bool
    is_person: bool

    @property
    def shows_contact(self) -> bool:
        """How to reach the person: for their guide and the Hub, and for the peer only while it is going."""
        if self.is_person:
            return False
        return not self.is_peer or self.introduction.status in ("asked", "accepted")

    @property
    def shows_concerns(self) -> bool:
        """A peer's worries are for the peer, the guide and the Hub, never shown to the person."""
        return not self.is_person


def _guides_person(user: User, person_id: UUID) -> bool:
    """The user may see one of the person's episodes (their guide, their team, the Hub)."""
    return any(episode_visible_to(user, episode) for episode in Episode.objects.filter(person_id=person_id))


def access_introduction_for(user: User, introduction_id: UUID | str) -> IntroductionView:
    """An introduction and its sessions: for its peer supporter, the person, and their guide or the Hub."""
    introduction = one_or_404(_introductions(), introduction_id)
    if not user.is_authenticated:
        raise PermissionDenied
    # A peer who declined keeps no view of the person.
    is_peer = introduction.peer.user_id == user.pk and introduction.status != PeerIntroduction.Status.DECLINED
    is_person = introduction.person.user_id == user.pk
    if not (is_peer or is_person or (not sees_limited_fields(user) and _guides_person(user, introduction.person_id))):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=introduction, person_id=introduction.person_id)
    sessions = list(introduction.sessions.all())
    return IntroductionView(introduction=introduction, sessions=sessions, is_peer=is_peer, is_person=is_person)


def access_own_peer_support_for(user: User) -> list[PeerIntroduction]:
    """The signed-in person's own introductions to peers, with their sessions; audited."""
    if not user.is_authenticated or user.role != Role.PERSON:
        raise PermissionDenied
    person = Person.objects.filter(user=user).first()
    if person is None:
        return []
    introductions = list(_introductions().filter(person=person).prefetch_related("sessions"))
    audit_reads_record(actor=user, records=introductions, person_id_of="person_id")
    return introductions


def own_person_for(user: User) -> Person | None:
    """The signed-in person's own record, to ask for a peer (nothing is shown from it)."""
    if not user.is_authenticated or user.role != Role.PERSON:
        return None
    return Person.objects.filter(user=user).first()


def access_episode_peer_support_for(user: User, episode_id: UUID | str) -> tuple[Episode, list[PeerIntroduction]]:
    """From an episode, for the person's guide and the Hub (not peers): the person's introductions to peers
    with their sessions, worries included."""
    episode = access_episode_for(user, episode_id)
    if sees_limited_fields(user):
        raise PermissionDenied
    introductions = list(_introductions().filter(person_id=episode.person_id).prefetch_related("sessions"))
    audit_reads_record(actor=user, records=introductions, person_id_of="person_id")
    return episode, introductions


# Who may supervise peer supporters (when named as their supervisor), and who names supervisors.
SUPERVISOR_ROLES = (Role.PERSONAL_GUIDE, Role.DUTY_WORKER, *HUB_MANAGER_ROLES)


@dataclass(frozen=True)
class OwnSupport:
    """A peer supporter's own support: supervision, trainings and their check-ins (theirs alone)."""

    profile: PeerProfile | None
    supervisions: list[Supervision]
    trainings: list[Training]
    check_ins: list[CheckIn]


def access_own_support_for(user: User) -> OwnSupport:
    profile = own_profile_for(user)
    if profile is None:
        return OwnSupport(None, [], [], [])
    return OwnSupport(
        profile=profile,
        supervisions=list(profile.supervisions.select_related("supervisor")),
        trainings=list(profile.trainings.all()),
        check_ins=list(profile.check_ins.all()[:20]),
    )


def supervised_by(user: User) -> QuerySet[PeerProfile]:
    """The peer supporters ``user`` may supervise: their own supervisees, or every one for the Hub manager."""
    if not user.is_authenticated or user.role not in SUPERVISOR_ROLES:
        raise PermissionDenied
    profiles = PeerProfile.objects.select_related("supervisor", "user")
    if user.role in HUB_MANAGER_ROLES:
        return profiles
    return profiles.filter(supervisor=user)


def access_supervisees_for(user: User) -> list[PeerProfile]:
    profiles = list(supervised_by(user))
    audit_reads_record(actor=user, records=profiles, person_id_of=None)
    return profiles


@dataclass(frozen=True)
class SupervisionView:
    profile: PeerProfile
    supervisions: list[Supervision]
    trainings: list[Training]
    names_supervisor: bool


def access_supervision_for(user: User, profile_id: int | str) -> SupervisionView:
    """One peer supporter's supervision and trainings (never their check-ins), for their supervisor and the
    Hub manager; audited."""
    profile = one_or_404(supervised_by(user), profile_id)
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=profile, person_id=None)
    return SupervisionView(
        profile=profile,
        supervisions=list(profile.supervisions.select_related("supervisor")),
        trainings=list(profile.trainings.all()),
        names_supervisor=user.role in HUB_MANAGER_ROLES,
    )


def _manages_peers(user: User) -> bool:
    return user.is_authenticated and user.role in HUB_MANAGER_ROLES


@dataclass(frozen=True)
class GroupWork:
    """A peer group's sessions for the people who run it and the Hub manager, who also says who runs it."""

    group: PeerGroup
    sessions: list[GroupSession]
    manages: bool


GROUP_SESSIONS_SHOWN = 50


def works_on_group(user: User, group: PeerGroup) -> bool:
    """The user may read and record a group's sessions: the Hub manager, or a peer supporter who runs it."""
    if _manages_peers(user):
        return True
    return user.is_authenticated and user.role == Role.PEER_SUPPORTER and group.facilitators.filter(user=user).exists()


def access_group_work_for(user: User, group_id: int | str) -> GroupWork:
    group = one_or_404(PeerGroup.objects.select_related("service"), group_id)
    if not works_on_group(user, group):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=group, person_id=None)
    sessions = list(group.sessions.select_related("recorded_by")[:GROUP_SESSIONS_SHOWN])
    return GroupWork(group=group, sessions=sessions, manages=_manages_peers(user))


def access_groups_managed_for(user: User) -> list[PeerGroup]:
    """Every peer group, running or not, with who runs it: for the Hub manager."""
    if not _manages_peers(user):
        raise PermissionDenied
    return list(
        PeerGroup.objects.select_related("service").prefetch_related("facilitators").order_by("service__name", "pk")
    )


def own_groups_for(user: User) -> list[PeerGroup]:
    """The running groups a peer supporter runs."""
    if not user.is_authenticated or user.role != Role.PEER_SUPPORTER:
        raise PermissionDenied
    return list(
        PeerGroup.objects.filter(facilitators__user=user, is_running=True)
        .select_related("service")
        .order_by("service__name", "pk")
    )


def access_waiting_payments_for(user: User) -> list[tuple[PeerPayment, Cap]]:
    """Sessional peer supporters' payments waiting for approval, each with where it takes their year: for
    the Hub manager; audited."""
    if not _manages_peers(user):
        raise PermissionDenied
    waiting = list(
        PeerPayment.objects.filter(status=PeerPayment.Status.WAITING).select_related("peer").order_by("on", "pk")
    )
    audit_reads_record(actor=user, records=waiting, person_id_of=None)
    return list(zip(waiting, caps_for(waiting), strict=True))


def access_payment_for(user: User, payment_id: UUID | str) -> tuple[PeerPayment, Cap]:
    if not _manages_peers(user):
        raise PermissionDenied
    payment = one_or_404(
        PeerPayment.objects.select_related("peer", "decided_by", "group_session__group__service"), payment_id
    )
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=payment, person_id=None)
    return payment, cap_for(payment)


def access_own_statement_for(user: User, year_start: datetime.date) -> Statement | None:
    """A peer supporter's own payments in a tax year; None when they are not paid by the session."""
    profile = own_profile_for(user)
    if profile is None or profile.arrangement != PeerProfile.Arrangement.SESSIONAL:
        return None
    return statement_for(profile, year_start)
