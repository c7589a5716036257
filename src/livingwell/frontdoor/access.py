"""The only way to reach an introduction. Each function checks permission and audits the read.

One condition per line, so that coverage proves each branch; tests cover every role.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record, audit_reads_record
from livingwell.frontdoor.figures import Figures, waiting_figures
from livingwell.frontdoor.models import Introduction

QUEUE_PER_PAGE = 50


def works_the_duty_queue(user: User) -> bool:
    """Roles that read every new introduction (DESIGN.md §3): the duty worker, the Hub manager."""
    if not user.is_authenticated:
        return False
    if user.role == Role.DUTY_WORKER:
        return True
    if user.role == Role.HUB_MANAGER:
        return True
    if user.role == Role.ADMINISTRATOR:
        return True
    return False


def access_duty_queue_page_for(user: User, page_number: str | int | None) -> Page[Introduction]:
    """One page of open introductions, urgent first and then the oldest, auditing a read of each shown."""
    if not works_the_duty_queue(user):
        raise PermissionDenied
    queue = Introduction.objects.filter(status=Introduction.Status.NEW).select_related("claimed_by")
    page = Paginator(queue.order_by("-is_urgent", "created_at", "id"), QUEUE_PER_PAGE).get_page(page_number)
    audit_reads_record(actor=user, records=page.object_list, person_id_of="person_id")
    return page


def access_introduction_for(user: User, introduction_id: UUID | str) -> Introduction:
    """Return the introduction for ``user`` to read, and audit the read."""
    try:
        introduction = Introduction.objects.select_related("claimed_by").get(pk=introduction_id)
    except (Introduction.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    if not works_the_duty_queue(user):
        raise PermissionDenied
    audit_event_record(actor=user, action=AuditEvent.Action.READ, record=introduction, person_id=introduction.person_id)
    return introduction


def access_waiting_figures_for(user: User) -> Figures:
    """The Hub manager's aggregate figures. They name nobody, so reading them is not a read of anyone's record."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role not in {Role.HUB_MANAGER, Role.ADMINISTRATOR}:
        raise PermissionDenied
    return waiting_figures()
