from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.accounts.models import Role, User
from livingwell.core.forms import GovukForm


class AuditFilterForm(GovukForm):
    person = forms.UUIDField(
        label=_("Person"),
        help_text=_("The person's record number, from the address of their record page."),
        required=False,
        error_messages={"invalid": _("Enter a person's record number, like 3f2b0c1e-…")},
    )
    record_type = forms.CharField(
        label=_("Record type"), help_text=_("For example, people.person"), required=False, max_length=100
    )
    record_id = forms.CharField(label=_("Record number"), required=False, max_length=64)
    actor = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=User.objects.exclude(role=Role.PERSON).order_by("username"),
        required=False,
        empty_label=_("Anyone"),
        error_messages={"invalid_choice": _("Choose a staff member from the list")},
    )
