import factory
from django_otp.plugins.otp_static.models import StaticDevice

from livingwell.accounts.models import Role, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@livingwell.example")
    role = Role.PERSON
    password = factory.django.Password("a-long-test-password")
    is_staff = factory.LazyAttribute(lambda user: user.role == Role.ADMINISTRATOR)
    is_superuser = factory.LazyAttribute(lambda user: user.role == Role.ADMINISTRATOR)


class StaticDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaticDevice

    user = factory.SubFactory(UserFactory)
    name = "Backup codes"
