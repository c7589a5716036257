"""The time bank's figures: members, members who gave or received, hours exchanged month by month, and the
share who both gave and received, suppressed where the members they come from are few."""

import datetime
import uuid
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.timebank import services
from livingwell.timebank.models import Entry, Exchange, Member
from livingwell.timebank.tests.factories import listing_for, member_for

pytestmark = pytest.mark.django_db

LONDON = timezone.get_default_timezone()


def _joined(name: str, on: datetime.datetime) -> Member:
    member = member_for(name=name)
    Member.objects.filter(pk=member.pk).update(joined_at=on)
    return member


def _exchanged(giver: Member, receiver: Member, minutes: int, at: datetime.datetime) -> None:
    offer = listing_for(giver)
    exchange = Exchange.objects.create(
        listing=offer, giver=giver, receiver=receiver, asked_by=receiver, status="confirmed", minutes=minutes,
        recorded_by=giver, submission_id=uuid.uuid4(),
    )  # fmt: skip
    Entry.objects.bulk_create(
        [Entry(member=giver, minutes=minutes, at=at, exchange=exchange),
         Entry(member=receiver, minutes=-minutes, at=at, exchange=exchange)]
    )  # fmt: skip


def test_months_of_the_time_bank_counted_and_suppressed(signed_in_client: Callable[[Role], Client]) -> None:
    january = datetime.datetime(2026, 1, 10, 12, tzinfo=LONDON)
    members = [_joined(f"Member {n}", january - datetime.timedelta(days=30)) for n in range(8)]
    newcomers = [_joined(f"Newcomer {n}", datetime.datetime(2026, 2, 2, tzinfo=LONDON)) for n in range(5)]
    # January: 8 members exchange, each gives to the next, so all 8 both give and receive: 8 hours.
    for n in range(8):
        _exchanged(members[n], members[(n + 1) % 8], 60, january)
    # The group credit's other side, the bank's own account, is never counted as a member.
    services.credit_give(actor=UserFactory(), what="Breakfast", on=datetime.date(2026, 1, 20), minutes=60,
                         members=members[:5], submission_id=uuid.uuid4())  # fmt: skip
    # February: five newcomers each receive an hour and a half, and give nothing.
    for newcomer in newcomers:
        _exchanged(members[0], newcomer, 90, datetime.datetime(2026, 2, 25, tzinfo=LONDON))
    # March: just two members: too few to show their hours.
    _exchanged(members[1], members[2], 60, datetime.datetime(2026, 3, 3, tzinfo=LONDON))
    page = signed_in_client(Role.ANALYST).get("/figures/time-bank/", {"start": "2026-01", "end": "2026-03"})
    text = page.content.decode()
    rows = [row.split("</tr>")[0] for row in text.split('<th scope="row" class="govuk-table__header">')[1:]]
    assert ">8<" in rows[0]  # members at the end of January
    assert "13.0" in rows[0]  # 8 hours exchanged and 5 credited
    assert ">13<" in rows[1]
    assert ">6<" in rows[1]  # the giver and the five newcomers
    assert "7.5" in rows[1]
    assert "not shown: fewer than 5 members" in rows[2]
    assert text.split('id="active"')[1].split("</dd>")[0].strip("> \n") == "13"
    both = text.split('id="both"')[1].split("</dd>")[0]
    assert "8 (62%)" in both  # 8 of the 13 who gave or received did both
    assert AuditEvent.objects.filter(action="aggregate", record_type="insight.time_bank").exists()


def test_a_small_time_bank_hides_its_share(signed_in_client: Callable[[Role], Client]) -> None:
    giver, receiver = member_for(name="Abi"), member_for(name="Bola")
    _exchanged(giver, receiver, 60, timezone.now())
    today = timezone.localdate()
    page = signed_in_client(Role.ANALYST).get(
        "/figures/time-bank/", {"start": f"{today:%Y-%m}", "end": f"{today:%Y-%m}"}
    )
    both = page.content.decode().split('id="both"')[1].split("</dd>")[0]
    assert "not shown" in both
    assert "fewer than 5" in page.content.decode().split('id="active"')[1].split("</dd>")[0]


def test_who_both_gave_and_received_is_hidden_when_the_rest_could_be_worked_out(
    signed_in_client: Callable[[Role], Client],
) -> None:
    """Eight both gave and received and one only received: showing 8 of 9 would point at that one."""
    members = [member_for(name=f"Member {n}") for n in range(9)]
    now = timezone.now()
    for n in range(8):
        _exchanged(members[n], members[(n + 1) % 8], 60, now)
    _exchanged(members[0], members[8], 60, now)
    today = timezone.localdate()
    page = signed_in_client(Role.ANALYST).get(
        "/figures/time-bank/", {"start": f"{today:%Y-%m}", "end": f"{today:%Y-%m}"}
    )
    both = page.content.decode().split('id="both"')[1].split("</dd>")[0]
    assert "8" not in both
    assert "not shown" in both
