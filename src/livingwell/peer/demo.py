"""Demo peer support: Priya (peer) with a published profile, working with Jo, one of Gabriel's people, with
two sessions; a second peer supporter's profile for people to choose from. No emails are sent."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.peer.models import PeerIntroduction, PeerProfile, PeerSession, Supervision, Training
from livingwell.people.models import Person

PROFILES = [
    ("peer", "Priya", "I lived with depression and anxiety for years after university. Walking, cooking and other "
     "people's stories helped me back. I'm happy to meet for a coffee or a walk and talk about whatever helps.",
     "Walking, cooking, films", "English, Gujarati", "Cafés and parks in Ashby Vale", "Weekday afternoons",
     PeerProfile.Arrangement.SESSIONAL),
    ("peer-tom", "Tom", "I've heard voices since my twenties, and I've been in hospital more than once. These days "
     "I help run the hearing voices group. I'd be glad to go with you somewhere new for the first time.",
     "Football, music, the allotment", "English", "Anywhere in Kingsmere", "Mornings and weekends",
     PeerProfile.Arrangement.VOLUNTEER),
]  # fmt: skip


def peer_demo() -> list[str]:
    if PeerProfile.objects.exists():
        return []
    users = get_user_model()
    with transaction.atomic():
        for username, name, lived, interests, languages, where, when, arrangement in PROFILES:
            user, _created = users.objects.get_or_create(
                username=username, defaults={"role": Role.PEER_SUPPORTER, "first_name": name,
                                             "email": f"{username}@livingwell.example", "is_active": True},
            )  # fmt: skip
            PeerProfile.objects.create(
                user=user, name=name, lived_experience=lived, interests=interests, languages=languages, where=where,
                when=when, arrangement=arrangement, is_published=True,
                yearly_limit=1500 if arrangement == PeerProfile.Arrangement.SESSIONAL else None,
            )  # fmt: skip
        priya = PeerProfile.objects.get(user__username="peer")
        jo = Person.objects.filter(preferred_name="Jo").first()
        guide = users.objects.filter(username="guide").first()
        if jo is not None and guide is not None:
            now = timezone.now()
            introduction = PeerIntroduction.objects.create(
                person=jo, peer=priya, asked_by=guide, person_agreed=True, status=PeerIntroduction.Status.ACCEPTED,
                message="Jo would like company to try the walking group.", asked_at=now - datetime.timedelta(days=20),
                answered_at=now - datetime.timedelta(days=19), submission_id=uuid.uuid4(),
            )  # fmt: skip
            today = timezone.localdate()
            for days_ago, where, note, follow_ups in [
                (14, "The library café", "We met for a coffee and talked about walking.", "Try the canal walk."),
                (7, "The canal walking group", "We went to the walking group together. You chatted to Rosa.",
                 "Go again next week; Jo may go on her own."),
            ]:  # fmt: skip
                PeerSession.objects.create(
                    introduction=introduction, on=today - datetime.timedelta(days=days_ago), where=where, note=note,
                    follow_ups=follow_ups, recorded_by=priya.user, submission_id=uuid.uuid4(),
                )  # fmt: skip
        if guide is not None:
            PeerProfile.objects.filter(pk=priya.pk).update(supervisor=guide)
            today = timezone.localdate()
            Supervision.objects.create(
                peer=priya, supervisor=guide, on=today - datetime.timedelta(days=10),
                notes="How the first sessions with Jo went; keeping boundaries when she texts late.",
                follow_ups="Book the safeguarding course.", submission_id=uuid.uuid4(),
            )  # fmt: skip
            for course, days_ago in ((Training.Course.INTRODUCTION, 120), (Training.Course.BOUNDARIES, 90)):
                Training.objects.create(
                    peer=priya, course=course, on=today - datetime.timedelta(days=days_ago), completed=True,
                    recorded_by=guide,
                )  # fmt: skip
    return [
        "Loaded 2 peer supporters' profiles, and Priya's peer support with Jo, supervised by Gabriel: sign in as "
        "peer to see it, and as guide to supervise."
    ]
