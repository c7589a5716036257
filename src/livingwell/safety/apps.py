from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class SafetyConfig(AppConfig):
    name = "livingwell.safety"
    label = "safety"
    verbose_name = _("Safety net")
    # Its links in the menu (core/navigation.py).
    navigation = (NavLink(170, "safety:flag_list", _("Safety flags")),)
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.safety.personal_data"
