from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "livingwell.directory"
    label = "directory"
    verbose_name = _("Directory")
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.directory.demo.directory_demo"
