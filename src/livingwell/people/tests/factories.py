import factory

from livingwell.people.models import ContactMethod, Person


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    preferred_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    # Each its own number, so that nobody looks like a possible match of anybody else.
    phone = factory.Sequence(lambda n: f"07700 9{n % 100000:05d}")
    contact_methods = factory.LazyFunction(lambda: [ContactMethod.EMAIL])
