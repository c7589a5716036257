import uuid

import factory

from livingwell.frontdoor.models import Introduction


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    reference = factory.Sequence(lambda n: f"LW-T{n:05d}")
    submission_token = factory.LazyFunction(uuid.uuid4)
    for_whom = Introduction.ForWhom.SELF
    preferred_name = factory.Sequence(lambda n: f"Person {n}")
    contact_methods = factory.LazyFunction(lambda: ["phone"])
    phone = "07700 900123"
    may_leave_message = True
    in_their_words = "Things have been hard lately."
