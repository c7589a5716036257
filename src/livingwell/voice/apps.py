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
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.voice.personal_data"

    def ready(self) -> None:
        from livingwell.core.page_links import PageLink, page_link_add
        from livingwell.people.own_page import own_section_add
        from livingwell.voice.own_page import EXPERIENCE  # models are ready only now

        own_section_add(EXPERIENCE)

        page_link_add(PageLink("collaborative.running", "voice:body_rounds", _("Evaluate how involved people are")))
        page_link_add(PageLink("collaborative.body", "voice:body_results", _("How involved people felt")))
        page_link_add(PageLink("support.episode", "voice:experience_offer", _("Offer the experience survey")))
