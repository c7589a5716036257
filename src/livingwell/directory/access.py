"""Which listings a provider editor may change: only their own organisations'. One condition per line."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from livingwell.accounts.models import Role, User
from livingwell.directory.models import ListingReport, Service


def services_editable_by(user: User) -> QuerySet[Service]:
    if not user.is_authenticated:
        raise PermissionDenied
    if user.role != Role.PROVIDER_EDITOR:
        raise PermissionDenied
    return Service.objects.filter(
        organization__in=user.organisations.all(),
        source__isnull=True,  # a neighbour's listing is kept there, even under an organisation of ours
    )


def access_service_to_edit(user: User, service_id: UUID) -> Service:
    """The listing, if ``user`` may edit it. 404 rather than 403, so others' listings are not revealed."""
    service = services_editable_by(user).select_related("organization").filter(pk=service_id).first()
    if service is None:
        raise Http404
    return service


def reports_for_editor(user: User) -> QuerySet[ListingReport]:
    """Reports about the listings ``user`` keeps."""
    return ListingReport.objects.filter(service__in=services_editable_by(user))
