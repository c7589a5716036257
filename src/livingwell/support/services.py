"""Writing episodes, their contact log and next steps, and guides' profiles."""

import datetime
import functools
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.come_back import closing_summary_send
from livingwell.support.measures import score
from livingwell.support.models import (
    Action,
    Connection,
    ContactLogEntry,
    Episode,
    EpisodeChange,
    Goal,
    GoalReview,
    GuideProfile,
    Instrument,
    Measurement,
    Plan,
    PlanComment,
)
from livingwell.support.selectors import ABOUT_ME as ABOUT_ME_FIELDS


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


def _next_review() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(weeks=settings.LW_REVIEW_WEEKS)


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


GOAL_ACHIEVED = 10

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
            _safety_conversation_had(episode, happened_at)
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


def _safety_conversation_had(episode: Episode, at: datetime.datetime) -> None:
    Episode.objects.filter(pk=episode.pk).update(safety_conversation_due=False, safety_conversation_at=at)
    episode.safety_conversation_due, episode.safety_conversation_at = False, at


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


# The plan ---------------------------------------------------------------------------------------------


def plan_get_or_create(*, actor: User, person: Person) -> Plan:
    plan, created = Plan.objects.get_or_create(person=person)
    if created:
        audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=plan, person_id=person.pk)
    return plan


def _plan_changed(actor: User, plan: Plan, detail: str) -> None:
    """A change to what the plan says: it needs agreeing again."""
    Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1, updated_at=timezone.now())
    plan.refresh_from_db(fields=["version", "updated_at"])
    audit_event_record(
        actor=actor, action=AuditEvent.Action.CHANGE, record=plan, person_id=plan.person_id, detail=detail
    )


def plan_about_me_update(*, actor: User, plan: Plan, changes: dict[str, str]) -> Plan:
    """Change "About me". Only what changed is written; a change asks the person to agree again."""
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        changed = [name for name in ABOUT_ME_FIELDS if name in changes and getattr(locked, name) != changes[name]]
        if changed:
            for name in changed:
                setattr(locked, name, changes[name])
            locked.save(update_fields=[*changed, "updated_at"])
            _plan_changed(actor, locked, "about me: " + ", ".join(changed))
            if locked.crisis_plan.strip():
                # A crisis plan in their own plan is a safety plan: the urgent flag has been acted on.
                for episode in Episode.objects.filter(person_id=locked.person_id, safety_conversation_due=True):
                    _safety_conversation_had(episode, timezone.now())
    plan.refresh_from_db()
    return plan


# What a person told the front door, and where it goes in About me.
FROM_INTRODUCTION = {"interests": "enjoys", "skills": "good_at", "what_matters": "what_matters"}


def plan_about_me_from_introduction(*, actor: User, plan: Plan, introduction: Introduction) -> Plan:
    """Start About me from what the person told the front door (they agreed): only parts still empty."""
    changes = {
        field: getattr(introduction, answer)
        for field, answer in FROM_INTRODUCTION.items()
        if getattr(introduction, answer) and not getattr(plan, field)
    }
    return plan_about_me_update(actor=actor, plan=plan, changes=changes)


def connection_add(
    *, actor: User, plan: Plan, name: str, kind: str, closeness: str, note: str, may_share: bool
) -> Connection:
    with transaction.atomic():
        connection = Connection.objects.create(
            plan=plan,
            name=name,
            kind=kind,
            closeness=closeness,
            note=note,
            may_share=may_share,
            may_share_changed_at=timezone.now() if may_share else None,
        )
        _plan_changed(actor, plan, "connection added")
    return connection


def connection_sharing_set(*, actor: User, connection: Connection, may_share: bool) -> Connection:
    """Give or withdraw consent to share the plan with one connection; when it changed is kept."""
    with transaction.atomic():
        if connection.may_share != may_share:
            Connection.objects.filter(pk=connection.pk).update(may_share=may_share, may_share_changed_at=timezone.now())
            audit_event_record(
                actor=actor,
                action=AuditEvent.Action.CHANGE,
                record=connection,
                person_id=connection.plan.person_id,
                detail=f"may share: {may_share}",
            )
    connection.refresh_from_db()
    return connection


def goal_add(
    *,
    actor: User,
    plan: Plan,
    outcome: str,
    what: str,
    who_helps: str,
    next_review_on: datetime.date | None,
    submission_id: uuid.UUID | None,
) -> Goal:
    """Add a goal, once per form (``submission_id``)."""

    def create() -> Goal:
        goal = Goal.objects.create(plan=plan, submission_id=token, outcome=outcome, what=what, who_helps=who_helps)
        goal.next_review_on = next_review_on or _next_review()
        goal.save(update_fields=["next_review_on"])
        _plan_changed(actor, plan, "goal added")
        return goal

    token = submission_id or uuid.uuid4()
    return created_once(Goal, create, submission_id=token)


def goal_review(*, actor: User, goal: Goal, progress: int, note: str, next_review_on: datetime.date | None) -> Goal:
    """Record where a goal has got to. At 10 out of 10 it is achieved."""
    with transaction.atomic():
        GoalReview.objects.create(
            goal=goal, reviewed_at=timezone.now(), progress=progress, note=note, reviewed_by=actor
        )
        goal.progress = progress
        goal.next_review_on = None if progress == GOAL_ACHIEVED else (next_review_on or _next_review())
        goal.achieved_at = (goal.achieved_at or timezone.now()) if progress == GOAL_ACHIEVED else None
        goal.save(update_fields=["progress", "next_review_on", "achieved_at"])
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CHANGE,
            record=goal,
            person_id=goal.plan.person_id,
            detail=f"reviewed: {progress}/10",
        )
    return goal


def plan_comment_add(*, actor: User, plan: Plan, text: str, submission_id: uuid.UUID | None = None) -> PlanComment:
    """Add a comment, once per form."""

    def create() -> PlanComment:
        comment = PlanComment.objects.create(plan=plan, author=actor, text=text, submission_id=token)
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CREATE, record=comment, person_id=plan.person_id, detail="comment"
        )
        return comment

    token = submission_id or uuid.uuid4()
    return created_once(PlanComment, create, submission_id=token)


def plan_agree(*, actor: User, plan: Plan, version: int) -> bool:
    """The person agrees the plan as they read it. False when it changed since they loaded the page."""
    with transaction.atomic():
        agreed = Plan.objects.filter(pk=plan.pk, version=version).update(
            agreed_version=version, agreed_at=timezone.now()
        )
        if agreed:
            audit_event_record(
                actor=actor, action=AuditEvent.Action.CHANGE, record=plan, person_id=plan.person_id, detail="agreed"
            )
    plan.refresh_from_db()
    return bool(agreed)


# Outcome measures -------------------------------------------------------------------------------------


def measurement_record(
    *,
    actor: User,
    by_person: bool,
    person: Person,
    instrument: Instrument,
    episode: Episode | None,
    occasion: str,
    answers: dict[str, int],
    more_help: dict[str, bool],
    more_help_words: str = "",
    token: uuid.UUID,
) -> Measurement:
    """Score and keep one completed measure. The same form sent twice (its token) makes one measurement.

    ``by_person``: the person filled it in themselves, online (the audit still names their account).

    Raises ``measures.Incomplete`` for a missing or out-of-range answer: nothing is saved.
    """
    scores = score(instrument, list(instrument.items.all()), answers)

    def create() -> Measurement:
        measurement = Measurement.objects.create(
            person=person,
            episode=episode,
            instrument=instrument,
            occasion=occasion,
            taken_at=timezone.now(),
            answers=answers,
            more_help=more_help,
            more_help_words=more_help_words,
            scores=scores,
            recorded_by=None if by_person else actor,
            submission_token=token,
        )
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            record=measurement,
            person_id=person.pk,
            detail=f"{instrument.code} {occasion}",
        )
        return measurement

    return created_once(Measurement, create, submission_token=token)
