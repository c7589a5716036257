"""The time bank through HTTP: joining, offers and requests (public without names, in the directory too), an
exchange from asking to confirmed hours, the safety net, and the coordinator's screens."""

import uuid
from collections.abc import Callable

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.conftest import sign_in, worker_run
from livingwell.directory.models import Service
from livingwell.directory.tests.factories import OrganizationFactory
from livingwell.people.tests.factories import PersonFactory
from livingwell.safety.models import RiskFlag
from livingwell.support.models import Plan
from livingwell.timebank import services
from livingwell.timebank.models import Bank, Category, Exchange, Listing, Member
from livingwell.timebank.selectors import balance_of
from livingwell.timebank.shipped import BANK_ID, bank_load
from livingwell.timebank.tests.factories import listing_for, member_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client: Client, user_with_role: Callable[[Role], User]) -> Client:
    bank_load(Bank, Category)  # a test on its own connection (transaction=True) starts with emptied tables
    organization = OrganizationFactory(name="Kingsmere Time Bank")
    Bank.objects.filter(pk=BANK_ID).update(organization=organization)
    user = user_with_role(Role.PROVIDER_EDITOR)
    user.organisations.add(organization)
    sign_in(client, user)
    return client


def _member_client(name: str, role: Role = Role.PERSON) -> tuple[Client, Member]:
    user = User.objects.create(username=f"{name.lower()}@example.org", email=f"{name.lower()}@example.org", role=role)
    client = Client()
    sign_in(client, user)
    return client, member_for(user, name=name)


def _listing_data(**changes: object) -> dict[str, object]:
    return {
        "kind": "offer", "category": Category.objects.get(slug="gardening").pk, "title": "Help with a garden",
        "description": "Weeding at weekends.", "area": "", "submission_id": str(uuid.uuid4()), **changes,
    }  # fmt: skip


def test_a_signed_in_user_joins_with_the_code_of_conduct(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.PEER_SUPPORTER)
    assert client.get(reverse("timebank:mine"))["Location"] == reverse("timebank:member_join")
    page = client.get(reverse("timebank:member_join"))
    assert b"Hours are never money" in page.content
    assert b"Meet somewhere public the first time" in page.content
    refused = client.post(reverse("timebank:member_join"), {"name": "Priya", "submission_id": str(uuid.uuid4())})
    assert b"Agree to the code of conduct to join" in refused.content
    assert b"Error: " in refused.content
    data = {"name": "Priya", "agree": "on", "submission_id": str(uuid.uuid4())}
    client.post(reverse("timebank:member_join"), data)
    client.post(reverse("timebank:member_join"), data)
    member = Member.objects.get()
    assert (member.name, member.status, member.welcomed_at) == ("Priya", "active", None)
    assert member.conduct_agreed_at is not None
    assert client.get(reverse("timebank:mine")).status_code == 200


def test_someone_without_an_account_asks_and_the_coordinator_welcomes_them(
    client: Client, coordinator: Client, django_capture_on_commit_callbacks
) -> None:
    visitor = Client()
    data = {"name": "Edna", "email": "Edna@Example.org", "about": "Knitting", "agree": "on",
            "submission_id": str(uuid.uuid4())}  # fmt: skip
    assert visitor.post(reverse("timebank:join"), data)["Location"] == reverse("timebank:asked")
    visitor.post(reverse("timebank:join"), data)  # sent twice: asked once
    asked = Member.objects.get(name="Edna")
    assert (asked.status, asked.user) == ("asked", None)
    screens = coordinator.get(reverse("timebank:coordinate"))
    assert b"Edna" in screens.content
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(reverse("timebank:welcome", args=[asked.pk]))
    asked.refresh_from_db()
    assert asked.status == "active"
    assert asked.user.role == Role.PERSON
    assert not asked.user.has_usable_password()
    assert AuditEvent.objects.filter(record_id=str(asked.pk), action="read").exists()


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_the_welcome_email_invites_them_to_choose_a_password(coordinator: Client) -> None:
    asked = Member.objects.create(name="Edna", email="edna@example.org", conduct_agreed_at="2026-11-01T10:00Z",
                                  submission_id=uuid.uuid4())  # fmt: skip
    coordinator.post(reverse("timebank:welcome", args=[asked.pk]))
    worker_run()
    (message,) = [m for m in mail.outbox if m.to == ["edna@example.org"]]
    assert "/welcome/" in message.body
    assert "never money" in message.body
    assert "116 123" in message.body


def test_an_offer_is_public_without_a_name_and_in_the_directory(coordinator: Client) -> None:
    owner_client, _owner = _member_client("Abi")
    response = owner_client.post(reverse("timebank:listing_new"), _listing_data(description="Weeding by the canal."))
    assert response.status_code == 302
    listing = Listing.objects.get()
    public = Client().get(reverse("timebank:listing", args=[listing.pk]))
    assert b"Weeding by the canal." in public.content
    assert b"Abi" not in public.content
    search = Client().get(reverse("timebank:home"), {"q": "canal", "category": "gardening", "kind": "offer"})
    assert b"Help with a garden" in search.content
    assert b"Abi" not in search.content
    nothing = Client().get(reverse("timebank:home"), {"q": "plumbing", "kind": "nonsense", "page": "x"})
    assert b"Help with a garden" not in nothing.content
    service = Service.objects.get(pk=listing.service_id)
    assert (service.kind, service.opportunity_type, service.is_published) == ("opportunity", "time_bank", True)
    assert "Abi" not in service.name + service.description
    owner_client.post(reverse("timebank:listing_close", args=[listing.pk]))
    service.refresh_from_db()
    assert service.is_published is False
    assert Client().get(reverse("timebank:listing", args=[listing.pk])).status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, b"Enter a title"),
        ({"title": "x" * 121}, b"Use 120 characters or fewer"),
        ({"description": "   "}, b"Enter a description"),
        ({"category": "999999"}, b"Choose a category from the list"),
        ({"kind": "sell"}, b"Choose offering or asking"),
        ({"area": "abc"}, b"Choose an area from the list"),
    ],
)
def test_a_bad_listing_says_what_to_fix_and_saves_nothing(changes: dict[str, object], message: bytes) -> None:
    client, _member = _member_client("Abi")
    response = client.post(reverse("timebank:listing_new"), _listing_data(**changes))
    assert message in response.content
    assert not Listing.objects.exists()


def test_html_and_sql_looking_words_are_kept_as_words() -> None:
    client, _member = _member_client("Abi")
    words = "<script>alert(1)</script> '; DROP TABLE timebank_listing; -- 日本語 café"
    client.post(reverse("timebank:listing_new"), _listing_data(title="Odd one", description=words))
    page = Client().get(reverse("timebank:listing", args=[Listing.objects.get().pk]))
    assert b"<script>alert(1)</script>" not in page.content
    assert "日本語 café".encode() in page.content


def test_words_of_risk_in_an_offer_are_flagged() -> None:
    client, _member = _member_client("Abi")
    client.post(reverse("timebank:listing_new"), _listing_data(description="I want to end my life, nothing helps"))
    flag = RiskFlag.objects.get()
    assert flag.where == RiskFlag.Where.TIME_BANK
    assert flag.writer_name == "Abi"


def test_an_exchange_from_asking_to_confirmed_hours(django_capture_on_commit_callbacks) -> None:
    owner_client, owner = _member_client("Abi")
    asker_client, asker = _member_client("Bola", Role.PEER_SUPPORTER)
    offer = listing_for(owner)
    member_page = asker_client.get(reverse("timebank:listing", args=[offer.pk]))
    assert b"Abi" in member_page.content  # members see who
    token = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        first = asker_client.post(
            reverse("timebank:ask", args=[offer.pk]), {"message": "Saturday?", "submission_id": token}
        )
        asker_client.post(reverse("timebank:ask", args=[offer.pk]), {"message": "Saturday?", "submission_id": token})
    exchange = Exchange.objects.get()
    assert first["Location"] == reverse("timebank:exchange", args=[exchange.pk])
    page = asker_client.get(first["Location"])
    assert b"abi@example.org" not in page.content  # no contact details before they agree
    # Only the one asked answers; a stranger cannot open it.
    asker_client.post(reverse("timebank:exchange_answer", args=[exchange.pk]), {"answer": "yes"})
    exchange.refresh_from_db()
    assert exchange.status == "asked"
    stranger, _someone = _member_client("Chen")
    assert stranger.get(reverse("timebank:exchange", args=[exchange.pk])).status_code == 403
    owner_client.post(reverse("timebank:exchange_answer", args=[exchange.pk]), {"answer": "yes"})
    assert b"abi@example.org" in asker_client.get(reverse("timebank:exchange", args=[exchange.pk])).content
    bad = owner_client.post(reverse("timebank:hours_record", args=[exchange.pk]), {"hours": "1.1"})
    assert b"Enter the hours in quarter hours" in bad.content
    owner_client.post(reverse("timebank:hours_record", args=[exchange.pk]), {"hours": "1.5", "note": "Weeding"})
    asker_client.post(reverse("timebank:hours_confirm", args=[exchange.pk]))
    asker_client.post(reverse("timebank:hours_confirm", args=[exchange.pk]))
    assert (balance_of(owner.pk).given, balance_of(asker.pk).received) == (90, 90)
    mine = asker_client.get(reverse("timebank:mine")).content.decode()
    assert "1 hour 30 minutes" in mine
    assert "Help with a garden" in mine


def test_the_coordinator_sees_the_screens_nudges_once_and_credits_a_group(coordinator: Client) -> None:
    quiet = member_for(name="Hugh", email="hugh@example.org")
    Member.objects.filter(pk=quiet.pk).update(joined_at="2025-01-01T10:00Z")
    screens = coordinator.get(reverse("timebank:coordinate")).content.decode()
    assert "Hugh" in screens
    coordinator.post(reverse("timebank:nudge", args=[quiet.pk]))
    again = coordinator.post(reverse("timebank:nudge", args=[quiet.pk]), follow=True)
    assert "was sent a note in the last two weeks" in again.content.decode()
    helper = member_for(name="Ines", email="ines@example.org")
    data = {"what": "Breakfast helpers", "on_day": "12", "on_month": "11", "on_year": "2026", "hours": "2",
            "emails": "INES@example.org\nnobody@example.org", "submission_id": str(uuid.uuid4())}  # fmt: skip
    unknown = coordinator.post(reverse("timebank:credit"), data)
    assert b"nobody@example.org" in unknown.content
    coordinator.post(reverse("timebank:credit"), {**data, "emails": "ines@example.org"})
    assert balance_of(helper.pk).given == 120
    page = coordinator.get(reverse("timebank:member", args=[helper.pk])).content.decode()
    assert "Breakfast helpers" in page


def test_a_provider_editor_for_another_organisation_does_not_coordinate(
    signed_in_client: Callable[[Role], Client],
) -> None:
    client = signed_in_client(Role.PROVIDER_EDITOR)
    assert client.get(reverse("timebank:coordinate")).status_code == 403


def test_a_person_adds_the_member_they_exchanged_with_to_their_plan() -> None:
    person_client, person_member = _member_client("Sam")
    person = PersonFactory(user=person_member.user)
    plan = Plan.objects.create(person=person)
    helper = member_for(name="Priya")
    exchange = Exchange.objects.create(
        listing=listing_for(helper), giver=helper, receiver=person_member, asked_by=person_member, status="asked",
        submission_id=uuid.uuid4(),
    )  # fmt: skip
    url = reverse("timebank:exchange_connect", args=[exchange.pk])
    refused = person_client.post(url, follow=True)
    assert "once you have agreed an exchange" in refused.content.decode()
    Exchange.objects.filter(pk=exchange.pk).update(status="agreed")
    page = person_client.get(reverse("timebank:exchange", args=[exchange.pk]))
    assert b"Add Priya to my plan" in page.content
    person_client.post(url)
    person_client.post(url)  # sent twice: one connection
    connection = plan.connections.get()
    assert (connection.name, connection.kind, connection.may_share) == ("Priya", "time_bank", False)
    # A member with no plan is not offered it, and is refused if they ask.
    helper_client = Client()
    helper.user = User.objects.create(username="priya", role=Role.PEER_SUPPORTER)
    helper.save()
    sign_in(helper_client, helper.user)
    assert b"to my plan" not in helper_client.get(reverse("timebank:exchange", args=[exchange.pk])).content
    assert "do not have a plan" in helper_client.post(url, follow=True).content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_lists_cost_the_same_queries_however_long(coordinator: Client) -> None:
    """My time, the offers and the coordinator's screens are read in a fixed number of queries."""
    client, member = _member_client("Abi")
    pages = [reverse("timebank:mine"), reverse("timebank:home") + "?q=garden", reverse("timebank:coordinate")]

    def add(count: int) -> None:
        for n in range(count):
            other = member_for(name=f"Other {n}")
            Member.objects.filter(pk=other.pk).update(welcomed_at=None)  # each waits for a welcome
            exchange = services.exchange_ask(member=member, listing=listing_for(other), message="",
                                             submission_id=uuid.uuid4())  # fmt: skip
            services.exchange_answer(member=other, exchange=exchange, agree=True)
            services.hours_record(member=other, exchange=exchange, minutes=60, note="")
            services.hours_confirm(member=member, exchange=exchange)

    add(2)
    _queries(coordinator, pages[2])  # the first request of a session does more
    few = [_queries(client, pages[0]), _queries(client, pages[1]), _queries(coordinator, pages[2])]
    add(8)
    many = [_queries(client, pages[0]), _queries(client, pages[1]), _queries(coordinator, pages[2])]
    assert few == many
