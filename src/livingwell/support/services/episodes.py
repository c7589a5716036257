"""Episodes of support: opening, status, handover, the contact log, next steps, a guide's profile."""

import datetime
import functools
import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.come_back import closing_summary_send
from livingwell.support.models import (
    Action,
    ContactLogEntry,
    Episode,
    EpisodeChange,
    Goal,
    GuideProfile,
)
from livingwell.support.services.plans import _next_review, plan_get_or_create, safety_conversation_had


def episode_open(
    *,
    actor: User,
    person: Person,
    guide: User,
    chosen_by_person: bool,
    introduction: Introduction | None,
    reason: str,
) -> Episode:
    """Open an episode of support with ``guide``. Easy in: a person who had one gets it reopened, history kept.

    An episode still open (or on hold) carries on, with the new guide if it changed.
    """
    with transaction.atomic():
        now = timezone.now()
        episode = Episode.objects.select_for_update().filter(person=person).order_by("-opened_at").first()
        if episode is None:
            episode = Episode.objects.create(
                person=person, guide=guide, guide_chosen_by_person=chosen_by_person, opened_at=now
            )
            kind = EpisodeChange.Kind.OPENED
        else:
            if episode.status == Episode.Status.CLOSED:
                kind = EpisodeChange.Kind.REOPENED
            elif episode.guide_id == guide.pk:
                kind = EpisodeChange.Kind.CONTINUED
            else:
                kind = EpisodeChange.Kind.GUIDE_CHANGED
            episode.status = Episode.Status.OPEN
            episode.closed_at = None
            episode.guide = guide
            episode.guide_chosen_by_person = chosen_by_person
            episode.save(update_fields=["status", "closed_at", "guide", "guide_chosen_by_person"])
        if kind != EpisodeChange.Kind.CONTINUED:
            episode.next_review_on = _next_review()
            episode.save(update_fields=["next_review_on"])
        if introduction is not None and introduction.is_urgent:
            # Risk travels with the person: the guide's caseload shows it until they have talked about safety.
            episode.safety_conversation_due = True
            episode.save(update_fields=["safety_conversation_due"])
        _change_record(episode, kind, reason, actor=actor, introduction=introduction)
        plan_get_or_create(actor=actor, person=person)
    return episode


def _change_record(
    episode: Episode,
    kind: str,
    reason: str,
    *,
    actor: User | None,
    introduction: Introduction | None = None,
) -> None:
    """Keep the change in the episode's history and the audit trail."""
    EpisodeChange.objects.create(
        episode=episode,
        kind=kind,
        reason=reason,
        changed_at=timezone.now(),
        changed_by=actor,
        guide_id=episode.guide_id,
        introduction=introduction,
    )
    audit_event_record(
        actor=actor, action=AuditEvent.Action.CHANGE, record=episode, person_id=episode.person_id, detail=str(kind)
    )


# What each status change does: the status it needs first, the status after, and the history's word.
STATUS_CHANGES = {
    "hold": ({Episode.Status.OPEN}, Episode.Status.ON_HOLD, EpisodeChange.Kind.ON_HOLD),
    "resume": ({Episode.Status.ON_HOLD}, Episode.Status.OPEN, EpisodeChange.Kind.RESUMED),
    "close": ({Episode.Status.OPEN, Episode.Status.ON_HOLD}, Episode.Status.CLOSED, EpisodeChange.Kind.CLOSED),
    "reopen": ({Episode.Status.CLOSED}, Episode.Status.OPEN, EpisodeChange.Kind.REOPENED),
}


class EpisodeChangeRefused(Refused):
    """The change does not fit the episode as it is now (it changed meanwhile, or the person has another)."""


def episode_status_change(*, actor: User | None, episode: Episode, change: str, reason: str) -> Episode:
    """Put on hold, take off hold, close or reopen, with the reason kept in the history.

    Closing sends the person a plain summary with a one-step way back (easy out). Reopening needs no new
    introduction and keeps every earlier entry (easy in). A change that no longer fits (a double submit,
    or someone else got there first) is refused, changing nothing.
    """
    needs, becomes, kind = STATUS_CHANGES[change]
    with transaction.atomic():
        locked = Episode.objects.select_for_update().get(pk=episode.pk)
        if locked.status not in needs:
            raise EpisodeChangeRefused
        if becomes == Episode.Status.OPEN and locked.status == Episode.Status.CLOSED:
            if Episode.objects.filter(person_id=locked.person_id).exclude(status=Episode.Status.CLOSED).exists():
                raise EpisodeChangeRefused
            locked.next_review_on = _next_review()
        locked.status = becomes
        locked.closed_at = timezone.now() if becomes == Episode.Status.CLOSED else None
        locked.save(update_fields=["status", "closed_at", "next_review_on"])
        _change_record(locked, kind, reason, actor=actor)
        if becomes == Episode.Status.CLOSED:
            transaction.on_commit(functools.partial(closing_summary_send, locked.pk))
    episode.refresh_from_db()
    return episode


def episode_hand_over(*, actor: User, episode: Episode, guide: User, note: str) -> Episode:
    """Hand the person over to another guide, with a note for them. The history keeps who had them when."""
    with transaction.atomic():
        locked = Episode.objects.select_for_update().get(pk=episode.pk)
        if locked.guide_id == guide.pk or locked.status == Episode.Status.CLOSED:
            raise EpisodeChangeRefused
        locked.guide = guide
        locked.guide_chosen_by_person = False
        locked.save(update_fields=["guide", "guide_chosen_by_person"])
        _change_record(locked, EpisodeChange.Kind.GUIDE_CHANGED, note, actor=actor)
    episode.refresh_from_db()
    return episode


def contact_log_record(
    *,
    actor: User,
    episode: Episode,
    kind: str,
    happened_at: datetime.datetime,
    note: str,
    safety_conversation: bool = False,
    submission_id: uuid.UUID | None = None,
) -> ContactLogEntry:
    """Keep one contact, once per form. ``safety_conversation``: in it, they talked about keeping safe and
    agreed what to do, which clears the urgent flag an introduction put on the episode."""

    def create() -> ContactLogEntry:
        entry = ContactLogEntry.objects.create(
            episode=episode, kind=kind, happened_at=happened_at, note=note, recorded_by=actor, submission_id=token
        )
        if safety_conversation:
            safety_conversation_had(episode, happened_at)
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            record=entry,
            person_id=episode.person_id,
            detail=f"contact: {kind}",
        )
        return entry

    token = submission_id or uuid.uuid4()
    return created_once(ContactLogEntry, create, submission_id=token)


def action_add(
    *,
    actor: User,
    episode: Episode,
    what: str,
    due_on: datetime.date,
    who: str,
    goal: Goal | None = None,
    submission_id: uuid.UUID | None = None,
) -> Action:
    """Add a next step, once per form."""

    def create() -> Action:
        action = Action.objects.create(
            episode=episode, goal=goal, what=what, due_on=due_on, who=who, created_by=actor, submission_id=token
        )
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CREATE, record=action, person_id=episode.person_id, detail="action"
        )
        return action

    token = submission_id or uuid.uuid4()
    return created_once(Action, create, submission_id=token)


def action_done(*, actor: User, action: Action) -> bool:
    """Mark a step done. False when it already was (a double click)."""
    with transaction.atomic():
        done = Action.objects.filter(pk=action.pk, done_at__isnull=True).update(done_at=timezone.now())
        if done:
            audit_event_record(
                actor=actor,
                action=AuditEvent.Action.CHANGE,
                record=action,
                person_id=action.episode.person_id,
                detail="action done",
            )
    return bool(done)


def guide_profile_save(*, user: User, changes: dict[str, Any]) -> GuideProfile:
    """Create or change a guide's own profile."""
    fields = {name: changes[name] for name in ("name", "about", "languages", "taking_people")}
    profile, _created = GuideProfile.objects.update_or_create(user=user, defaults=fields)
    return profile
