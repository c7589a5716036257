from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "livingwell.rights"
    label = "rights"
    verbose_name = _("People's rights")
    # Its share of the workers' housekeeping (core/tasks.py): the nightly retention rules.
    housekeeping = "livingwell.rights.retention.retention_housekeeping"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.rights.personal_data"
