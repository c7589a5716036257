from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.audit.forms import AuditFilterForm
from livingwell.audit.models import AuditEvent
from livingwell.audit.selectors import audit_events_filter

EVENTS_PER_PAGE = 50


@require_GET
@role_required(Role.ADMINISTRATOR)
def event_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    events: QuerySet[AuditEvent] = AuditEvent.objects.none()
    if form.is_valid():
        events = audit_events_filter(**form.cleaned_data)
    elif not form.is_bound:
        events = audit_events_filter()
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "audit/event_list.html", {"form": form, "page": page})
