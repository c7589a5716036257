"""What the time bank holds about someone who is a member through their account: their membership, offers
and requests, exchanges and the hours in their ledger (``core.personal_data``). Erasing clears their name,
contact details and words and closes their listings; the ledger's hours stay, as the other members' balances
rest on them."""

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import ERASED, Held, fields_blank, held_as, messages_about, of_account
from livingwell.people.models import Person
from livingwell.timebank.models import Entry, Exchange, Listing, Member

MODELS = (Member, Listing, Exchange, Entry)


def _members(person: Person) -> QuerySet[Member]:
    return of_account(Member.objects.all(), person)


def held(person: Person) -> list[Held]:
    members = _members(person)
    exchanges = Exchange.objects.filter(Q(giver__in=members) | Q(receiver__in=members)).order_by("asked_at")
    return [
        held_as(_("Your time bank membership"), members),
        held_as(_("Your offers and requests"), Listing.objects.filter(member__in=members).order_by("created_at")),
        held_as(_("Your exchanges"), exchanges),
        held_as(
            _("Your hours"), Entry.objects.filter(member__in=members).order_by("at", "id"), leave_out=("exchange",)
        ),
        messages_about(
            _("Messages from the time bank"),
            member_id=members.values_list("pk", flat=True),
            exchange_id=exchanges.values_list("pk", flat=True),
        ),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    members = _members(person)
    exchanges = Exchange.objects.filter(Q(giver__in=members) | Q(receiver__in=members))
    return [
        ("timebank.member", fields_blank(members, "email", "phone", "about", "written_in", name=ERASED)),
        (
            "timebank.listing",
            fields_blank(Listing.objects.filter(member__in=members), "description", title=ERASED, is_open=False),
        ),
        ("timebank.exchange", fields_blank(exchanges, "message", "note")),
    ]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [Entry.objects.filter(at__gte=moment, member__user__person__isnull=False).values("member__user__person")]
