from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "livingwell.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from livingwell.core import lookups
        from livingwell.core.request_id import request_id_clear

        lookups.register()

        request_finished.connect(request_id_clear, dispatch_uid="livingwell.request_id_clear")
