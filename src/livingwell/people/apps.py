from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import OWN_RECORD, NavLink


class PeopleConfig(AppConfig):
    name = "livingwell.people"
    label = "people"
    verbose_name = _("People")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(110, "people:my_details", _("Your details"), shown_if=OWN_RECORD),
        NavLink(220, "people:person_list", _("People")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.people.demo.people_demo_load"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.people.personal_data"
    # The language someone we support chose, for what their account is sent (accounts.services.their_language).
    account_language = "livingwell.people.access.account_language"
