from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class AccountsConfig(AppConfig):
    name = "livingwell.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(100, "accounts:dashboard", _("Your account")),
        NavLink(260, "admin:index", _("Site administration")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.accounts.demo.accounts_demo_load"

    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.accounts.personal_data"


class LivingWellAdminConfig(admin_apps.AdminConfig):
    """Django's admin, behind our sign-in and a verified second factor."""

    default = False
    default_site = "livingwell.accounts.admin_site.LivingWellAdminSite"
