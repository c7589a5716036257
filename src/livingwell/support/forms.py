from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukModelForm
from livingwell.support.models import GuideProfile


class GuideProfileForm(GovukModelForm):
    class Meta:
        model = GuideProfile
        fields = ["name", "about", "languages", "taking_people"]
        error_messages = {
            "name": {"required": _("Enter the name people call you")},
            "about": {
                "required": _("Write a few lines about you"),
                "max_length": _("Use %(limit_value)s characters or fewer"),
            },
        }
