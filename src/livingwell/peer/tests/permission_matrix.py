"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``.

In these tests the introduction is of the test person (someone we support, with their own account), in an
episode with the test personal guide, to the test peer supporter."""

from livingwell.accounts.models import Role, User
from livingwell.core.tests.matrix import EPISODE, HUB_RECORDS, PUBLIC, Kwargs, Who
from livingwell.peer.models import PeerProfile
from livingwell.peer.tests.factories import group_for, introduction_for, payment_for, profile_for, sessional
from livingwell.people.models import Person
from livingwell.support.tests.permission_matrix import _guides_episode

PEER = frozenset({Role.PEER_SUPPORTER})
# Who may supervise peers (the Hub manager names them), and of them who reaches the test peer's supervision:
# its supervisor (the test personal guide) and the Hub manager (and administrator).
SUPERVISORS = frozenset({Role.PERSONAL_GUIDE, Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR})
SUPERVISES_THE_PEER = frozenset({Role.PERSONAL_GUIDE, Role.HUB_MANAGER, Role.ADMINISTRATOR})
PERSON = frozenset({Role.PERSON})


def _test_user(role: Role) -> User | None:
    return User.objects.filter(username=f"test-{role.value}").first()


def _introduction_kwargs() -> dict[str, object]:
    episode = _guides_episode()
    person_user = _test_user(Role.PERSON)
    person: Person = episode.person
    if person_user is not None:
        Person.objects.filter(user=person_user).exclude(pk=person.pk).update(user=None)
        Person.objects.filter(pk=person.pk).update(user=person_user)
    peer = profile_for(_test_user(Role.PEER_SUPPORTER))
    return {"introduction_id": introduction_for(person, peer).pk}


def _supervision_kwargs() -> dict[str, object]:
    profile = profile_for()
    PeerProfile.objects.filter(pk=profile.pk).update(supervisor=_test_user(Role.PERSONAL_GUIDE))
    return {"profile_id": profile.pk}


def _group_kwargs() -> dict[str, object]:
    """A group the test peer supporter runs."""
    return {"group_id": group_for(profile_for(_test_user(Role.PEER_SUPPORTER))).pk}


def _payment_kwargs() -> dict[str, object]:
    return {"payment_id": payment_for(sessional(profile_for())).pk}


MATRIX: dict[str, Who] = {
    # The profiles are public, for people to choose from; only someone we support asks from one (a POST).
    "peer:profiles": PUBLIC,
    "peer:profile": PUBLIC,
    # The person's own peer support.
    "peer:mine": PERSON,
    # A peer supporter's own work and profile.
    "peer:caseload": PEER,
    "peer:my_profile": PEER,
    "peer:my_support": PEER,
    # Supervision: the list of one's supervisees, and a peer's supervision and trainings (never check-ins).
    "peer:supervisees": SUPERVISORS,
    "peer:supervision": SUPERVISES_THE_PEER,
    # An introduction: its peer supporter, the person, and their guide and the Hub (EPISODE).
    "peer:introduction": PEER | PERSON | EPISODE,
    # Only the peer supporter answers, records sessions and ends it.
    "peer:answer": PEER,
    "peer:end": PEER,
    "peer:session_new": PEER,
    # Only the person adds their peer supporter to their own plan.
    "peer:to_my_plan": PERSON,
    # From an episode: the guide and the Hub, not peers (limited fields).
    "peer:episode": EPISODE,
    # Peer groups: in public with how many came (never who); their sessions for the peer supporters who run
    # them and the Hub manager, who starts groups and says who runs them.
    "peer:groups": PUBLIC,
    "peer:group": PUBLIC,
    "peer:group_work": PEER | HUB_RECORDS,
    "peer:group_change": HUB_RECORDS,
    "peer:groups_manage": HUB_RECORDS,
    # Payments by the session: the peer's own statement; approval by the Hub manager.
    "peer:my_payments": PEER,
    "peer:payments": HUB_RECORDS,
    "peer:payment": HUB_RECORDS,
    "peer:payment_approve": HUB_RECORDS,
    "peer:payment_reject": HUB_RECORDS,
}

KWARGS: dict[str, Kwargs] = {
    "peer:profile": lambda: {"profile_id": profile_for().pk},
    "peer:introduction": _introduction_kwargs,
    "peer:answer": _introduction_kwargs,
    "peer:end": _introduction_kwargs,
    "peer:session_new": _introduction_kwargs,
    "peer:to_my_plan": _introduction_kwargs,
    "peer:episode": lambda: {"episode_id": _guides_episode().pk},
    "peer:supervision": _supervision_kwargs,
    "peer:group": _group_kwargs,
    "peer:group_work": _group_kwargs,
    "peer:group_change": _group_kwargs,
    "peer:payment": _payment_kwargs,
    "peer:payment_approve": _payment_kwargs,
    "peer:payment_reject": _payment_kwargs,
}

POST_ONLY: set[str] = {
    "peer:answer", "peer:end", "peer:session_new", "peer:to_my_plan", "peer:group_change", "peer:payment_approve",
    "peer:payment_reject",
}  # fmt: skip
