"""When anything the figures count changes, the task worker sums up the months it is counted in afresh:
an introduction is counted again first; an episode's change counts from its month on; an onward
introduction in the month it was sent (all of them when its organisation's kind changes); a measurement or
life circumstances record in its month and that of the person's latest other; a goal in the month it was
set; a move in its month and that of the person's next; a budget in its month."""

from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from livingwell.core.months import month_of
from livingwell.directory.models import Organization
from livingwell.frontdoor.models import ContactAttempt, FirstConversation, Introduction, IntroductionEquality
from livingwell.insight.models import CountedIntroduction
from livingwell.insight.summaries import months_since
from livingwell.insight.tasks import counted_introduction_refresh_task, months_summarise_task
from livingwell.insight.wellbeing import wellbeing_score_keep
from livingwell.support.models import (
    AccommodationMove,
    BudgetAllocation,
    BudgetSpend,
    EpisodeChange,
    Goal,
    LifeCircumstances,
    Measurement,
    OnwardIntroduction,
    OnwardStatusChange,
)


def _recount(introduction_id: object) -> None:
    # Queued in the same transaction (the queue is a table), so a change rolled back queues nothing.
    counted_introduction_refresh_task.enqueue(introduction_id=str(introduction_id))


@receiver(post_save, sender=Introduction, dispatch_uid="insight_introduction_saved")
def _introduction_saved(sender: type, instance: Introduction, **kwargs: Any) -> None:
    _recount(instance.pk)


@receiver(post_save, sender=ContactAttempt, dispatch_uid="insight_attempt_saved")
@receiver(post_delete, sender=ContactAttempt, dispatch_uid="insight_attempt_deleted")
@receiver(post_save, sender=FirstConversation, dispatch_uid="insight_conversation_saved")
@receiver(post_delete, sender=FirstConversation, dispatch_uid="insight_conversation_deleted")
@receiver(post_save, sender=IntroductionEquality, dispatch_uid="insight_equality_saved")
def _part_changed(
    sender: type, instance: ContactAttempt | FirstConversation | IntroductionEquality, **kwargs: Any
) -> None:
    _recount(instance.introduction_id)


@receiver(post_delete, sender=CountedIntroduction, dispatch_uid="insight_counted_deleted")
def _counted_deleted(sender: type, instance: CountedIntroduction, **kwargs: Any) -> None:
    # Gone with its introduction (a cascade, before any task counts it again): its months are summed afresh.
    months = {month.isoformat() for month in (instance.month, instance.waiting_ended_month) if month}
    months_summarise_task.enqueue(months=sorted(months))


@receiver(post_save, sender=EpisodeChange, dispatch_uid="insight_episode_changed")
@receiver(post_delete, sender=EpisodeChange, dispatch_uid="insight_episode_change_deleted")
def _episode_changed(sender: type, instance: EpisodeChange, **kwargs: Any) -> None:
    # Usually just this month; a change dated earlier (history brought in) changes every month since.
    months_summarise_task.enqueue(months=[month.isoformat() for month in months_since(instance.changed_at)])


def _months_of_sending(onward: OnwardIntroduction) -> None:
    months_summarise_task.enqueue(months=[_month_iso(onward.sent_at)])


@receiver(post_save, sender=OnwardStatusChange, dispatch_uid="insight_onward_moved")
def _onward_moved(sender: type, instance: OnwardStatusChange, **kwargs: Any) -> None:
    _months_of_sending(instance.onward)


@receiver(post_delete, sender=OnwardIntroduction, dispatch_uid="insight_onward_deleted")
def _onward_deleted(sender: type, instance: OnwardIntroduction, **kwargs: Any) -> None:
    _months_of_sending(instance)


@receiver(pre_save, sender=Organization, dispatch_uid="insight_organisation_saving")
def _organisation_saving(sender: type, instance: Organization, **kwargs: Any) -> None:
    # Only a save that may change the kind of one already there reads it first (the importer saves the
    # fields it changed, so most of its saves read nothing).
    update_fields = kwargs.get("update_fields")
    if instance._state.adding or (update_fields is not None and "kind" not in update_fields):
        return
    instance._kind_before = Organization.objects.filter(pk=instance.pk).values_list("kind", flat=True).first()  # type: ignore[attr-defined]


@receiver(post_save, sender=Organization, dispatch_uid="insight_organisation_saved")
def _organisation_saved(sender: type, instance: Organization, created: bool, **kwargs: Any) -> None:
    # Its onward introductions are counted under its kind: a new kind sums up every month they were sent in.
    if created or instance.kind == getattr(instance, "_kind_before", instance.kind):
        return
    sent = OnwardIntroduction.objects.filter(service__organization=instance).dates("sent_at", "month")
    if months := [month.isoformat() for month in sent]:
        months_summarise_task.enqueue(months=months)


def _month_iso(moment: Any) -> str:
    return month_of(timezone.localtime(moment).date()).isoformat()


def _own_month_and_latest_others(moment: Any, others: QuerySet[Any], field: str) -> None:
    """A person counts in the month of their latest record, from their first: a record saved or deleted
    sums up its own month, and the month of the latest of the person's others (it may have been the
    latest, or it may be their new first)."""
    latest = others.order_by(f"-{field}").values_list(field, flat=True).first()
    months_summarise_task.enqueue(months=sorted({_month_iso(when) for when in (moment, latest) if when is not None}))


@receiver(post_save, sender=Measurement, dispatch_uid="insight_wellbeing_score_kept")
@receiver(post_delete, sender=Measurement, dispatch_uid="insight_wellbeing_score_gone")
def _wellbeing_measured(sender: type, instance: Measurement, **kwargs: Any) -> None:
    # Kept at once, in the same transaction: narrow rows, read by the alliances' figures (decision 0037).
    wellbeing_score_keep(instance, deleted=kwargs["signal"] is post_delete)


@receiver(post_save, sender=Measurement, dispatch_uid="insight_measurement_saved")
@receiver(post_delete, sender=Measurement, dispatch_uid="insight_measurement_deleted")
def _measurement_changed(sender: type, instance: Measurement, **kwargs: Any) -> None:
    others = Measurement.objects.filter(person_id=instance.person_id, instrument_id=instance.instrument_id)
    _own_month_and_latest_others(instance.taken_at, others.exclude(pk=instance.pk), "taken_at")


@receiver(post_save, sender=Goal, dispatch_uid="insight_goal_saved")
@receiver(post_delete, sender=Goal, dispatch_uid="insight_goal_deleted")
def _goal_changed(sender: type, instance: Goal, **kwargs: Any) -> None:
    months_summarise_task.enqueue(months=[_month_iso(instance.created_at)])


@receiver(post_save, sender=LifeCircumstances, dispatch_uid="insight_life_saved")
@receiver(post_delete, sender=LifeCircumstances, dispatch_uid="insight_life_deleted")
def _life_changed(sender: type, instance: LifeCircumstances, **kwargs: Any) -> None:
    others = LifeCircumstances.objects.filter(person_id=instance.person_id).exclude(pk=instance.pk)
    _own_month_and_latest_others(instance.recorded_at, others, "recorded_at")


@receiver(post_save, sender=AccommodationMove, dispatch_uid="insight_move_saved")
@receiver(post_delete, sender=AccommodationMove, dispatch_uid="insight_move_deleted")
def _move_changed(sender: type, instance: AccommodationMove, **kwargs: Any) -> None:
    # A move is judged against the one before it: its own month, and the month of the person's next move.
    later = AccommodationMove.objects.filter(person_id=instance.person_id, moved_on__gte=instance.moved_on)
    following = later.exclude(pk=instance.pk).order_by("moved_on").values_list("moved_on", flat=True).first()
    days = {instance.moved_on, following} - {None}
    months_summarise_task.enqueue(months=sorted({month_of(day).isoformat() for day in days if day is not None}))


@receiver(post_save, sender=BudgetSpend, dispatch_uid="insight_spend_saved")
@receiver(post_delete, sender=BudgetSpend, dispatch_uid="insight_spend_deleted")
@receiver(post_save, sender=BudgetAllocation, dispatch_uid="insight_allocation_saved")
@receiver(post_delete, sender=BudgetAllocation, dispatch_uid="insight_allocation_deleted")
def _budget_changed(sender: type, instance: BudgetSpend | BudgetAllocation, **kwargs: Any) -> None:
    day = instance.spent_on if isinstance(instance, BudgetSpend) else instance.starts_on
    months_summarise_task.enqueue(months=[month_of(day).isoformat()])
