import uuid

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.peer.models import PeerIntroduction, PeerProfile
from livingwell.people.models import Person


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
