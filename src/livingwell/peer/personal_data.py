"""What peer support holds about a person: the peers they were introduced to and the sessions they had; and,
for someone who is a peer supporter themselves, their profile (``core.personal_data``). Erasing clears the
words; a peer's payments stay, as money paid must be accounted for."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import ERASED, Held, fields_blank, held_as, messages_about, of_account
from livingwell.peer.models import PeerIntroduction, PeerProfile, PeerSession
from livingwell.people.models import Person

MODELS = (PeerIntroduction, PeerSession, PeerProfile)


def held(person: Person) -> list[Held]:
    introductions = PeerIntroduction.objects.filter(person=person).order_by("asked_at")
    return [
        held_as(_("Peer supporters you were introduced to"), introductions),
        held_as(_("Your sessions with a peer supporter"), PeerSession.objects.filter(introduction__person=person)),
        held_as(_("Your peer supporter's profile"), of_account(PeerProfile.objects.all(), person)),
        messages_about(_("Messages about peer support"), introduction_id=introductions.values_list("pk", flat=True)),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    sessions = PeerSession.objects.filter(introduction__person=person)
    profiles = of_account(PeerProfile.objects.all(), person)
    return [
        ("peer.peerintroduction", fields_blank(PeerIntroduction.objects.filter(person=person), "message")),
        ("peer.peersession", fields_blank(sessions, "where", "note", "follow_ups", "concern")),
        (
            "peer.peerprofile",
            fields_blank(
                profiles,
                "lived_experience",
                "interests",
                "languages",
                "where",
                "when",
                name=ERASED,
                is_published=False,
                taking_people=False,
            ),
        ),
    ]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [PeerSession.objects.filter(recorded_at__gte=moment).values("introduction__person_id")]
