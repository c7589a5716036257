from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm


class ErasureForm(GovukForm):
    confirmed = forms.BooleanField(
        label=_("I have checked with our data protection officer that the law allows this erasure"),
        help_text=_(
            "The right to erasure does not apply to everything: for example, to records we must keep to provide "
            "care, or for the law. What must be kept is kept: amounts paid, numbers in the figures, dates, and "
            "that a risk was handled."
        ),
        error_messages={"required": _("Confirm that the law allows this erasure")},
    )
