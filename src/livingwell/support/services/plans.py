"""The person's plan: About me, connections, goals and their reviews, comments, agreeing it."""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.models import (
    Connection,
    Episode,
    Goal,
    GoalReview,
    Plan,
    PlanComment,
)
from livingwell.support.selectors import ABOUT_ME as ABOUT_ME_FIELDS


def safety_conversation_had(episode: Episode, at: datetime.datetime) -> None:
    """The episode's safety conversation is had: a contact that was one, or a crisis plan written."""
    Episode.objects.filter(pk=episode.pk).update(safety_conversation_due=False, safety_conversation_at=at)
    episode.safety_conversation_due, episode.safety_conversation_at = False, at


def _next_review() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(weeks=settings.LW_REVIEW_WEEKS)


GOAL_ACHIEVED = 10


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
                    safety_conversation_had(episode, timezone.now())
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


def own_plan_connection_add(*, user: User, name: str, kind: str, note: str) -> bool:
    """Someone we support adds a person from their network (their peer supporter, a time-bank member) to the
    connections in their own plan, further away and not shared with them until they choose. False when they
    are there already; refused without a plan."""
    with transaction.atomic():
        plan = Plan.objects.select_for_update().filter(person__user_id=user.pk).first()
        if plan is None:
            raise Refused(_("You do not have a plan with us to add them to."))
        if plan.connections.filter(kind=kind, name=name).exists():
            return False
        connection_add(
            actor=user, plan=plan, name=name, kind=kind, closeness=Connection.Closeness.WIDER, note=note[:300],
            may_share=False,
        )  # fmt: skip
    return True


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
