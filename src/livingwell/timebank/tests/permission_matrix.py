"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``.

Anyone may join the time bank, whatever their role: in these tests the person (someone the network supports)
and the peer supporter (a volunteer, whom it does not) are members, in an exchange with each other; the
provider editor acts for the organisation that runs the bank, so coordinates it with administrators."""

import uuid

from livingwell.accounts.models import Role, User
from livingwell.core.tests.matrix import PUBLIC, SIGNED_IN, Kwargs, Who
from livingwell.directory.tests.factories import OrganizationFactory
from livingwell.timebank.models import Bank, Exchange, Member
from livingwell.timebank.shipped import BANK_ID
from livingwell.timebank.tests.factories import listing_for, member_for

# The two members of the test exchange.
IN_THE_EXCHANGE = frozenset({Role.PERSON, Role.PEER_SUPPORTER})
# Whoever added the test offer.
OWNS_THE_OFFER = frozenset({Role.PERSON})
COORDINATORS = frozenset({Role.PROVIDER_EDITOR, Role.ADMINISTRATOR})


def _test_user(role: Role) -> User | None:
    return User.objects.filter(username=f"test-{role.value}").first()


def _coordinated() -> dict[str, object]:
    """The bank run by an organisation the test provider editor acts for."""
    organization = OrganizationFactory()
    Bank.objects.filter(pk=BANK_ID).update(organization=organization)
    editor = _test_user(Role.PROVIDER_EDITOR)
    if editor is not None:
        editor.organisations.add(organization)
    return {}


def _member(role: Role) -> Member:
    return member_for(_test_user(role), name=str(role.label))


def _offer_kwargs() -> dict[str, object]:
    return {"listing_id": listing_for(_member(Role.PERSON)).pk}


def _exchange_kwargs() -> dict[str, object]:
    _coordinated()
    offer = listing_for(_member(Role.PERSON))
    asker = _member(Role.PEER_SUPPORTER)
    exchange = Exchange.objects.create(
        listing=offer, giver=offer.member, receiver=asker, asked_by=asker, submission_id=uuid.uuid4()
    )
    return {"exchange_id": exchange.pk}


def _member_kwargs() -> dict[str, object]:
    _coordinated()
    return {"member_id": member_for(name="Someone").pk}


MATRIX: dict[str, Who] = {
    # What the time bank is, its offers and requests without names, its code of conduct, asking to join.
    "timebank:home": PUBLIC,
    "timebank:conduct": PUBLIC,
    "timebank:join": PUBLIC,
    "timebank:asked": PUBLIC,
    "timebank:listing": PUBLIC,
    # Anyone signed in may join, and then use the time bank (a user who has not joined is sent to join).
    "timebank:member_join": SIGNED_IN,
    "timebank:mine": SIGNED_IN,
    "timebank:leave": SIGNED_IN,
    "timebank:listing_new": SIGNED_IN,
    "timebank:ask": SIGNED_IN,
    "timebank:listing_close": OWNS_THE_OFFER,
    # An exchange: the two members in it, and the coordinator (who reads, and changes nothing).
    "timebank:exchange": IN_THE_EXCHANGE | COORDINATORS,
    "timebank:exchange_answer": IN_THE_EXCHANGE,
    "timebank:exchange_withdraw": IN_THE_EXCHANGE,
    "timebank:hours_record": IN_THE_EXCHANGE,
    "timebank:hours_confirm": IN_THE_EXCHANGE,
    "timebank:exchange_connect": IN_THE_EXCHANGE,
    # The coordinator's screens.
    "timebank:coordinate": COORDINATORS,
    "timebank:member": COORDINATORS,
    "timebank:welcome": COORDINATORS,
    "timebank:nudge": COORDINATORS,
    "timebank:credit": COORDINATORS,
}

KWARGS: dict[str, Kwargs] = {
    "timebank:listing": _offer_kwargs,
    "timebank:ask": _offer_kwargs,
    "timebank:listing_close": _offer_kwargs,
    "timebank:exchange": _exchange_kwargs,
    "timebank:exchange_answer": _exchange_kwargs,
    "timebank:exchange_withdraw": _exchange_kwargs,
    "timebank:hours_record": _exchange_kwargs,
    "timebank:hours_confirm": _exchange_kwargs,
    "timebank:exchange_connect": _exchange_kwargs,
    "timebank:coordinate": _coordinated,
    "timebank:credit": _coordinated,
    "timebank:member": _member_kwargs,
    "timebank:welcome": _member_kwargs,
    "timebank:nudge": _member_kwargs,
}

POST_ONLY: set[str] = {
    "timebank:ask",
    "timebank:listing_close",
    "timebank:exchange_answer",
    "timebank:exchange_withdraw",
    "timebank:hours_record",
    "timebank:hours_confirm",
    "timebank:exchange_connect",
    "timebank:welcome",
    "timebank:nudge",
}
