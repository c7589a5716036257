"""Peer supporters paid by the session, through HTTP: each session they record makes a payment at their fee;
the Hub manager approves it against their yearly limit, warned near it and over it only with their agreement,
as Experts by Experience claims are; the peer reads their statement for the tax year."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in
from livingwell.core.yearly_limit import tax_year_start
from livingwell.peer import services
from livingwell.peer.models import PeerIntroduction, PeerPayment, PeerProfile
from livingwell.peer.tests.factories import group_for, introduction_for, payment_for, profile_for, sessional
from livingwell.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def peer_user() -> User:
    return UserFactory(role=Role.PEER_SUPPORTER)


@pytest.fixture
def hub() -> Client:
    return _client(UserFactory(role=Role.HUB_MANAGER))


def _one_to_one(day: datetime.date | None = None) -> dict[str, object]:
    day = day or timezone.localdate()
    return {
        "on_day": day.day, "on_month": day.month, "on_year": day.year, "where": "Café", "note": "A walk.",
        "follow_ups": "", "concern": "", "submission_id": str(uuid.uuid4()),
    }  # fmt: skip


def test_a_sessional_peers_sessions_make_payments_at_their_fee(peer_user: User) -> None:
    profile = sessional(profile_for(peer_user), fee="30.00")
    introduction = introduction_for(PersonFactory(), profile)
    peer = _client(peer_user)
    data = _one_to_one()
    peer.post(reverse("peer:session_new", args=[introduction.pk]), data)
    peer.post(reverse("peer:session_new", args=[introduction.pk]), data)  # sent twice: paid once
    group = group_for(profile)
    day = {"on_day": data["on_day"], "on_month": data["on_month"], "on_year": data["on_year"]}
    peer.post(reverse("peer:group_work", args=[group.pk]), {**day, "came": "6", "submission_id": str(uuid.uuid4())})
    payments = list(PeerPayment.objects.order_by("group_session"))
    assert [(p.amount, p.status) for p in payments] == [(Decimal("30.00"), "waiting")] * 2
    statement = peer.get(reverse("peer:my_payments")).content.decode()
    assert "one-to-one peer support" in statement
    assert "Hearing Voices Group" in statement
    assert "£60.00" in statement  # waiting


def test_volunteers_and_sessional_peers_without_a_fee_make_no_payment(peer_user: User) -> None:
    profile = profile_for(peer_user)
    introduction = introduction_for(PersonFactory(), profile)
    _client(peer_user).post(reverse("peer:session_new", args=[introduction.pk]), _one_to_one())
    PeerProfile.objects.filter(pk=profile.pk).update(arrangement="sessional", yearly_limit=1000)
    _client(peer_user).post(reverse("peer:session_new", args=[introduction.pk]), _one_to_one())
    assert not PeerPayment.objects.exists()
    assert "not paid by the session" not in _client(peer_user).get(reverse("peer:my_payments")).content.decode()


def test_the_hub_manager_approves_and_is_warned_near_the_limit(peer_user: User, hub: Client) -> None:
    profile = sessional(profile_for(peer_user), limit="100.00")
    first = payment_for(profile, amount="50.00")
    hub.post(reverse("peer:payment_approve", args=[first.pk]))
    first.refresh_from_db()
    assert first.status == "approved"
    near = payment_for(profile, amount="40.00")
    assert "Near their yearly limit" in hub.get(reverse("peer:payments")).content.decode()
    assert (
        "Near the yearly limit of £100.00: £10.00 left"
        in hub.get(reverse("peer:payment", args=[near.pk])).content.decode()
    )
    statement = _client(peer_user).get(reverse("peer:my_payments")).content.decode()
    assert "You are near your yearly limit of £100.00. Talk to the Hub manager" in statement


def test_over_the_limit_needs_their_agreement(peer_user: User, hub: Client) -> None:
    profile = sessional(profile_for(peer_user), limit="40.00")
    over = payment_for(profile, amount="50.00")
    assert "Over their yearly limit" in hub.get(reverse("peer:payments")).content.decode()
    refused = hub.post(reverse("peer:payment_approve", args=[over.pk]))
    assert "over their yearly limit" in refused.content.decode()
    over.refresh_from_db()
    assert over.status == "waiting"
    hub.post(reverse("peer:payment_approve", args=[over.pk]), {"approve-over_limit_agreed": "on"})
    over.refresh_from_db()
    assert over.status == "approved"
    again = hub.post(reverse("peer:payment_approve", args=[over.pk]), {"approve-over_limit_agreed": "on"})
    assert "already been decided" in again.content.decode()


def test_not_approving_needs_a_reason_which_the_peer_reads(peer_user: User, hub: Client) -> None:
    payment = payment_for(sessional(profile_for(peer_user)))
    empty = hub.post(reverse("peer:payment_reject", args=[payment.pk]), {"reject-reason": "  "})
    assert "Give a reason" in empty.content.decode()
    hub.post(reverse("peer:payment_reject", args=[payment.pk]), {"reject-reason": "<b>Recorded twice</b>"})
    payment.refresh_from_db()
    assert payment.status == "rejected"
    statement = _client(peer_user).get(reverse("peer:my_payments")).content.decode()
    assert "&lt;b&gt;Recorded twice&lt;/b&gt;" in statement


def test_the_statement_is_by_tax_year(peer_user: User) -> None:
    profile = sessional(profile_for(peer_user))
    last_year = tax_year_start(timezone.localdate()) - datetime.timedelta(days=10)
    payment_for(profile, on=last_year, amount="12.34")
    peer = _client(peer_user)
    assert "£12.34" not in peer.get(reverse("peer:my_payments")).content.decode()
    earlier = peer.get(reverse("peer:my_payments"), {"year": str(tax_year_start(last_year).year)})
    assert "£12.34" in earlier.content.decode()
    assert peer.get(reverse("peer:my_payments"), {"year": "'; DROP TABLE x; --"}).status_code == 200


def test_the_hub_manager_sets_the_fee(peer_user: User, hub: Client) -> None:
    profile = sessional(profile_for(peer_user), fee="25.00")
    url = reverse("peer:supervision", args=[profile.pk])
    assert "Their fee" in hub.get(url).content.decode()
    bad = hub.post(url, {"part": "fee", "fee-session_fee": "lots"})
    assert "Enter the fee in pounds, like 25.00" in bad.content.decode()
    hub.post(url, {"part": "fee", "fee-session_fee": "32.50"})
    profile.refresh_from_db()
    assert profile.session_fee == Decimal("32.50")
    # A supervisor who is not the Hub manager does not set fees.
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    PeerProfile.objects.filter(pk=profile.pk).update(supervisor=guide)
    _client(guide).post(url, {"part": "fee", "fee-session_fee": "99.00"})
    profile.refresh_from_db()
    assert profile.session_fee == Decimal("32.50")


def test_the_person_hears_there_is_news_without_the_answer(peer_user: User) -> None:
    person = PersonFactory(user=UserFactory(role=Role.PERSON, email="jo@example.org"), preferred_name="Jo")
    introduction = introduction_for(person, profile_for(peer_user, name="Priya"), status="asked")
    message = services.answered_message(str(introduction.pk))
    assert message is not None
    assert message.to == "jo@example.org"
    without = PersonFactory(email="sam@example.org", consents_to_contact=False)
    assert services.answered_message(str(introduction_for(without, profile_for()).pk)) is None


def test_asking_the_same_peer_twice_from_two_forms_is_told(peer_user: User) -> None:
    person = PersonFactory(user=UserFactory(role=Role.PERSON))
    profile = profile_for(peer_user)
    ask = {"actor": person.user, "person": person, "peer": profile, "message": "", "person_agreed": True}
    services.introduction_ask(**ask, submission_id=uuid.uuid4())
    with pytest.raises(services.Refused, match="asked already"):
        services.introduction_ask(**ask, submission_id=uuid.uuid4())
    assert PeerIntroduction.objects.count() == 1


def test_the_waiting_payments_cost_the_same_queries_however_many(peer_user: User, hub: Client) -> None:
    profile = sessional(profile_for(peer_user), limit="100.00")
    approved = payment_for(profile, amount="70.00")
    PeerPayment.objects.filter(pk=approved.pk).update(status="approved")
    payment_for(profile)
    url = reverse("peer:payments")
    hub.get(url)  # the first request of a session does more
    with CaptureQueriesContext(connection) as few:
        assert "Near their yearly limit" in hub.get(url).content.decode()
    for n in range(5):
        payment_for(sessional(profile_for(UserFactory(role=Role.PEER_SUPPORTER), name=f"Peer {n}")))
    with CaptureQueriesContext(connection) as many:
        hub.get(url)
    assert len(few) == len(many)
