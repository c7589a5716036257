"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

import uuid

from livingwell.accounts.models import Role, User
from livingwell.core.tests.matrix import (
    PUBLIC,
    Kwargs,
    Who,
)
from livingwell.directory.models import ListingReport, Service, Taxonomy, TaxonomyTerm
from livingwell.directory.tests.factories import ServiceAtLocationFactory, ServiceFactory


def _providers_service() -> Service:
    """A listing of an organisation that the test provider editor acts for."""
    service = ServiceFactory()
    provider = User.objects.filter(username=f"test-{Role.PROVIDER_EDITOR.value}").first()
    if provider is not None:
        provider.organisations.add(service.organization)
    return service


def _providers_report() -> ListingReport:
    return ListingReport.objects.create(service=_providers_service(), message="Closed now", submission_id=uuid.uuid4())


MATRIX: dict[str, Who] = {
    "directory:search": PUBLIC,
    "directory:service_detail": PUBLIC,
    "directory:map": PUBLIC,
    "directory:report": PUBLIC,
    "directory:my_list": PUBLIC,
    "directory:my_list_add": PUBLIC,
    "directory:my_list_remove": PUBLIC,
    "directory:my_list_email": PUBLIC,
    "directory:report_thanks": PUBLIC,
    "directory:listing_list": frozenset({Role.PROVIDER_EDITOR}),
    "directory:report_list": frozenset({Role.PROVIDER_EDITOR}),
    "directory:report_resolve": frozenset({Role.PROVIDER_EDITOR}),
    "directory:listing_edit": frozenset({Role.PROVIDER_EDITOR}),
    "directory:listing_confirm": frozenset({Role.PROVIDER_EDITOR}),
    # The Open Referral UK API is public by design: it only ever shows published listings.
    "directory_api:index": PUBLIC,
    "directory_api:openapi": PUBLIC,
    "directory_api:service_list": PUBLIC,
    "directory_api:service_detail": PUBLIC,
    "directory_api:service_at_location_list": PUBLIC,
    "directory_api:service_at_location_detail": PUBLIC,
    "directory_api:taxonomy_list": PUBLIC,
    "directory_api:taxonomy_detail": PUBLIC,
    "directory_api:taxonomy_term_list": PUBLIC,
    "directory_api:taxonomy_term_detail": PUBLIC,
    "directory_api:organization_list": PUBLIC,
    "directory_api:organization_detail": PUBLIC,
}

KWARGS: dict[str, Kwargs] = {
    "directory_api:service_detail": lambda: {"service_id": ServiceFactory().pk},
    "directory_api:organization_detail": lambda: {"organization_id": ServiceFactory().organization_id},
    "directory:service_detail": lambda: {"service_id": ServiceFactory().pk},
    "directory:listing_edit": lambda: {"service_id": _providers_service().pk},
    "directory:listing_confirm": lambda: {"service_id": _providers_service().pk},
    "directory:report": lambda: {"service_id": ServiceFactory().pk},
    "directory:report_thanks": lambda: {"service_id": ServiceFactory().pk},
    "directory:report_resolve": lambda: {"report_id": _providers_report().pk},
    "directory_api:service_at_location_detail": lambda: {"service_at_location_id": ServiceAtLocationFactory().pk},
    "directory_api:taxonomy_detail": lambda: {"taxonomy_id": Taxonomy.objects.first().pk},
    "directory_api:taxonomy_term_detail": lambda: {"taxonomy_term_id": TaxonomyTerm.objects.first().pk},
}

# URLs that only take POST are checked with POST.
POST_ONLY: set[str] = {
    "directory:listing_confirm",
    "directory:report_resolve",
    "directory:my_list_add",
    "directory:my_list_remove",
}
