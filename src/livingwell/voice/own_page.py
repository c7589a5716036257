"""The experience-of-support survey offered on the person's own account, on their "Your details" page."""

from collections.abc import Mapping

from livingwell.accounts.models import User
from livingwell.people.own_page import OwnSection
from livingwell.voice.experience import offers_open_for


def _offers(user: User) -> Mapping[str, object]:
    return {"experience_offers": offers_open_for(user)}


EXPERIENCE = OwnSection("voice/_own_experience.html", _offers)
