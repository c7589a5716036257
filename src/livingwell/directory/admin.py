from django.contrib import admin

from livingwell.directory.models import Organization


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "website"]
    search_fields = ["name"]
