from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from livingwell.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    ListingChange,
    Location,
    Neighbour,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from livingwell.directory.services import listing_change_decide
from livingwell.directory.tasks import neighbour_fetch_task


class _TheirsToView:
    """A listing or organisation from a neighbouring directory is kept there: here it can be seen, not changed
    or deleted (decision 0063). Used by the listing's page and each of its parts alike, where ``obj`` is the
    listing or organisation the page is about."""

    def _theirs(self, obj: object) -> bool:
        return getattr(obj, "source_id", None) is not None

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return not self._theirs(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return not self._theirs(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        if isinstance(self, admin.options.InlineModelAdmin):
            return not self._theirs(obj) and super().has_add_permission(request, obj)  # type: ignore[misc]
        return super().has_add_permission(request)  # type: ignore[misc]


@admin.register(Neighbour)
class NeighbourAdmin(admin.ModelAdmin):
    list_display = ["name", "feed_url", "is_active", "fetched_at"]
    readonly_fields = ["changes_since", "fetched_at", "fetch_result"]
    actions = ["fetch_now"]

    @admin.action(description=_("Fetch the selected directories' listings now"))
    def fetch_now(self, request: HttpRequest, neighbours: QuerySet[Neighbour]) -> None:
        for neighbour in neighbours:
            neighbour_fetch_task.enqueue(str(neighbour.pk))
        self.message_user(
            request, _("Fetching. Each one's page says what was found when it is done."), messages.SUCCESS
        )


@admin.register(Organization)
class OrganizationAdmin(_TheirsToView, admin.ModelAdmin):
    list_display = ["name", "kind", "email", "website", "source"]
    list_filter = ["kind", "source"]
    search_fields = ["name"]


class AttributeInline(_TheirsToView, admin.TabularInline):
    model = Attribute
    extra = 0


class ServiceAtLocationInline(_TheirsToView, admin.TabularInline):
    model = ServiceAtLocation
    extra = 0


class ScheduleInline(_TheirsToView, admin.StackedInline):
    model = Schedule
    fk_name = "service"
    extra = 0


class ContactInline(_TheirsToView, admin.TabularInline):
    model = Contact
    extra = 0


class PhoneInline(_TheirsToView, admin.TabularInline):
    model = Phone
    fk_name = "service"
    exclude = ["contact", "location"]
    extra = 0


class CostOptionInline(_TheirsToView, admin.TabularInline):
    model = CostOption
    extra = 0


class LanguageInline(_TheirsToView, admin.TabularInline):
    model = Language
    extra = 0


class ServiceAreaInline(_TheirsToView, admin.TabularInline):
    model = ServiceArea
    extra = 0


@admin.register(Service)
class ServiceAdmin(_TheirsToView, admin.ModelAdmin):
    list_display = ["name", "organization", "kind", "status", "is_published", "assured_date", "source"]
    list_filter = ["kind", "status", "is_published", "source"]
    search_fields = ["name", "description"]
    list_select_related = ["organization", "source"]
    inlines = [
        AttributeInline,
        ServiceAtLocationInline,
        ScheduleInline,
        ContactInline,
        PhoneInline,
        CostOptionInline,
        LanguageInline,
        ServiceAreaInline,
    ]


class AddressInline(admin.StackedInline):
    model = Address
    extra = 0


class AccessibilityInline(admin.TabularInline):
    model = Accessibility
    extra = 0


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "location_type", "neighbourhood"]
    list_filter = ["location_type", "neighbourhood"]
    search_fields = ["name"]
    inlines = [AddressInline, AccessibilityInline]


class TaxonomyTermInline(admin.TabularInline):
    model = TaxonomyTerm
    fk_name = "taxonomy"
    extra = 0


@admin.register(Taxonomy)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "version"]
    inlines = [TaxonomyTermInline]


@admin.register(ListingChange)
class ListingChangeAdmin(admin.ModelAdmin):
    list_display = ["service", "status", "submitted_by", "submitted_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["service", "submitted_by", "decided_by"]
    readonly_fields = ["service", "proposed", "status", "submitted_by", "submitted_at", "decided_by", "decided_at"]
    actions = ["approve", "reject"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def _decide(self, request: HttpRequest, changes: QuerySet[ListingChange], *, approve: bool) -> None:
        for change in changes.filter(status=ListingChange.Status.PENDING):
            listing_change_decide(actor=request.user, change=change, approve=approve)  # type: ignore[arg-type]
        self.message_user(request, _("Done."), messages.SUCCESS)

    @admin.action(description=_("Approve the selected changes and make them live"))
    def approve(self, request: HttpRequest, changes: QuerySet[ListingChange]) -> None:
        self._decide(request, changes, approve=True)

    @admin.action(description=_("Do not approve the selected changes"))
    def reject(self, request: HttpRequest, changes: QuerySet[ListingChange]) -> None:
        self._decide(request, changes, approve=False)
