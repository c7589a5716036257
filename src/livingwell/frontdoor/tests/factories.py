import datetime
import uuid

import factory
from django.utils import timezone

from livingwell.frontdoor.models import Introduction


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    reference = factory.Sequence(lambda n: f"LW-T{n:05d}")
    submission_token = factory.LazyFunction(uuid.uuid4)
    for_whom = Introduction.ForWhom.SELF
    preferred_name = factory.Sequence(lambda n: f"Person {n}")
    contact_methods = factory.LazyFunction(lambda: ["phone"])
    # Each its own number, so that nobody looks like a possible match of anybody else.
    phone = factory.Sequence(lambda n: f"07700 9{n % 100000:05d}")
    may_leave_message = True
    in_their_words = "Things have been hard lately."


def introduction_arrived(at: datetime.datetime, **fields: object) -> Introduction:
    """An introduction that arrived at ``at`` (saving stamps the time it arrived, so it is set after)."""
    introduction = IntroductionFactory(**fields)
    Introduction.objects.filter(pk=introduction.pk).update(created_at=at)
    introduction.refresh_from_db()
    return introduction


def introduction_days_old(days: float, **fields: object) -> Introduction:
    """An introduction that arrived ``days`` ago."""
    return introduction_arrived(timezone.now() - datetime.timedelta(days=days), **fields)
