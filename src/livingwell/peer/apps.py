from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class PeerConfig(AppConfig):
    name = "livingwell.peer"
    verbose_name = _("Peer support")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(46, "peer:profiles", _("Peer support"), public=True),
        NavLink(158, "peer:caseload", _("My peer support work")),
        NavLink(159, "peer:supervisees", _("Peer supervision")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.peer.demo.peer_demo"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.peer.personal_data"

    def ready(self) -> None:
        from livingwell.core.page_links import PageLink, page_link_add

        page_link_add(PageLink("support.episode", "peer:episode", _("Their peer support")))
