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


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "email", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]


class AttributeInline(admin.TabularInline):
    model = Attribute
    extra = 0


class ServiceAtLocationInline(admin.TabularInline):
    model = ServiceAtLocation
    extra = 0


class ScheduleInline(admin.StackedInline):
    model = Schedule
    fk_name = "service"
    extra = 0


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class PhoneInline(admin.TabularInline):
    model = Phone
    fk_name = "service"
    exclude = ["contact", "location"]
    extra = 0


class CostOptionInline(admin.TabularInline):
    model = CostOption
    extra = 0


class LanguageInline(admin.TabularInline):
    model = Language
    extra = 0


class ServiceAreaInline(admin.TabularInline):
    model = ServiceArea
    extra = 0


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "kind", "status", "is_published", "assured_date"]
    list_filter = ["kind", "status", "is_published"]
    search_fields = ["name", "description"]
    list_select_related = ["organization"]
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
