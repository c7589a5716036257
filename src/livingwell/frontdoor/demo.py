"""Demo introductions, guides' profiles and one earlier episode, so that every screen of the Hub has something.

Safe to run again: each record is found by its fixed reference or user and updated.
"""

import datetime
import uuid

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.models import Episode, EpisodeChange, GuideProfile

GUIDES = [
    ("guide", "Gabriel", "I spent ten years as a youth worker. I like football, cooking and a good walk.", "English"),
    (
        "peer",
        "Priya",
        "I have used mental health services myself. I listen first, and I know the area well.",
        "English, Gujarati",
    ),
    ("duty", "Dana", "I used to be a housing officer, so I know my way round forms and landlords.", "English, Polish"),
]
INTRODUCTIONS = [
    # reference, name, days ago, urgent phrases, date of birth, phone, words
    ("LW-DEMO01", "Robin", 3, [], None, "07700 900101", "Since my mum died I have not been going out."),
    ("LW-DEMO02", "Alex", 0.2, ["not safe"], None, "07700 900102", "I am not safe at home at the moment."),
    ("LW-DEMO03", "Kit", 1, [], datetime.date(1990, 6, 14), "07700900005", "Things have got on top of me again."),
]


def frontdoor_demo_load() -> int:
    """Load the demo and return how many introductions it holds."""
    for username, name, about, languages in GUIDES:
        user = User.objects.get(username=username)
        GuideProfile.objects.update_or_create(
            user=user, defaults={"name": name, "about": about, "languages": languages}
        )
    kit = Person.objects.get(preferred_name="Kit")
    kit.date_of_birth = datetime.date(1990, 6, 14)
    kit.phone = "07700 900005"
    kit.save(update_fields=["date_of_birth", "phone"])
    if not Episode.objects.filter(person=kit).exists():
        _earlier_episode(kit)
    now = timezone.now()
    for reference, name, days, phrases, born, phone, words in INTRODUCTIONS:
        introduction, _created = Introduction.objects.update_or_create(
            reference=reference,
            defaults={
                "submission_token": uuid.uuid5(uuid.NAMESPACE_URL, reference),
                "for_whom": Introduction.ForWhom.SELF,
                "preferred_name": name,
                "date_of_birth": born,
                "contact_methods": ["phone"],
                "phone": phone,
                "may_leave_message": False,
                "in_their_words": words,
                "is_urgent": bool(phrases),
                "urgent_phrases": phrases,
            },
        )
        Introduction.objects.filter(pk=introduction.pk).update(created_at=now - datetime.timedelta(days=days))
    _sams_introduction(now)
    return len(INTRODUCTIONS) + 1


def _sams_introduction(now: datetime.datetime) -> None:
    """The demo person Sam (sign in as "person") introduced themselves in the spring; "Your details" shows it."""
    sam = Person.objects.get(user__username="person")
    introduction, _created = Introduction.objects.update_or_create(
        reference="LW-DEMO04",
        defaults={
            "submission_token": uuid.uuid5(uuid.NAMESPACE_URL, "LW-DEMO04"),
            "for_whom": Introduction.ForWhom.SELF,
            "preferred_name": "Sam",
            "contact_methods": ["text"],
            "phone": sam.phone,
            "email": sam.email,
            "in_their_words": "I have felt low since I lost my job, and I have stopped seeing friends.",
            "what_matters": "My dog, and getting back to work",
            "good_at": "Fixing bikes",
            "person": sam,
            "status": Introduction.Status.ROUTED,
            "route": Introduction.Route.INFORMATION,
            "routed_at": now - datetime.timedelta(days=178),
            "routed_by": User.objects.get(username="duty"),
        },
    )
    Introduction.objects.filter(pk=introduction.pk).update(created_at=now - datetime.timedelta(days=180))


def _earlier_episode(person: Person) -> None:
    """Kit was supported last year; the demo's new introduction from Kit shows easy in."""
    guide = User.objects.get(username="guide")
    opened = timezone.now() - datetime.timedelta(days=400)
    closed = timezone.now() - datetime.timedelta(days=120)
    episode = Episode.objects.create(
        person=person, guide=guide, opened_at=opened, status=Episode.Status.CLOSED, closed_at=closed
    )
    for kind, when, reason in (
        (EpisodeChange.Kind.OPENED, opened, "Hub support"),
        (EpisodeChange.Kind.CLOSED, closed, "Back at work and feeling well"),
    ):
        EpisodeChange.objects.create(
            episode=episode, kind=kind, reason=reason, changed_at=when, changed_by=guide, guide=guide
        )
