from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class VoiceConfig(AppConfig):
    name = "livingwell.voice"
    verbose_name = _("Evaluating co-production")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(45, "stories:list", _("Stories"), public=True),
        NavLink(155, "stories:moderation", _("Stories to read")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.voice.demo.voice_demo"

    def ready(self) -> None:
        from livingwell.collaborative.body_links import BodyLink, body_link_add

        body_link_add(BodyLink("voice:body_rounds", _("Evaluate how involved people are"), running=True))
        body_link_add(BodyLink("voice:body_results", _("How involved people felt"), running=False))
