from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class InsightConfig(AppConfig):
    name = "livingwell.insight"
    label = "insight"
    verbose_name = _("Insight")
    # Its links in the menu (core/navigation.py).
    navigation = (
        NavLink(45, "public_figures:page", _("How we are doing"), public=True),
        NavLink(190, "insight:dashboard", _("Figures")),
    )
    # This app's demo data, loaded by ``manage.py demo_load`` (core/demo.py).
    demo_load = "livingwell.insight.demo.insight_demo"
    # Run by the task worker's housekeeping every few minutes (core/tasks.py).
    housekeeping = "livingwell.insight.tasks.housekeeping"
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.insight.personal_data"

    def ready(self) -> None:
        from livingwell.insight import signals  # noqa: F401  (keeps the counted introductions up to date)

        post_migrate.connect(_count_the_uncounted, sender=self)


def _count_the_uncounted(**kwargs: Any) -> None:
    """After migrating, count the introductions that arrived before this app did, and keep the wellbeing
    scores taken before (none of either, after the first time)."""
    from livingwell.insight.services import counted_introductions_refresh  # models are ready only now
    from livingwell.insight.wellbeing import wellbeing_scores_fill

    counted_introductions_refresh(missing_only=True)  # and summarises the months not summarised yet
    wellbeing_scores_fill()  # those measured before the wellbeing scores were kept on their own
