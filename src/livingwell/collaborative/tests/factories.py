import datetime

import factory
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import (
    Body,
    Constituency,
    ConstituencyKind,
    Meeting,
    Member,
    Membership,
    QuorumRule,
)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Workstream {n}")
    slug = factory.Sequence(lambda n: f"workstream-{n}")
    kind = Body.Kind.WORKSTREAM
    purpose = "To plan crisis support together."
    terms_of_reference = "Meets monthly. Decisions by consensus."
    code_of_conduct = "Listen. Be kind. Keep what people share to yourself."


class ConstituencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Constituency

    body = factory.SubFactory(BodyFactory)
    name = factory.Sequence(lambda n: f"Experts by Experience {n}")
    kind = ConstituencyKind.EXPERT_BY_EXPERIENCE
    sector = factory.LazyAttribute(lambda c: c.name)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Member {n}")
    email = factory.Sequence(lambda n: f"member{n}@example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    member = factory.SubFactory(MemberFactory)
    constituency = factory.SubFactory(ConstituencyFactory)
    body = factory.LazyAttribute(lambda m: m.constituency.body)
    agreed_code_at = factory.LazyFunction(timezone.now)
    joined_on = factory.LazyFunction(timezone.localdate)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    venue = "The Hub, 1 High Street"


def board() -> tuple[Body, dict[str, Constituency]]:
    """A Co-production Board as Harrow runs it: a quorum of 4 organisation representatives and 4 Experts
    by Experience, people with lived experience or carers."""
    body = BodyFactory(name="Co-production Board", slug="board", kind=Body.Kind.BOARD, rotates_chair=True)
    groups = {
        "ebe": ConstituencyFactory(body=body, name="Experts by Experience", kind=ConstituencyKind.EXPERT_BY_EXPERIENCE),
        "carer": ConstituencyFactory(body=body, name="Carers", kind=ConstituencyKind.CARER),
        "nhs": ConstituencyFactory(
            body=body, name="NHS representatives", kind=ConstituencyKind.ORGANISATION, sector="NHS"
        ),
        "council": ConstituencyFactory(
            body=body, name="Council representatives", kind=ConstituencyKind.ORGANISATION, sector="Council"
        ),
    }
    QuorumRule.objects.create(body=body, kind=ConstituencyKind.ORGANISATION, minimum=4)
    QuorumRule.objects.create(
        body=body, kind=ConstituencyKind.EXPERT_BY_EXPERIENCE, minimum=4, also_counts=[ConstituencyKind.CARER]
    )
    return body, groups


def secretary_of(body: Body, user: User | None = None) -> User:
    """A user who runs ``body``: the Secretary or chair role, and the secretary's membership."""
    user = user or UserFactory(role=Role.SECRETARY)
    constituency = body.constituencies.first() or ConstituencyFactory(body=body)
    member = Member.objects.filter(user=user).first() or MemberFactory(user=user, name="Sam Secretary")
    MembershipFactory(body=body, constituency=constituency, member=member, role=Membership.Role.SECRETARY)
    return user
