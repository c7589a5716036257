from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoiceConfig(AppConfig):
    name = "livingwell.voice"
    verbose_name = _("Evaluating co-production")
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.voice.demo.voice_demo"

    def ready(self) -> None:
        from livingwell.collaborative.body_links import BodyLink, body_link_add

        body_link_add(BodyLink("voice:body_rounds", _("Evaluate how involved people are"), running=True))
        body_link_add(BodyLink("voice:body_results", _("How involved people felt"), running=False))
