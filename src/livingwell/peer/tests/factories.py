import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.directory.models import Attribute, TaxonomyTerm
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.peer.models import PeerGroup, PeerIntroduction, PeerPayment, PeerProfile, PeerSession
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory


def profile_for(user: User | None = None, *, name: str = "Priya") -> PeerProfile:
    """A published profile, taking people (for ``user``, a peer supporter, when given)."""
    user = user or UserFactory(role=Role.PEER_SUPPORTER)
    existing = PeerProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    return PeerProfile.objects.create(
        user=user, name=name, lived_experience="I lived with anxiety.", where="Cafés", when="Afternoons",
        is_published=True,
    )  # fmt: skip


def introduction_for(person: Person, peer: PeerProfile, *, status: str = "accepted") -> PeerIntroduction:
    return PeerIntroduction.objects.create(
        person=person, peer=peer, asked_by=peer.user, person_agreed=True, status=status, submission_id=uuid.uuid4()
    )


def group_for(*facilitators: PeerProfile, name: str = "Hearing Voices Group") -> PeerGroup:
    """A running peer group for a published listing in the Peer support category."""
    service = ServiceFactory(name=name, description="A friendly peer group. Come as you are.")
    term = TaxonomyTerm.objects.get(code="peer-support")
    Attribute.objects.create(service=service, taxonomy_term=term)
    group = PeerGroup.objects.create(service=service, started_by=UserFactory(role=Role.HUB_MANAGER))
    group.facilitators.set(facilitators)
    return group


def sessional(profile: PeerProfile, *, fee: str = "25.00", limit: str = "1500.00") -> PeerProfile:
    PeerProfile.objects.filter(pk=profile.pk).update(
        arrangement=PeerProfile.Arrangement.SESSIONAL, session_fee=Decimal(fee), yearly_limit=Decimal(limit)
    )
    profile.refresh_from_db()
    return profile


def payment_for(profile: PeerProfile, *, on: datetime.date | None = None, amount: str = "25.00") -> PeerPayment:
    """A payment waiting for approval, for a one-to-one session."""
    person = PersonFactory()
    session = PeerSession.objects.create(
        introduction=introduction_for(person, profile), on=on or timezone.localdate(), where="Café", note="Tea",
        recorded_by=profile.user, submission_id=uuid.uuid4(),
    )  # fmt: skip
    return PeerPayment.objects.create(peer=profile, on=session.on, amount=Decimal(amount), session=session)
