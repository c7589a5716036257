"""Writing episodes and guides' profiles."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.models import Episode, EpisodeChange, GuideProfile


def episode_open(
    *,
    actor: User,
    person: Person,
    guide: User,
    chosen_by_person: bool,
    introduction: Introduction | None,
    reason: str,
) -> Episode:
    """Open an episode of support with ``guide``. Easy in: a person who had one gets it reopened, history kept.

    An episode still open (or on hold) carries on, with the new guide if it changed.
    """
    with transaction.atomic():
        now = timezone.now()
        episode = Episode.objects.select_for_update().filter(person=person).order_by("-opened_at").first()
        if episode is None:
            episode = Episode.objects.create(
                person=person, guide=guide, guide_chosen_by_person=chosen_by_person, opened_at=now
            )
            kind = EpisodeChange.Kind.OPENED
        else:
            if episode.status == Episode.Status.CLOSED:
                kind = EpisodeChange.Kind.REOPENED
            elif episode.guide_id == guide.pk:
                kind = EpisodeChange.Kind.CONTINUED
            else:
                kind = EpisodeChange.Kind.GUIDE_CHANGED
            episode.status = Episode.Status.OPEN
            episode.closed_at = None
            episode.guide = guide
            episode.guide_chosen_by_person = chosen_by_person
            episode.save(update_fields=["status", "closed_at", "guide", "guide_chosen_by_person"])
        EpisodeChange.objects.create(
            episode=episode,
            kind=kind,
            reason=reason,
            changed_at=now,
            changed_by=actor,
            guide=guide,
            introduction=introduction,
        )
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CHANGE, record=episode, person_id=person.pk, detail=str(kind)
        )
    return episode


def guide_profile_save(*, user: User, changes: dict[str, Any]) -> GuideProfile:
    """Create or change a guide's own profile."""
    fields = {name: changes[name] for name in ("name", "about", "languages", "taking_people")}
    profile, _created = GuideProfile.objects.update_or_create(user=user, defaults=fields)
    return profile
