from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class CollaborativeConfig(AppConfig):
    name = "livingwell.collaborative"
    verbose_name = _("The Collaborative")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(40, "collaborative:index", _("Get involved"), public=True),
        NavLink(150, "collaborative:mine", _("Your co-production")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.collaborative.demo.collaborative_demo"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.collaborative.personal_data"
    # The language a member asked to join in, for what their account is sent (accounts.services.their_language).
    account_language = "livingwell.collaborative.selectors.account_language"
