from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from livingwell.accounts.models import User


@admin.register(User)
class LivingWellUserAdmin(UserAdmin):
    list_display = ["username", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    # The two-box widget's icons carry aria-labels that axe rejects; plain multiple selects pass.
    filter_horizontal = ()
    # No password hash here (nobody needs to see it, and Django's read-only widget is not valid HTML):
    # people choose their own password through the emailed link.
    fieldsets = [
        (None, {"fields": ["username"]}),
        *(UserAdmin.fieldsets or ())[1:],
        (_("Living Well"), {"fields": ["role", "organisations"]}),
    ]
