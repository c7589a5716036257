import datetime

import factory

from livingwell.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    description = "A local organisation."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "Somewhere to talk and be listened to."


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Community centre {n}")
    latitude = 51.5
    longitude = -0.1


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    location = factory.SubFactory(LocationFactory)
    address_1 = "1 High Street"
    city = "Kingsmere"
    state_province = "Kingsmereshire"
    postal_code = "KM1 1AA"


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(LocationFactory)


def full_service(**kwargs: object) -> Service:
    """A service with one of every related record, as the API and pages show them."""
    service = ServiceFactory(
        url="https://example.org/service",
        email="hello@example.org",
        fees_description="Free",
        minimum_age=16,
        assured_date=datetime.date(2026, 10, 1),
        **kwargs,
    )
    location = LocationFactory(transportation="Bus 12 stops outside.")
    AddressFactory(location=location)
    Accessibility.objects.create(location=location, description="Step-free entrance and a hearing loop.")
    Phone.objects.create(location=location, number="0300 000 0001")
    service_at_location = ServiceAtLocationFactory(service=service, location=location)
    Schedule.objects.create(
        service_at_location=service_at_location,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR",
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
    )
    Schedule.objects.create(service=service, freq="MONTHLY", byday="2TH", opens_at=datetime.time(18))
    contact = Contact.objects.create(service=service, name="Reception", email="reception@example.org")
    Phone.objects.create(contact=contact, number="0300 000 0002")
    Phone.objects.create(service=service, number="0300 000 0003")
    CostOption.objects.create(service=service, option="Session", amount="0.00", amount_description="Free")
    Language.objects.create(service=service, name="Polish", code="pl")
    ServiceArea.objects.create(service=service, name="Kingsmere")
    Attribute.objects.create(service=service, taxonomy_term=TaxonomyTerm.objects.get(code="peer-support"))
    return service
