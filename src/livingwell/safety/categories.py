"""What the safety net can find. Each category shows the person its own routes to help."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RiskCategory(models.TextChoices):
    SUICIDE = "suicide", _("Suicide")
    SELF_HARM = "self_harm", _("Self-harm")
    HARM_TO_OTHERS = "harm_to_others", _("Harm to others")
    UNSAFE_AT_HOME = "unsafe_at_home", _("Not safe where they live (abuse, violence)")
    # Not found by the net: someone supporting them said they were worried (a peer supporter's concern).
    CONCERN = "concern", _("A worry raised by someone supporting them")
    # Not a risk: an exception blanks out what it matches before the risks are looked for.
    EXCEPTION = "exception", _("Exception (not a risk)")
