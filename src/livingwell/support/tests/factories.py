import datetime

import factory
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Episode, GuideProfile


class GuideProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuideProfile

    user = factory.SubFactory(UserFactory, role=Role.PERSONAL_GUIDE)
    name = factory.Sequence(lambda n: f"Guide {n}")
    about = "I used to be a youth worker. I like football and long walks, and I listen more than I talk."
    languages = "English"


class EpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Episode

    person = factory.SubFactory(PersonFactory)
    guide = factory.SubFactory(UserFactory, role=Role.PERSONAL_GUIDE)
    opened_at = factory.LazyFunction(timezone.now)


def episode_closed(person: Person, guide: User, *, opened_days_ago: int = 300, closed_days_ago: int = 60) -> Episode:
    """An earlier episode of support, closed a while ago: the one "easy in" reopens."""
    now = timezone.now()
    return Episode.objects.create(
        person=person,
        guide=guide,
        opened_at=now - datetime.timedelta(days=opened_days_ago),
        status=Episode.Status.CLOSED,
        closed_at=now - datetime.timedelta(days=closed_days_ago),
    )


def urgent_introduction_routed(guide: User, **introduction: object) -> Episode:
    """An urgent introduction (Robin, with words of risk), its first conversation, routed to Hub support with
    ``guide``: the episode it opened."""
    from livingwell.frontdoor.models import Introduction
    from livingwell.frontdoor.services import first_conversation_record
    from livingwell.frontdoor.tests.factories import IntroductionFactory
    from livingwell.support.routing import introduction_route

    duty = UserFactory(role=Role.DUTY_WORKER)
    fields: dict[str, object] = {
        "preferred_name": "Robin",
        "in_their_words": "I can't keep myself safe at night and I have tablets saved up",
        "enjoys": "Gardening",
        "good_at": "Fixing bikes",
        "what_matters": "My dog, Pip",
        "is_urgent": True,
        "urgent_phrases": ["cant keep myself safe", "tablets saved up"],
        "risk_categories": ["suicide"],
        **introduction,
    }
    arrived = IntroductionFactory(**fields)
    first_conversation_record(
        actor=duty,
        introduction=arrived,
        held_at=timezone.now(),
        what_matters="Pip and the allotment",
        strengths="Practical, kind",
        next_step="A guide to call tomorrow",
    )
    introduction_route(
        actor=duty, introduction=arrived, route=Introduction.Route.HUB, services=[], reason="Support", guide=guide
    )
    return Episode.objects.get(person=arrived.person)
