"""The person's own introductions, on their "Your details" page."""

from collections.abc import Mapping

from livingwell.accounts.models import User
from livingwell.frontdoor.access import access_own_introductions_for
from livingwell.people.own_page import OwnSection


def _introductions(user: User) -> Mapping[str, object]:
    return {"introductions": access_own_introductions_for(user)}


INTRODUCTIONS = OwnSection("frontdoor/_own_introductions.html", _introductions)
