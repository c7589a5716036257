from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm


class HandledForm(GovukForm):
    note = forms.CharField(
        label=_("What did you do?"),
        help_text=_("For example: called them, they are safe tonight and we agreed to talk tomorrow."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what you did")},
    )
