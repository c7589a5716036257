"""What support holds about a person: their episodes and all within them, their plan, onward introductions,
measures, budget, moves and circumstances (``core.personal_data``).

Erasing clears the words written about them and by them. It keeps amounts of money (the budget's accounts),
scores and the answers to the circumstances questions, which are choices from a list (the outcome figures),
and every date."""

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import Held, fields_blank, held_as, messages_about
from livingwell.people.models import Person
from livingwell.support.models import (
    AccommodationMove,
    Action,
    BudgetAllocation,
    BudgetSpend,
    Connection,
    ContactLogEntry,
    Episode,
    EpisodeChange,
    Goal,
    GoalReview,
    LifeCircumstances,
    Measurement,
    OnwardIntroduction,
    OnwardStatusChange,
    Plan,
    PlanComment,
    PlannedSupport,
)

MODELS = (
    Episode,
    EpisodeChange,
    ContactLogEntry,
    Action,
    Plan,
    Connection,
    Goal,
    GoalReview,
    PlanComment,
    OnwardIntroduction,
    OnwardStatusChange,
    Measurement,
    BudgetAllocation,
    PlannedSupport,
    BudgetSpend,
    AccommodationMove,
    LifeCircumstances,
)


def has_open_episode(person: Person) -> bool:
    return Episode.objects.filter(person=person).exclude(status=Episode.Status.CLOSED).exists()


def held(person: Person) -> list[Held]:
    episodes = Episode.objects.filter(person=person).order_by("opened_at")
    onward = OnwardIntroduction.objects.filter(person=person).order_by("sent_at")
    allocations = BudgetAllocation.objects.filter(person=person).order_by("starts_on")
    plan = Plan.objects.filter(person=person)
    goals = Goal.objects.filter(plan__person=person).order_by("created_at")
    return [
        held_as(_("Your support from the Hub (episodes)"), episodes),
        held_as(_("Changes to your support"), EpisodeChange.objects.filter(episode__person=person)),
        held_as(_("Contacts with you"), ContactLogEntry.objects.filter(episode__person=person)),
        held_as(_("Next steps"), Action.objects.filter(episode__person=person).order_by("created_at")),
        held_as(_("Your plan"), plan),
        held_as(_("People and places in your plan"), Connection.objects.filter(plan__person=person)),
        held_as(_("Your goals"), goals),
        held_as(_("Reviews of your goals"), GoalReview.objects.filter(goal__plan__person=person)),
        held_as(_("Comments on your plan"), PlanComment.objects.filter(plan__person=person).order_by("created_at")),
        held_as(_("Introductions to other services"), onward),
        held_as(_("What came of those introductions"), OnwardStatusChange.objects.filter(onward__person=person)),
        held_as(_("Your measures"), Measurement.objects.filter(person=person).order_by("taken_at")),
        held_as(_("Your personal budget"), allocations),
        held_as(_("Support planned from your budget"), PlannedSupport.objects.filter(allocation__person=person)),
        held_as(_("Spending from your budget"), BudgetSpend.objects.filter(allocation__person=person)),
        held_as(_("Where you have lived"), AccommodationMove.objects.filter(person=person).order_by("moved_on")),
        held_as(_("Your circumstances"), LifeCircumstances.objects.filter(person=person).order_by("recorded_at")),
        messages_about(
            _("Messages about your support"),
            episode_id=episodes.values_list("pk", flat=True),
            person_id=[person.pk],
        ),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    plan = Q(plan__person=person)
    return [
        ("support.episodechange", fields_blank(EpisodeChange.objects.filter(episode__person=person), "reason")),
        ("support.contactlogentry", fields_blank(ContactLogEntry.objects.filter(episode__person=person), "note")),
        ("support.action", fields_blank(Action.objects.filter(episode__person=person), "what", "who")),
        (
            "support.plan",
            fields_blank(
                Plan.objects.filter(person=person),
                "strengths",
                "interests",
                "skills",
                "what_matters",
                "keeps_me_well",
                "early_signs",
                "crisis_plan",
            ),
        ),
        ("support.connection", Connection.objects.filter(plan).delete()[0]),
        ("support.goal", fields_blank(Goal.objects.filter(plan), "what", "who_helps")),
        ("support.goalreview", fields_blank(GoalReview.objects.filter(goal__plan__person=person), "note")),
        ("support.plancomment", fields_blank(PlanComment.objects.filter(plan), "text")),
        (
            "support.onwardintroduction",
            fields_blank(OnwardIntroduction.objects.filter(person=person), "message", "shared"),
        ),
        ("support.onwardstatuschange", fields_blank(OnwardStatusChange.objects.filter(onward__person=person), "note")),
        (
            "support.measurement",
            fields_blank(Measurement.objects.filter(person=person), "more_help_words"),
        ),
        ("support.plannedsupport", fields_blank(PlannedSupport.objects.filter(allocation__person=person), "what")),
        ("support.budgetspend", fields_blank(BudgetSpend.objects.filter(allocation__person=person), "what")),
        ("support.accommodationmove", fields_blank(AccommodationMove.objects.filter(person=person), "note")),
    ]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    """People with support still open, or changed, in touch or measured since ``moment``."""
    return [
        Episode.objects.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=moment)).values("person_id"),
        ContactLogEntry.objects.filter(happened_at__gte=moment).values("episode__person_id"),
        Measurement.objects.filter(taken_at__gte=moment).values("person_id"),
        OnwardIntroduction.objects.filter(status_changed_at__gte=moment).values("person_id"),
    ]
