from django.contrib import admin

from livingwell.core.models import Neighbourhood, PlainWord


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


# Queued tasks hold the messages being sent (addresses, and links that sign someone in): keep administrators
# away from them. Workers and the duty queue report on sending; nobody needs to read a message here.
def _messages_out_of_reach() -> None:
    from django_tasks_db.models import DBTaskResult

    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)


_messages_out_of_reach()


@admin.register(PlainWord)
class PlainWordAdmin(admin.ModelAdmin):
    list_display = ["words", "kind", "instead"]
    list_filter = ["kind"]
    search_fields = ["words", "instead"]
