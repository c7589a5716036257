from django.contrib import admin

from livingwell.voice.models import Rung


@admin.register(Rung)
class RungAdmin(admin.ModelAdmin):
    """The ladder of participation is data: administrators may reword it, reorder it or add a rung."""

    list_display = ["position", "name", "stage", "meaning"]
    list_display_links = ["name"]
    ordering = ["position"]
