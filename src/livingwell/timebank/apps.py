from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class TimebankConfig(AppConfig):
    name = "livingwell.timebank"
    verbose_name = _("Time bank")
    # Its links in the menu (core/navigation.py).
    navigation = (NavLink(47, "timebank:home", _("Time bank"), public=True),)
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.timebank.demo.timebank_demo"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.timebank.personal_data"
    # The language a member joined in, for what their account is sent (accounts.services.their_language).
    account_language = "livingwell.timebank.selectors.account_language"
