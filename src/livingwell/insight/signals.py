"""When anything the figures count about an introduction changes, the task worker counts it again and
sums up its months afresh; when an episode of support changes, it sums up the months from then on."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from livingwell.frontdoor.models import ContactAttempt, FirstConversation, Introduction, IntroductionEquality
from livingwell.insight.models import CountedIntroduction
from livingwell.insight.summaries import months_since
from livingwell.insight.tasks import counted_introduction_refresh_task, months_summarise_task
from livingwell.support.models import EpisodeChange


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
