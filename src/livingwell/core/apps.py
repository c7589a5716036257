from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class CoreConfig(AppConfig):
    name = "livingwell.core"
    label = "core"
    verbose_name = _("Core")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(10, "core:home", _("Home"), public=True),
        NavLink(50, "core:get_help_now", _("Get help now"), public=True),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.core.demo.core_demo_load"

    def ready(self) -> None:
        from livingwell.core import languages, lookups, neighbourhoods  # noqa: F401 (languages registers its check, neighbourhoods its signals)
        from livingwell.core.request_id import request_id_clear

        lookups.register()
        _telemetry_start()

        request_finished.connect(request_id_clear, dispatch_uid="livingwell.request_id_clear")


def _telemetry_start() -> None:
    """Sentry and OpenTelemetry, each only when its setting is given (core/telemetry.py)."""
    from django.conf import settings

    from livingwell.core import telemetry

    if settings.SENTRY_DSN:
        telemetry.sentry_start(
            dsn=settings.SENTRY_DSN,
            environment=settings.SENTRY_ENVIRONMENT,
            traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
        )
    if settings.OTEL_EXPORTER_OTLP_ENDPOINT:
        telemetry.opentelemetry_start(service_name=settings.OTEL_SERVICE_NAME)
