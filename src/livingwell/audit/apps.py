from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class AuditConfig(AppConfig):
    name = "livingwell.audit"
    label = "audit"
    verbose_name = _("Audit trail")
    # Its links in the menu (core/navigation.py).
    navigation = (NavLink(250, "audit:event_list", _("Audit trail")),)
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.audit.personal_data"
