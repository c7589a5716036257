from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class FrontdoorConfig(AppConfig):
    name = "livingwell.frontdoor"
    label = "frontdoor"
    verbose_name = _("Front door")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(30, "frontdoor:start", _("Introduce yourself"), public=True),
        NavLink(160, "frontdoor:queue", _("Duty queue")),
        NavLink(180, "frontdoor:waiting", _("Waiting times")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.frontdoor.demo.frontdoor_demo"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.frontdoor.personal_data"

    def ready(self) -> None:
        from livingwell.frontdoor.own_page import INTRODUCTIONS  # models are ready only now
        from livingwell.people.own_page import own_section_add

        own_section_add(INTRODUCTIONS)
