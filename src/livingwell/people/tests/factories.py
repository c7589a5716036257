import factory

from livingwell.people.models import ContactMethod, Person


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    preferred_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "07700 900123"
    preferred_contact_method = ContactMethod.EMAIL
