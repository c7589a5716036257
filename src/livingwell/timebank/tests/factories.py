import uuid

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.timebank.models import Category, Listing, Member


def member_for(user: User | None = None, *, name: str = "Sam", email: str = "") -> Member:
    """An active member (with ``user``'s account, when given)."""
    if user is not None:
        existing = Member.objects.filter(user=user).first()
        if existing is not None:
            return existing
    now = timezone.now()
    return Member.objects.create(
        user=user,
        name=name,
        email=email or (user.email if user is not None else "") or f"{uuid.uuid4().hex[:8]}@example.org",
        status=Member.Status.ACTIVE,
        conduct_agreed_at=now,
        joined_at=now,
        welcomed_at=now,
    )


def listing_for(member: Member, *, kind: str = Listing.Kind.OFFER, title: str = "Help with a garden") -> Listing:
    return Listing.objects.create(
        member=member,
        kind=kind,
        category=Category.objects.get(slug="gardening"),
        title=title,
        description="Weeding and planting, weekends.",
        submission_id=uuid.uuid4(),
    )
