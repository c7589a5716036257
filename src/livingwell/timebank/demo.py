"""Demo time bank: run by Kingsmere Time Bank (Pat, the provider editor, coordinates), with Sam and Priya
among forty members, offers and requests in every category, a year of exchanges, breakfast helpers
credited, and some work for the coordinator. No emails are sent."""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.core.models import Neighbourhood
from livingwell.directory.models import Organization
from livingwell.timebank.models import Bank, Category, Entry, Exchange, Listing, Member
from livingwell.timebank.services import credit_give, listing_add
from livingwell.timebank.shipped import BANK_ID

NAMES = [
    "Abi", "Bola", "Chen", "Dev", "Edna", "Femi", "Gita", "Hugh", "Ines", "Jo", "Kofi", "Lena", "Mo", "Nell",
    "Omar", "Pia", "Quinn", "Rosa", "Sid", "Tess", "Uma", "Vic", "Wyn", "Xan", "Yara", "Zac", "Ada", "Ben",
    "Cleo", "Dot", "Eve", "Fin", "Gil", "Hope", "Ivo", "Jas",
]  # fmt: skip
LISTINGS = [
    ("offer", "gardening", "Help with a garden", "Weeding, planting and cutting back, at weekends."),
    ("offer", "befriending", "A cuppa and a chat", "I like a natter. Happy to meet at the library café."),
    ("offer", "it-help", "Setting up a phone", "Video calls, apps and the NHS App, step by step."),
    ("offer", "language", "Portuguese conversation", "Practise speaking Portuguese over a coffee."),
    ("offer", "cooking", "Batch cooking together", "We cook five meals on a Sunday and share them."),
    ("offer", "lifts", "Lifts to appointments", "I have a car and weekday mornings free."),
    ("offer", "skills", "Guitar for beginners", "Three chords and a song in an hour."),
    ("offer", "paperwork", "Reading letters with you", "Official letters can be a lot. Let us read them together."),
    ("request", "shopping", "Someone to shop with", "I find big shops hard on my own. Saturday mornings."),
    ("request", "home", "Putting up shelves", "Two shelves in the front room. I have the tools."),
    ("request", "language", "Help with English", "I want to practise English for job interviews."),
    ("request", "it-help", "Learning email", "I would like to email my grandchildren."),
    ("request", "gardening", "Clearing a back yard", "Overgrown after a hard winter."),
    ("request", "befriending", "Company on walks", "I want to walk by the canal but not alone."),
]


def timebank_demo() -> list[str]:
    if Member.objects.exclude(kind=Member.Kind.BANK).exists():
        return []
    organization = Organization.objects.filter(name="Kingsmere Time Bank").first()
    rng = random.Random(1987)  # noqa: S311 - demo data, not security
    areas: list[Neighbourhood | None] = [*Neighbourhood.objects.all()] or [None]
    # Sam (person) first, then Priya (peer): _waiting gives each something to do.
    users = [user for name in ("person", "peer") for user in get_user_model().objects.filter(username=name)]
    now = timezone.now()
    with transaction.atomic():
        Bank.objects.filter(pk=BANK_ID).update(name="Kingsmere Time Bank", organization=organization)
        members = [_member(user.first_name, user.email, rng.choice(areas), now, user=user) for user in users]
        members += [
            _member(name, f"{name.lower()}@timebank.example", rng.choice(areas), now - datetime.timedelta(days=400))
            for name in NAMES
        ]
        if organization is not None:
            members.append(
                _member(
                    "Canal Side Community Kitchen", "kitchen@timebank.example", rng.choice(areas),
                    now - datetime.timedelta(days=300), kind=Member.Kind.ORGANISATION,
                )
            )  # fmt: skip
        listings = []
        for index, (kind, category, title, description) in enumerate(LISTINGS):
            listings.append(
                listing_add(
                    member=members[(index * 5 + 2) % len(members)], kind=kind,
                    category=Category.objects.get(slug=category), title=title, description=description,
                    area=rng.choice(areas), submission_id=uuid.uuid4(),
                )
            )  # fmt: skip
        _history(members, listings, rng, now)
        _waiting(members, listings, now)
        _breakfast(members, now)
        for name in ("Kit", "Lou"):
            Member.objects.create(
                name=name, email=f"{name.lower()}@timebank.example", conduct_agreed_at=now,
                about="I would like to meet people and share what I can do.", submission_id=uuid.uuid4(),
            )  # fmt: skip
    return [
        f"Loaded a time bank of {len(members)} members with offers, requests and a year of exchanges: sign in as "
        "person or peer to use it, and as provider to coordinate it."
    ]


def _member(
    name: str, email: str, area: Neighbourhood | None, joined: datetime.datetime, *,
    user: User | None = None, kind: str = Member.Kind.PERSON,
) -> Member:  # fmt: skip
    return Member.objects.create(
        user=user, kind=kind, name=name, email=email, area=area, status=Member.Status.ACTIVE,
        conduct_agreed_at=joined, asked_at=joined, joined_at=joined, welcomed_at=joined, submission_id=uuid.uuid4(),
    )  # fmt: skip


def _exchange(listing: Listing, other: Member, status: str, asked: datetime.datetime, minutes: int | None) -> Exchange:
    giver, receiver = (listing.member, other) if listing.kind == Listing.Kind.OFFER else (other, listing.member)
    recorded = status in (Exchange.Status.RECORDED, Exchange.Status.CONFIRMED)
    return Exchange.objects.create(
        listing=listing, giver=giver, receiver=receiver, asked_by=other, status=status, asked_at=asked,
        answered_at=None if status == Exchange.Status.ASKED else asked + datetime.timedelta(days=1),
        minutes=minutes if recorded else None, recorded_by=giver if recorded else None,
        recorded_at=asked + datetime.timedelta(days=5) if recorded else None,
        confirmed_at=asked + datetime.timedelta(days=6) if status == Exchange.Status.CONFIRMED else None,
        submission_id=uuid.uuid4(),
    )  # fmt: skip


def _history(members: list[Member], listings: list[Listing], rng: random.Random, now: datetime.datetime) -> None:
    """A year of confirmed exchanges, from all but the last six members (who have gone quiet)."""
    active = members[:-6]
    entries = []
    for _count in range(160):
        listing = rng.choice(listings)
        other = rng.choice([member for member in active if member.pk != listing.member_id])
        asked = now - datetime.timedelta(days=rng.randint(10, 360), hours=rng.randint(0, 8))
        minutes = rng.choice([30, 60, 60, 90, 120, 180])
        exchange = _exchange(listing, other, Exchange.Status.CONFIRMED, asked, minutes)
        at = asked + datetime.timedelta(days=6)
        entries += [
            Entry(member_id=exchange.giver_id, minutes=minutes, at=at, exchange=exchange),
            Entry(member_id=exchange.receiver_id, minutes=-minutes, at=at, exchange=exchange),
        ]
    Entry.objects.bulk_create(entries)


def _waiting(members: list[Member], listings: list[Listing], now: datetime.datetime) -> None:
    """Sam and Priya each have something to do, and the coordinator has exchanges waiting too long."""
    sam, priya = members[0], members[1]
    garden = next(listing for listing in listings if listing.member_id not in (sam.pk, priya.pk))
    _exchange(garden, sam, Exchange.Status.AGREED, now - datetime.timedelta(days=3), None)
    cooking = next(
        listing for listing in listings
        if listing.kind == Listing.Kind.OFFER and listing.member_id not in (sam.pk, priya.pk) and listing != garden
    )  # fmt: skip
    _exchange(cooking, priya, Exchange.Status.RECORDED, now - datetime.timedelta(days=30), 90)
    _exchange(listings[-1], members[5], Exchange.Status.AGREED, now - datetime.timedelta(days=40), None)


def _breakfast(members: list[Member], now: datetime.datetime) -> None:
    """The Collaborative's breakfast helpers, credited by the coordinator."""
    coordinator = get_user_model().objects.filter(username="provider").first() or get_user_model().objects.first()
    if coordinator is None:
        return
    on = (now - datetime.timedelta(days=20)).date()
    credit_give(
        actor=coordinator, what="Helping at the Collaborative's breakfast", on=on, minutes=120,
        members=members[2:6], submission_id=uuid.uuid4(),
    )  # fmt: skip
