from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborativeConfig(AppConfig):
    name = "livingwell.collaborative"
    verbose_name = _("The Collaborative")
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.collaborative.demo.collaborative_demo"
