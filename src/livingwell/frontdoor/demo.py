"""Demo introductions, so that the duty queue and "Your details" have something; one is from Kit, already known.

Safe to run again: each record is found by its fixed reference or user and updated.
"""

import datetime
import uuid

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.safety.net import risk_in

INTRODUCTIONS = [
    # reference, name, days ago, date of birth, phone, words (the safety net reads them, as for anyone)
    ("LW-DEMO01", "Robin", 3, None, "07700 900101", "Since my mum died I have not been going out."),
    ("LW-DEMO02", "Alex", 0.2, None, "07700 900102", "I am not safe at home at the moment."),
    ("LW-DEMO03", "Kit", 1, datetime.date(1990, 6, 14), "07700900005", "Things have got on top of me again."),
]


def frontdoor_demo_load() -> int:
    """Load the demo and return how many introductions it holds."""
    now = timezone.now()
    for reference, name, days, born, phone, words in INTRODUCTIONS:
        risk = risk_in([words])
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
                "is_urgent": bool(risk),
                "urgent_phrases": risk.phrases,
                "risk_categories": risk.categories,
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


def frontdoor_demo() -> list[str]:
    return [f"Loaded {frontdoor_demo_load()} introductions."]
