"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

import datetime

from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.core.tests.matrix import (
    DUTY_QUEUE,
    EPISODE,
    GUIDES,
    PUBLIC,
    SUPPORT,
    Kwargs,
    Who,
)
from livingwell.directory.models import Service
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.directory.tests.permission_matrix import _providers_service
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.support.models import (
    Action,
    Connection,
    Episode,
    Goal,
    OnwardIntroduction,
    Plan,
    SecondaryCareReferral,
)
from livingwell.support.tests.factories import EpisodeFactory


def _guides_episode() -> Episode:
    """An open episode with the test personal guide."""
    guide = User.objects.filter(username=f"test-{Role.PERSONAL_GUIDE.value}").first() or UserFactory(
        role=Role.PERSONAL_GUIDE
    )
    return EpisodeFactory(guide=guide)


def _referred_introduction() -> Introduction:
    """An introduction routed to secondary care, with its structured referral."""
    introduction = IntroductionFactory(route=Introduction.Route.SECONDARY_CARE, status=Introduction.Status.ROUTED)
    SecondaryCareReferral.objects.create(introduction=introduction)
    return introduction


def _guides_action() -> Action:
    episode = _guides_episode()
    return Action.objects.create(
        episode=episode, what="Visit the garden", who="Both", due_on=datetime.date(2030, 1, 1), created_by=episode.guide
    )


def _guides_plan() -> Plan:
    return Plan.objects.create(person=_guides_episode().person)


def _guides_goal() -> Goal:
    return Goal.objects.create(plan=_guides_plan(), outcome="stay_well", what="Sleep better")


def _guides_connection() -> Connection:
    return Connection.objects.create(plan=_guides_plan(), name="Sister", kind="family", closeness="close")


def _onward(episode: Episode, service: Service) -> OnwardIntroduction:
    now = timezone.now()
    return OnwardIntroduction.objects.create(
        person=episode.person,
        episode=episode,
        service=service,
        sent_at=now,
        sent_by=episode.guide,
        respond_by=now.date(),
        status_changed_at=now,
    )


MATRIX: dict[str, Who] = {
    "support:introduction_route": DUTY_QUEUE,
    "support:secondary_care_referral": DUTY_QUEUE,
    "support:guides": PUBLIC,
    "support:my_guide_profile": GUIDES,
    # Easy in: the link in a closing summary needs no account.
    "support:come_back": PUBLIC,
    "support:came_back": PUBLIC,
    # Support: each guide their own people (and their team's); the Hub manager and administrators everyone's.
    "support:caseload": SUPPORT,
    "support:episode": EPISODE,
    "support:contact_log": EPISODE,
    "support:action_new": EPISODE,
    "support:status": EPISODE,
    "support:hand_over": EPISODE,
    "support:closing_summary": EPISODE,
    "support:action_done": EPISODE,
    "support:plan": EPISODE,
    "support:plan_start": EPISODE,
    "support:plan_from_introduction": EPISODE,
    "support:about_me": EPISODE,
    "support:connection_new": EPISODE,
    "support:goal_new": EPISODE,
    "support:plan_comment": EPISODE,
    "support:invite": EPISODE,
    "support:goal_review": EPISODE,
    "support:goal_step": EPISODE,
    "support:connection_sharing": EPISODE,
    "support:onward_new": EPISODE,
    "support:measures": EPISODE,
    "support:budget": EPISODE,
    "support:budget_export": EPISODE,
    "support:allocation_new": EPISODE,
    "support:planned_new": EPISODE,
    "support:spend_new": EPISODE,
    "support:accommodation": EPISODE,
    "support:life": EPISODE,
    # Aggregates naming nobody: the Hub manager, administrators and analysts (small numbers suppressed).
    "support:pathway": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR, Role.ANALYST}),
    "support:measure_new": EPISODE,
    "support:measures_fhir": EPISODE,
    "support:my_measures": frozenset({Role.PERSON}),
    "support:my_measure_new": frozenset({Role.PERSON}),
    "support:onward_no_response": EPISODE,
    # Onward introductions reach only the editors of the service's organisation.
    "support:provider_queue": frozenset({Role.PROVIDER_EDITOR}),
    "support:provider_onward": frozenset({Role.PROVIDER_EDITOR}),
    # The person's own plan, through their account.
    "support:my_plan": frozenset({Role.PERSON}),
    "support:my_support": frozenset({Role.PERSON}),
    "support:my_about_me": frozenset({Role.PERSON}),
    "support:my_plan_comment": frozenset({Role.PERSON}),
    "support:my_plan_agree": frozenset({Role.PERSON}),
}

KWARGS: dict[str, Kwargs] = {
    "support:introduction_route": lambda: {"introduction_id": IntroductionFactory().pk},
    "support:secondary_care_referral": lambda: {"introduction_id": _referred_introduction().pk},
    "support:episode": lambda: {"episode_id": _guides_episode().pk},
    "support:contact_log": lambda: {"episode_id": _guides_episode().pk},
    "support:action_new": lambda: {"episode_id": _guides_episode().pk},
    "support:status": lambda: {"episode_id": _guides_episode().pk},
    "support:hand_over": lambda: {"episode_id": _guides_episode().pk},
    "support:closing_summary": lambda: {"episode_id": _guides_episode().pk},
    "support:action_done": lambda: {"action_id": _guides_action().pk},
    "support:plan": lambda: {"episode_id": _guides_episode().pk},
    "support:plan_start": lambda: {"episode_id": _guides_episode().pk},
    "support:plan_from_introduction": lambda: {"episode_id": _guides_episode().pk},
    "support:about_me": lambda: {"episode_id": _guides_episode().pk},
    "support:connection_new": lambda: {"episode_id": _guides_episode().pk},
    "support:goal_new": lambda: {"episode_id": _guides_episode().pk},
    "support:plan_comment": lambda: {"episode_id": _guides_episode().pk},
    "support:invite": lambda: {"episode_id": _guides_episode().pk},
    "support:goal_review": lambda: {"goal_id": _guides_goal().pk},
    "support:goal_step": lambda: {"goal_id": _guides_goal().pk},
    "support:connection_sharing": lambda: {"connection_id": _guides_connection().pk},
    "support:onward_new": lambda: {"episode_id": _guides_episode().pk},
    "support:measures": lambda: {"episode_id": _guides_episode().pk},
    "support:measures_fhir": lambda: {"episode_id": _guides_episode().pk},
    "support:budget": lambda: {"episode_id": _guides_episode().pk},
    "support:budget_export": lambda: {"episode_id": _guides_episode().pk},
    "support:allocation_new": lambda: {"episode_id": _guides_episode().pk},
    "support:planned_new": lambda: {"episode_id": _guides_episode().pk},
    "support:spend_new": lambda: {"episode_id": _guides_episode().pk},
    "support:accommodation": lambda: {"episode_id": _guides_episode().pk},
    "support:life": lambda: {"episode_id": _guides_episode().pk},
    "support:measure_new": lambda: {"episode_id": _guides_episode().pk, "code": "ons4"},
    "support:my_measure_new": lambda: {"code": "ons4"},
    "support:onward_no_response": lambda: {"onward_id": _onward(_guides_episode(), ServiceFactory()).pk},
    "support:provider_onward": lambda: {"onward_id": _onward(_guides_episode(), _providers_service()).pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = {
    "support:action_done",
    "support:plan_start",
    "support:plan_from_introduction",
    "support:plan_comment",
    "support:invite",
    "support:connection_sharing",
    "support:onward_no_response",
    "support:my_plan_comment",
    "support:my_plan_agree",
}
