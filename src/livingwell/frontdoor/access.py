"""The only way to reach an introduction. Each function checks permission and audits the read.

One condition per line, so that coverage proves each branch; tests cover every role.
"""

from uuid import UUID

from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, QuerySet, Subquery

from livingwell.accounts.models import DUTY_ROLES, HUB_MANAGER_ROLES, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.core.access import one_or_404
from livingwell.frontdoor.figures import Figures, waiting_figures
from livingwell.frontdoor.matching import PossibleMatch, possible_matches
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.record_links import record_granted

QUEUE_PER_PAGE = 50


def works_the_duty_queue(user: User) -> bool:
    """Whether the user works the duty queue: the duty worker, the Hub manager, an administrator."""
    return bool(user.is_authenticated and user.role in DUTY_ROLES)


def access_duty_queue_page_for(user: User, page_number: str | int | None) -> Page[Introduction]:
    """One page of open introductions, urgent first and then the oldest, auditing a read of each shown."""
    if not works_the_duty_queue(user):
        raise PermissionDenied
    same_source = (
        Introduction.objects.filter(status=Introduction.Status.NEW, source_key=OuterRef("source_key"))
        .exclude(source_key="")
        .order_by()
        .values("source_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    queue: QuerySet[Introduction] = (
        Introduction.objects.filter(status=Introduction.Status.NEW)
        .select_related("claimed_by")
        .annotate(from_same_source=Subquery(same_source[:1]))
    )
    page = Paginator(queue.order_by("-is_urgent", "created_at", "id"), QUEUE_PER_PAGE).get_page(page_number)
    audit_reads_record(actor=user, records=page.object_list, person_id_of="person_id")
    return page


def access_introduction_for(user: User, introduction_id: UUID | str) -> Introduction:
    """Return the introduction for ``user`` to read, and audit the read."""
    introduction = one_or_404(Introduction.objects.select_related("claimed_by", "person"), introduction_id)
    if not works_the_duty_queue(user):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=introduction, person_id=introduction.person_id)
    return introduction


def access_introduction_granted_to(session: SessionBase) -> Introduction | None:
    """The introduction this browser may read because it opened a one-time link sent to the person
    (``record_links``), audited as read by them; None when it holds no current grant.

    There is no account, so the audit names no actor.
    """
    introduction_id = record_granted(session)
    if introduction_id is None:
        return None
    try:
        introduction = Introduction.objects.get(pk=introduction_id)
    except (Introduction.DoesNotExist, ValidationError, ValueError):
        return None
    audit_event_record(
        actor=None,
        action=AuditEvent.Action.READ,
        record=introduction,
        person_id=introduction.person_id,
        detail="by the person, through a one-time link",
    )
    return introduction


def _own_introductions(user: User) -> QuerySet[Introduction]:
    if not user.is_authenticated:  # never filter on a missing user: person__user_id=None matches too much
        raise PermissionDenied
    return Introduction.objects.filter(person__user_id=user.pk).order_by("-created_at")


def access_own_introductions_for(user: User) -> list[Introduction]:
    """The introductions of the signed-in person, auditing a read of each."""
    introductions = list(_own_introductions(user))
    audit_reads_record(actor=user, records=introductions, person_id_of="person_id")
    return introductions


def access_own_introduction_for(user: User, introduction_id: UUID | str) -> Introduction:
    """One of the signed-in person's own introductions, audited. Anyone else's is not found."""
    introduction = one_or_404(_own_introductions(user), introduction_id)
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=introduction, person_id=introduction.person_id)
    return introduction


def access_possible_matches_for(user: User, introduction: Introduction) -> list[PossibleMatch]:
    """People already known (and other introductions) that may be this person, auditing a read of each shown."""
    if not works_the_duty_queue(user):
        raise PermissionDenied
    matches = possible_matches(introduction)
    audit_reads_record(actor=user, records=[match.record for match in matches if match.is_person])
    audit_reads_record(
        actor=user, records=[match.record for match in matches if not match.is_person], person_id_of="person_id"
    )
    return matches


def access_waiting_figures_for(user: User) -> Figures:
    """The Hub manager's aggregate figures. They name nobody, so reading them is not a read of anyone's record."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role not in HUB_MANAGER_ROLES:
        raise PermissionDenied
    return waiting_figures()
