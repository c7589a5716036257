from django.contrib import admin

from livingwell.support.models import GuideProfile, Instrument


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin[Instrument]):
    """Deployments set each measure's meaningful-change thresholds here; the scoring ships as data."""

    list_display = ["name", "code", "scoring", "text_is_placeholder"]
    fields = ["name", "code", "scoring", "meaningful_change", "licence_note", "text_is_placeholder"]
    readonly_fields = ["name", "code", "scoring", "licence_note", "text_is_placeholder"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(GuideProfile)
class GuideProfileAdmin(admin.ModelAdmin[GuideProfile]):
    list_display = ["name", "user", "taking_people"]
    list_filter = ["taking_people"]
