import factory

from livingwell.audit.models import AuditEvent


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    action = AuditEvent.Action.READ
    record_type = "people.person"
    record_id = factory.Faker("uuid4")
    request_id = factory.Faker("hexify", text="^" * 32)
