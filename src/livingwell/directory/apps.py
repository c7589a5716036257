from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class DirectoryConfig(AppConfig):
    name = "livingwell.directory"
    label = "directory"
    verbose_name = _("Directory")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(20, "directory:search", _("Find support"), public=True),
        NavLink(230, "directory:listing_list", _("Your listings")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.directory.demo.directory_demo"
    # Its share of the workers' housekeeping (core/tasks.py): the monthly reminder of listings not checked.
    housekeeping = "livingwell.directory.housekeeping.directory_housekeeping"

    def ready(self) -> None:
        from livingwell.directory import checks  # noqa: F401 (registers them)
