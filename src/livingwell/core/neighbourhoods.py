"""The borough's neighbourhoods as a question's choices, kept a minute in each process (decision 0070).

The front door's last question asks for one, and every person who reaches it would otherwise ask the
database for the same short list, three times on the way through (the question, the answer, checking the
answers). Neighbourhoods change a few times a year, by an administrator: the process that changes one
forgets its list at once, every other within ``KEPT_SECONDS``. An answer naming a neighbourhood removed
meanwhile is kept without one (``frontdoor.services``), never refused.
"""

from typing import Any

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from livingwell.core.models import Neighbourhood

KEPT_SECONDS = 60
_KEY = "lw-neighbourhood-choices"


def neighbourhood_choices() -> list[tuple[str, str]]:
    """Every neighbourhood as (its id as text, its name), in name order."""
    fragments = caches["template_fragments"]
    choices = fragments.get(_KEY)
    if choices is None:
        choices = [(str(pk), name) for pk, name in Neighbourhood.objects.values_list("pk", "name")]
        fragments.set(_KEY, choices, KEPT_SECONDS)
    return choices


@receiver(post_save, sender=Neighbourhood, dispatch_uid="core_neighbourhood_saved")
@receiver(post_delete, sender=Neighbourhood, dispatch_uid="core_neighbourhood_deleted")
def _neighbourhoods_changed(sender: type, **kwargs: Any) -> None:
    caches["template_fragments"].delete(_KEY)
