"""The only way to reach an introduction. Each function checks permission and audits the read.

One condition per line, so that coverage proves each branch; tests cover every role.
"""

from collections.abc import Sequence
from uuid import UUID

from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet

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
    queue = Introduction.objects.filter(status=Introduction.Status.NEW).select_related("claimed_by")
    page = Paginator(queue.order_by("-is_urgent", "created_at", "id"), QUEUE_PER_PAGE).get_page(page_number)
    page.object_list = shown = list(page.object_list)
    _same_source_counted(shown)
    audit_reads_record(actor=user, records=page.object_list, person_id_of="person_id")
    return page


def _same_source_counted(introductions: Sequence[Introduction]) -> None:
    """Tell each introduction shown how many open ones came from its source (a flood is grouped for the duty
    worker): one count for the page's sources, not one for each of the queue's rows."""
    keys = {introduction.source_key for introduction in introductions if introduction.source_key}
    counts = dict(
        Introduction.objects.filter(status=Introduction.Status.NEW, source_key__in=keys)
        .values("source_key")
        .annotate(count=Count("pk"))
        .values_list("source_key", "count")
        if keys
        else []
    )
    for introduction in introductions:
        introduction.from_same_source = counts.get(introduction.source_key, 0)  # type: ignore[attr-defined]


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
