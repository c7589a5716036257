"""The hour ledger: append-only, each exchange and credit adding up to nothing, and every balance the sum
of the member's lines, whatever sequence of exchanges happens."""

import datetime
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livingwell.accounts.tests.factories import UserFactory
from livingwell.core.append_only import AppendOnly
from livingwell.core.refusals import Refused
from livingwell.timebank import services
from livingwell.timebank.models import Entry, Exchange, Listing, Member
from livingwell.timebank.selectors import balance_of
from livingwell.timebank.tests.factories import listing_for, member_for

pytestmark = pytest.mark.django_db


def _agreed(offer: Listing, asker: Member) -> Exchange:
    exchange = services.exchange_ask(member=asker, listing=offer, message="", submission_id=uuid.uuid4())
    services.exchange_answer(member=offer.member, exchange=exchange, agree=True)
    return exchange


def _sum_of_lines(member: Member) -> int:
    return sum(Entry.objects.filter(member=member).values_list("minutes", flat=True))


def test_confirmed_hours_are_given_by_one_and_received_by_the_other() -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = _agreed(listing_for(giver), receiver)
    services.hours_record(member=receiver, exchange=exchange, minutes=90, note="Weeding")
    assert balance_of(giver.pk).given == 0  # nothing until the other side confirms
    services.hours_confirm(member=giver, exchange=exchange)
    assert (balance_of(giver.pk).given, balance_of(giver.pk).received) == (90, 0)
    assert (balance_of(receiver.pk).given, balance_of(receiver.pk).received) == (0, 90)
    assert balance_of(receiver.pk).balance == -90


def test_who_recorded_the_hours_cannot_confirm_them() -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = _agreed(listing_for(giver), receiver)
    services.hours_record(member=giver, exchange=exchange, minutes=60, note="")
    with pytest.raises(Refused):
        services.hours_confirm(member=giver, exchange=exchange)
    assert not Entry.objects.exists()


def test_confirming_twice_writes_the_hours_once() -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = _agreed(listing_for(giver), receiver)
    services.hours_record(member=giver, exchange=exchange, minutes=60, note="")
    services.hours_confirm(member=receiver, exchange=exchange)
    services.hours_confirm(member=receiver, exchange=exchange)
    assert Entry.objects.filter(exchange=exchange).count() == 2


def test_a_double_submission_records_one_exchange() -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    offer = listing_for(giver)
    token = uuid.uuid4()
    first = services.exchange_ask(member=receiver, listing=offer, message="Hello", submission_id=token)
    again = services.exchange_ask(member=receiver, listing=offer, message="Hello", submission_id=token)
    assert first.pk == again.pk
    assert Exchange.objects.count() == 1
    with pytest.raises(Refused):  # asked again, from a fresh form, while the first is still going
        services.exchange_ask(member=receiver, listing=offer, message="Hello?", submission_id=uuid.uuid4())


@pytest.mark.parametrize("minutes", [0, -15, 10, 12 * 60 + 15])
def test_hours_are_quarter_hours_up_to_twelve(minutes: int) -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = _agreed(listing_for(giver), receiver)
    with pytest.raises(Refused):
        services.hours_record(member=giver, exchange=exchange, minutes=minutes, note="")


def test_hours_wait_for_an_agreed_exchange() -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = services.exchange_ask(
        member=receiver, listing=listing_for(giver), message="", submission_id=uuid.uuid4()
    )
    with pytest.raises(Refused):
        services.hours_record(member=giver, exchange=exchange, minutes=60, note="")


def test_nobody_asks_about_their_own_offer_or_a_closed_one() -> None:
    giver = member_for(name="Abi")
    offer = listing_for(giver)
    with pytest.raises(Refused):
        services.exchange_ask(member=giver, listing=offer, message="", submission_id=uuid.uuid4())
    services.listing_close(member=giver, listing=offer)
    offer.refresh_from_db()
    with pytest.raises(Refused):
        services.exchange_ask(member=member_for(name="Bola"), listing=offer, message="", submission_id=uuid.uuid4())


def test_the_ledger_is_only_ever_added_to() -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    exchange = _agreed(listing_for(giver), receiver)
    services.hours_record(member=giver, exchange=exchange, minutes=60, note="")
    services.hours_confirm(member=receiver, exchange=exchange)
    entry = Entry.objects.first()
    entry.minutes = 6000
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        Entry.objects.update(minutes=1)
    with pytest.raises(AppendOnly):
        Entry.objects.all().delete()


def test_a_group_credit_comes_from_the_bank_and_adds_up_to_nothing() -> None:
    helpers = [member_for(name=name) for name in ("Abi", "Bola", "Chen")]
    token = uuid.uuid4()
    for _twice in range(2):
        services.credit_give(
            actor=UserFactory(), what="Breakfast", on=datetime.date(2026, 11, 12), minutes=120, members=helpers,
            submission_id=token,
        )  # fmt: skip
    assert [balance_of(helper.pk).given for helper in helpers] == [120, 120, 120]
    bank = Member.objects.get(kind=Member.Kind.BANK)
    assert balance_of(bank.pk).received == 360
    assert sum(Entry.objects.values_list("minutes", flat=True)) == 0


# One step of a random history: who lists, who asks, and how it ends.
STEP = st.tuples(
    st.integers(0, 3),  # the listing's member
    st.integers(0, 3),  # the asking member
    st.sampled_from(["offer", "request"]),
    st.sampled_from(["confirm", "decline", "withdraw", "record", "correct"]),
    st.integers(1, 48).map(lambda quarters: quarters * 15),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=12))
def test_balances_always_equal_the_sum_of_their_lines(steps: list[tuple[int, int, str, str, int]]) -> None:
    """Whatever happens, in whatever order: every balance is the sum of the member's lines, given and received
    are the positive and negative lines, every exchange's lines add to nothing, and only confirmed hours
    count."""
    members = [member_for(name=f"Member {index}") for index in range(4)]
    confirmed = dict.fromkeys((member.pk for member in members), 0)
    for owner, asker, kind, ending, minutes in steps:
        if owner == asker:
            continue
        listing = listing_for(members[owner], kind=kind)
        exchange = services.exchange_ask(member=members[asker], listing=listing, message="", submission_id=uuid.uuid4())
        if ending == "decline":
            services.exchange_answer(member=members[owner], exchange=exchange, agree=False)
            continue
        services.exchange_answer(member=members[owner], exchange=exchange, agree=True)
        if ending == "withdraw":
            services.exchange_withdraw(member=members[asker], exchange=exchange)
            continue
        services.hours_record(member=members[asker], exchange=exchange, minutes=minutes, note="")
        if ending == "record":
            continue  # recorded, never confirmed
        if ending == "correct":  # the other side records different hours, and the first confirms those
            minutes = max(15, minutes - 15)
            services.hours_record(member=members[owner], exchange=exchange, minutes=minutes, note="")
            services.hours_confirm(member=members[asker], exchange=exchange)
        else:
            services.hours_confirm(member=members[owner], exchange=exchange)
        exchange.refresh_from_db()
        confirmed[exchange.giver_id] += minutes
        confirmed[exchange.receiver_id] -= minutes
    for member in members:
        balance = balance_of(member.pk)
        assert balance.balance == _sum_of_lines(member)
        assert balance.balance == confirmed[member.pk]
        assert balance.given == sum(
            Entry.objects.filter(member=member, minutes__gt=0).values_list("minutes", flat=True)
        )
    assert sum(Entry.objects.values_list("minutes", flat=True)) == 0
