"""Reads for the front door's pages."""

from typing import Any

from django.db.models import Prefetch, prefetch_related_objects

from livingwell.core.outcomes import Big3Outcome
from livingwell.frontdoor.models import ContactAttempt, Introduction


def introduction_page(introduction: Introduction) -> dict[str, Any]:
    """What a page about one introduction shows, to the Hub and to the person it is about."""
    # Read once here; the page and the waiting clock both use them.
    prefetch_related_objects(
        [introduction], Prefetch("contact_attempts", ContactAttempt.objects.select_related("recorded_by"))
    )
    return {
        "introduction": introduction,
        "would_help": [str(Big3Outcome(code).label) for code in introduction.would_help if code in Big3Outcome],
        "attempts": introduction.contact_attempts.all(),
        "conversation": getattr(introduction, "first_conversation", None),
        "routed_services": introduction.services.order_by("name"),
        # What support made of it (``support.EpisodeChange``, above the front door): read by its relation.
        "episode_changes": introduction.episode_changes.select_related("episode", "guide__guide_profile"),
        # Its structured referral to secondary care (``support.SecondaryCareReferral``), when it went there.
        "referral": getattr(introduction, "secondary_care_referral", None),
    }
