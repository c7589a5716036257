from django.contrib import admin

from livingwell.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
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


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "website"]
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
