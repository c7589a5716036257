from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import OWN_RECORD, NavLink


class SupportConfig(AppConfig):
    name = "livingwell.support"
    label = "support"
    verbose_name = _("Support")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(120, "support:my_plan", _("My plan"), shown_if=OWN_RECORD),
        NavLink(130, "support:my_measures", _("How I am doing"), shown_if=OWN_RECORD),
        NavLink(140, "support:my_support", _("My support"), shown_if=OWN_RECORD),
        NavLink(190, "support:pathway", _("Accommodation pathway")),
        NavLink(200, "support:caseload", _("Caseload")),
        NavLink(210, "support:my_guide_profile", _("Your guide profile")),
        NavLink(240, "support:provider_queue", _("Introductions to you")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.support.demo.support_demo"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.support.personal_data"
