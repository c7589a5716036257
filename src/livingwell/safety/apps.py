from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from livingwell.core.navigation import NavLink


class SafetyConfig(AppConfig):
    name = "livingwell.safety"
    label = "safety"
    verbose_name = _("Safety net")
    # Its links in the menu (core/navigation.py).
    navigation = (NavLink(170, "safety:flag_list", _("Safety flags")),)
    # What it holds about a person, for their subject access and erasure (core/personal_data.py).
    personal_data = "livingwell.safety.personal_data"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from livingwell.safety.models import LexiconEntry
        from livingwell.safety.net import lexicon_changed

        def changed(**kwargs: object) -> None:
            lexicon_changed()

        post_save.connect(changed, sender=LexiconEntry, dispatch_uid="safety-lexicon-saved", weak=False)
        post_delete.connect(changed, sender=LexiconEntry, dispatch_uid="safety-lexicon-deleted", weak=False)
