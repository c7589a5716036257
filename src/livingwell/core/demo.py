"""Demo data for a fictional place, loaded app by app.

An app that has demo data names its loader in its ``AppConfig`` as ``demo_load``: the dotted path of a
function that takes nothing, loads (or updates) its data, and returns the lines to print. ``demo_load``
runs them in the order of ``INSTALLED_APPS``, which is the apps' own order (decision 0019), so an app's
loader may rely on the data of every app below it. Core's own: the neighbourhoods.
"""

from django.apps import apps
from django.utils.module_loading import import_string

from livingwell.core.models import Neighbourhood

NEIGHBOURHOODS = ["Ashby Vale", "Brook Green", "Canal Side", "Daleford", "Eastfield", "Millbrook"]


def core_demo_load() -> list[str]:
    for name in NEIGHBOURHOODS:
        Neighbourhood.objects.update_or_create(slug=name.lower().replace(" ", "-"), defaults={"name": name})
    return []


def demo_load_all() -> list[str]:
    """Run every app's demo loader, lowest app first; the lines they return, in that order."""
    lines: list[str] = []
    for config in apps.get_app_configs():
        path = getattr(config, "demo_load", "")
        if path:
            lines += import_string(path)()
    return lines
