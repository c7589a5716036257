"""What support's forms share."""

from django.utils.translation import gettext_lazy as _

CHANGE_LABELS = {
    "hold": _("Put on hold"),
    "resume": _("Take off hold"),
    "close": _("Close: support has ended (the person gets a summary and a way back)"),
    "reopen": _("Reopen"),
}


PLAN_TEXT = 5000
