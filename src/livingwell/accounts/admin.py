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
    fieldsets = [
        *(UserAdmin.fieldsets or ()),
        (_("Living Well"), {"fields": ["role", "organisations"]}),
    ]
