"""Demo peer support: Priya (peer, paid by the session) with a published profile, working with Jo, one of
Gabriel's people, with two sessions; a second peer supporter's profile for people to choose from; the
directory's Hearing Voices Group run by Tom and Priya, with twenty weeks of sessions counted; Priya's payments,
some approved and some waiting for the Hub manager. No emails are sent."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.directory.models import Service
from livingwell.peer.models import (
    GroupSession,
    PeerGroup,
    PeerIntroduction,
    PeerProfile,
    PeerSession,
    Supervision,
    Training,
)
from livingwell.peer.payments import payment_make
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
                session_fee=25 if arrangement == PeerProfile.Arrangement.SESSIONAL else None,
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
                session = PeerSession.objects.create(
                    introduction=introduction, on=today - datetime.timedelta(days=days_ago), where=where, note=note,
                    follow_ups=follow_ups, recorded_by=priya.user, submission_id=uuid.uuid4(),
                )  # fmt: skip
                payment_make(profile=priya, on=session.on, session=session)
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
        _group_demo(priya, users.objects.filter(username="hubmanager").first())
        # Priya's payments from more than a fortnight ago are approved; the rest wait for the Hub manager.
        hub_manager = users.objects.filter(username="hubmanager").first()
        if hub_manager is not None:
            priya.payments.filter(on__lt=timezone.localdate() - datetime.timedelta(days=14)).update(
                status="approved", decided_by=hub_manager, decided_at=timezone.now()
            )
    return [
        "Loaded 2 peer supporters' profiles, and Priya's peer support with Jo, supervised by Gabriel, and the Hearing "
        "Voices Group's sessions: sign in as peer to see them, as guide to supervise, and as hubmanager to approve "
        "Priya's payments."
    ]


# How many came to each of the Hearing Voices Group's last twenty weekly sessions, oldest first.
GROUP_CAME = [6, 8, 4, 9, 7, 11, 5, 3, 8, 10, 7, 6, 9, 12, 8, 4, 7, 9, 6, 8]


def _group_demo(priya: PeerProfile, started_by: User | None) -> None:
    service = Service.objects.filter(name="Hearing Voices Group").first()
    tom = PeerProfile.objects.filter(user__username="peer-tom").first()
    if service is None or tom is None or started_by is None:
        return
    group = PeerGroup.objects.create(service=service, started_by=started_by)
    group.facilitators.set([tom, priya])
    today = timezone.localdate()
    for weeks_ago, came in zip(range(len(GROUP_CAME), 0, -1), GROUP_CAME, strict=True):
        # Every other week Priya runs it, and is paid for it.
        runner = priya if weeks_ago % 2 else tom
        on = today - datetime.timedelta(weeks=weeks_ago)
        session = GroupSession.objects.create(
            group=group, on=on, came=came, note="A settled session." if came < 10 else "A busy one: new faces.",
            recorded_by=runner.user, submission_id=uuid.uuid4(),
        )  # fmt: skip
        if runner == priya:
            payment_make(profile=priya, on=on, group_session=session)
