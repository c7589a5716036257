"""The only way to reach an episode of support and the person in it. Each function checks permission and
audits the read.

One condition per line, so that coverage proves each branch; tests cover every role.
"""

import datetime
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404

from livingwell.accounts.models import FIGURES_ROLES, HUB_MANAGER_ROLES, Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.core.access import one_or_404
from livingwell.directory.access import services_editable_by
from livingwell.frontdoor.access import access_introduction_for
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.accommodation import PathwayFigures, pathway_figures
from livingwell.support.budgets import AllocationView, budget_csv, budget_views
from livingwell.support.models import (
    AccommodationMove,
    Action,
    Connection,
    Episode,
    Goal,
    LifeCircumstances,
    Measurement,
    OnwardIntroduction,
    Plan,
    SecondaryCareReferral,
)
from livingwell.support.selectors import (
    CaseloadRow,
    InstrumentResults,
    PlanView,
    Timeline,
    arrivals_of,
    caseload_rows,
    colleagues_of,
    measure_results,
    person_timeline,
    plan_view,
)

# Roles that may guide someone (DESIGN.md §2: "the worker, or trained peer").
GUIDE_ROLES = frozenset({Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER, Role.DUTY_WORKER, Role.HUB_MANAGER})
# Roles that see every episode (DESIGN.md §3: "all Hub records").
EVERY_EPISODE_ROLES = frozenset(HUB_MANAGER_ROLES)
# Roles that see their team's people as well as their own, when LW_GUIDES_SEE_TEAM is on.
TEAM_ROLES = frozenset({Role.PERSONAL_GUIDE, Role.DUTY_WORKER})


QUEUE_PER_PAGE = 50


class Show:
    MINE = "mine"
    TEAM = "team"
    ALL = "all"


def sees_limited_fields(user: User) -> bool:
    """Peer supporters see the person's name, how to contact them and the work agreed; not the history."""
    return user.role == Role.PEER_SUPPORTER


def episode_visible_to(user: User, episode: Episode) -> bool:
    if not user.is_authenticated:
        return False
    if user.role in EVERY_EPISODE_ROLES:
        return True
    if user.role not in GUIDE_ROLES:
        return False
    if episode.guide_id == user.pk:
        return True
    if user.role not in TEAM_ROLES:
        return False
    if not settings.LW_GUIDES_SEE_TEAM:
        return False
    return colleagues_of(user).filter(pk=episode.guide_id).exists()


def access_episode_for(user: User, episode_id: UUID | str) -> Episode:
    """Return the episode (with its person and guide) for ``user`` to read and work on, and audit the read."""
    episode = one_or_404(Episode.objects.select_related("person", "guide__guide_profile"), episode_id)
    if not episode_visible_to(user, episode):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=episode, person_id=episode.person_id)
    return episode


def access_action_for(user: User, action_id: int | str) -> Action:
    """A next step, reached through its episode's permission; audited as a read of the episode."""
    action = one_or_404(Action.objects.select_related("episode"), action_id)
    access_episode_for(user, action.episode_id)
    return action


def _person_visible_to(user: User, person_id: UUID) -> bool:
    """The person is someone ``user`` supports (any of their episodes), or ``user`` is the person."""
    if not user.is_authenticated:
        return False
    if user.role == Role.PERSON:
        return Plan.objects.filter(person_id=person_id, person__user_id=user.pk).exists()
    if sees_limited_fields(user):
        return False
    return any(episode_visible_to(user, episode) for episode in Episode.objects.filter(person_id=person_id))


def support_records_check(user: User, episode: Episode) -> None:
    """The person's support records (timeline, plan, measures, budgets, accommodation) are for their guide,
    the team and the Hub; not for peer supporters (limited fields). Raises PermissionDenied otherwise.

    Forms that add to those records check this alone: they read nothing, so they audit no read.
    """
    if not episode_visible_to(user, episode):
        raise PermissionDenied
    if sees_limited_fields(user):
        raise PermissionDenied


def access_plan_to_change_for(user: User, episode: Episode, *, shows_text: bool) -> Plan:
    """The person's plan, for a form that adds to it or changes it. Nothing is written here: a plan not
    started yet comes back unsaved. ``shows_text``: the form shows what the plan says (About me), so the
    read is audited."""
    support_records_check(user, episode)
    plan = Plan.objects.filter(person=episode.person).first()
    if plan is None:
        return Plan(person=episode.person)
    if shows_text:
        audit_event_record(actor=user, action=AuditEvent.Action.READ, record=plan, person_id=plan.person_id)
    return plan


def access_plan_for(user: User, episode: Episode) -> PlanView | None:
    """The plan of the episode's person, for their guide to read and build with them; the read audited.

    None when there is no plan yet.
    """
    support_records_check(user, episode)
    return _plan_read(user, Plan.objects.filter(person_id=episode.person_id).first())


def access_own_plan_for(user: User) -> PlanView | None:
    """The signed-in person's own plan, audited; None when their guide has not started one."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role != Role.PERSON:
        raise PermissionDenied
    return _plan_read(user, Plan.objects.filter(person__user_id=user.pk).first())


def _plan_read(user: User, plan: Plan | None) -> PlanView | None:
    if plan is None:
        return None
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=plan, person_id=plan.person_id)
    return plan_view(plan)


@dataclass(frozen=True)
class OwnSupport:
    budgets: list[AllocationView]
    onward: list[OnwardIntroduction]


def access_own_support_for(user: User) -> OwnSupport | None:
    """The signed-in person's own budgets and the services they were introduced to, with how each is going;
    each read audited. None when they have no person record."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role != Role.PERSON:
        raise PermissionDenied
    person = Person.objects.filter(user_id=user.pk).first()
    if person is None:
        return None
    budgets = budget_views(person)
    onward = list(
        OnwardIntroduction.objects.filter(person=person).select_related("service__organization").order_by("-sent_at")
    )
    audit_reads_record(actor=user, records=[view.allocation for view in budgets], person_id_of="person_id")
    audit_reads_record(actor=user, records=onward, person_id_of="person_id")
    return OwnSupport(budgets=budgets, onward=onward)


def access_goal_for(user: User, goal_id: int | str) -> Goal:
    """A goal in the plan of someone ``user`` supports, or in their own plan."""
    goal = one_or_404(Goal.objects.select_related("plan"), goal_id)
    if not _person_visible_to(user, goal.plan.person_id):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=goal, person_id=goal.plan.person_id)
    return goal


def access_connection_for(user: User, connection_id: int | str) -> Connection:
    """A connection in the plan of someone ``user`` supports, or in their own plan."""
    connection = one_or_404(Connection.objects.select_related("plan"), connection_id)
    if not _person_visible_to(user, connection.plan.person_id):
        raise PermissionDenied
    audit_event_record(
        actor=user, action=AuditEvent.Action.READ, record=connection, person_id=connection.plan.person_id
    )
    return connection


def access_provider_queue_for(user: User, page_number: str | int | None) -> Page[OnwardIntroduction]:
    """Onward introductions to the services of the organisations a provider editor acts for, newest first;
    a read audited for each shown. Only the name they like is shown here."""
    queue = OnwardIntroduction.objects.filter(service__in=services_editable_by(user)).select_related(
        "person", "service"
    )
    page = Paginator(queue.order_by("-sent_at", "id"), QUEUE_PER_PAGE).get_page(page_number)
    audit_reads_record(actor=user, records=page.object_list, person_id_of="person_id")
    return page


def access_onward_for_provider(user: User, onward_id: UUID | str) -> OnwardIntroduction:
    """One onward introduction to a service the editor keeps; others' are not found (404, not revealed)."""
    theirs = OnwardIntroduction.objects.filter(service__in=services_editable_by(user))
    onward = one_or_404(theirs.select_related("person", "service"), onward_id)
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=onward, person_id=onward.person_id)
    return onward


def access_shared_plan_for_provider(user: User, onward: OnwardIntroduction) -> Plan | None:
    """The parts of the person's plan they agreed to share with this service (About me, goals), for its
    editor; the read audited. None when they shared neither, or have no plan."""
    shared = {OnwardIntroduction.Shared.ABOUT_ME, OnwardIntroduction.Shared.GOALS} & set(onward.shared)
    if not shared:
        return None
    if not OnwardIntroduction.objects.filter(pk=onward.pk, service__in=services_editable_by(user)).exists():
        raise PermissionDenied
    plan = Plan.objects.filter(person_id=onward.person_id).prefetch_related("goals").first()
    if plan is not None:
        detail = f"shared through onward introduction {onward.pk}: {', '.join(sorted(shared))}"
        audit_event_record(
            actor=user, action=AuditEvent.Action.READ, record=plan, person_id=onward.person_id, detail=detail
        )
    return plan


def access_onward_for_guide(user: User, onward_id: UUID | str) -> OnwardIntroduction:
    """An onward introduction of someone ``user`` supports."""
    onward = one_or_404(OnwardIntroduction.objects.select_related("person", "service"), onward_id)
    if user.role == Role.PERSON:
        raise PermissionDenied
    if not _person_visible_to(user, onward.person_id):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=onward, person_id=onward.person_id)
    return onward


def access_measures_for(user: User, episode: Episode) -> list[InstrumentResults]:
    """The person's outcome measures, for their guide; a read audited for each measurement shown."""
    support_records_check(user, episode)
    return _measures_read(user, episode.person)


def access_own_measures_for(user: User) -> list[InstrumentResults] | None:
    """The signed-in person's own measures, audited; None when they have no person record."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role != Role.PERSON:
        raise PermissionDenied
    person = Person.objects.filter(user_id=user.pk).first()
    return _measures_read(user, person, for_the_person=True) if person is not None else None


def _measures_read(user: User, person: Person, *, for_the_person: bool = False) -> list[InstrumentResults]:
    results = measure_results(person, for_the_person=for_the_person)
    audit_reads_record(
        actor=user,
        records=[measurement for result in results for measurement in result.measurements],
        person_id_of="person_id",
    )
    return results


def access_measures_export_for(user: User, episode: Episode) -> list[Measurement]:
    """Every completion of the person's outcome measures, for their guide to send to the NHS as FHIR; the export
    audited as one (decision 0064)."""
    support_records_check(user, episode)
    audit_event_record(
        actor=user,
        action=AuditEvent.Action.EXPORT,
        record=episode.person,
        person_id=episode.person_id,
        detail="measures",
    )
    return list(
        Measurement.objects.filter(person=episode.person)
        .select_related("instrument")
        .prefetch_related("instrument__items")
        .order_by("taken_at", "id")
    )


def access_budget_for(user: User, episode: Episode) -> list[AllocationView]:
    """The person's personal budgets, with plans, spending and balances; a read audited for each."""
    support_records_check(user, episode)
    views = budget_views(episode.person)
    audit_reads_record(actor=user, records=[view.allocation for view in views], person_id_of="person_id")
    return views


def access_budget_export_for(user: User, episode: Episode) -> str:
    """Every spending line as CSV for finance, the export audited as one."""
    support_records_check(user, episode)
    audit_event_record(
        actor=user, action=AuditEvent.Action.EXPORT, record=episode.person, person_id=episode.person_id, detail="budget"
    )
    return budget_csv(budget_views(episode.person))


def access_accommodation_for(user: User, episode: Episode) -> list[AccommodationMove]:
    """Where the person has lived, oldest first; a read audited for each move."""
    support_records_check(user, episode)
    moves = list(AccommodationMove.objects.filter(person_id=episode.person_id).order_by("moved_on", "id"))
    audit_reads_record(actor=user, records=moves, person_id_of="person_id")
    return moves


def access_life_for(user: User, episode: Episode) -> list[LifeCircumstances]:
    """What the person's life circumstances have been, oldest first; a read audited for each record."""
    support_records_check(user, episode)
    records = list(LifeCircumstances.objects.filter(person_id=episode.person_id).order_by("recorded_at", "id"))
    audit_reads_record(actor=user, records=records, person_id_of="person_id")
    return records


FIGURES_READERS = frozenset(FIGURES_ROLES)


def access_pathway_figures_for(user: User, starts_on: datetime.date, ends_on: datetime.date) -> PathwayFigures:
    """The accommodation pathway's figures. They name nobody, so reading them is not a read of anyone."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role not in FIGURES_READERS:
        raise PermissionDenied
    return pathway_figures(starts_on, ends_on)


def shows_for(user: User) -> list[str]:
    """Which caseloads ``user`` may look at: their own, their team's, everyone's."""
    shows = []
    if user.role in GUIDE_ROLES:
        shows.append(Show.MINE)
    if user.role in TEAM_ROLES and settings.LW_GUIDES_SEE_TEAM:
        shows.append(Show.TEAM)
    if user.role in EVERY_EPISODE_ROLES:
        shows.append(Show.ALL)
    return shows


def access_caseload_for(user: User, show: str) -> list[CaseloadRow]:
    """The current episodes ``user`` may see in the chosen caseload, auditing a read of each person shown."""
    if show not in shows_for(user):
        raise PermissionDenied
    episodes = Episode.objects.exclude(status=Episode.Status.CLOSED)
    if show == Show.MINE:
        episodes = episodes.filter(guide=user)
    elif show == Show.TEAM:
        episodes = episodes.filter(guide__in=colleagues_of(user))
    rows = caseload_rows(episodes)
    audit_reads_record(actor=user, records=[row.episode for row in rows], person_id_of="person_id")
    return rows


def access_arrivals_for(user: User, episode: Episode) -> list[Introduction]:
    """How the person came to us, for whoever now supports them: each introduction that opened or joined the
    episode, with the words of risk found and the duty worker's first conversation; each read audited. Peer
    supporters, who see limited fields, get them too, and the page shows them only whether it was urgent."""
    if not episode_visible_to(user, episode):
        raise PermissionDenied
    arrivals = arrivals_of(episode)
    audit_reads_record(actor=user, records=arrivals, person_id_of="person_id")
    return arrivals


def access_timeline_for(user: User, episode: Episode) -> Timeline:
    """Everything that has happened in the person's support, newest first. Not for limited views."""
    support_records_check(user, episode)
    return person_timeline(episode.person)


def access_secondary_care_referral_for(user: User, introduction_id: UUID | str) -> SecondaryCareReferral:
    """The structured referral of an introduction routed to secondary care, for the duty team to download;
    the read of the introduction it is built from is audited (``access_introduction_for``)."""
    introduction = access_introduction_for(user, introduction_id)
    referral = SecondaryCareReferral.objects.filter(introduction=introduction).first()
    if referral is None:
        raise Http404
    referral.introduction = introduction
    return referral
