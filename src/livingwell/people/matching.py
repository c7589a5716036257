"""Finding people already known: the same person, typed a little differently.

Each record is reduced to ``Facts``: a name, a date of birth, a phone key and an email key. Candidates
come from the database by exact phone or email, or by any date of birth one typing slip away; each is
then compared here, tolerant of typos. Two of the three signals (contact details, date of birth, name)
make a possible match. The duty worker decides; nothing is ever linked automatically.
"""

import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from django.apps.registry import Apps
from django.db.models import Q
from django.utils.translation import gettext as _
from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

PHONE_DIGITS = 10  # a UK number without its leading 0 or +44
EARLIEST_BIRTH_YEAR = 1900
NAMES_ALIKE_SCORE = 85
EMAIL_SLIPS = 2
PHONE_SLIPS = 1


class HasContactDetails(Protocol):
    phone: str
    email: str
    phone_key: str
    email_key: str


class Matchable(Protocol):
    preferred_name: str
    date_of_birth: datetime.date | None
    phone_key: str
    email_key: str


def phone_key(phone: str) -> str:
    """The last ten digits, so that 07700 900982, +44 7700 900982 and 07700900982 are the same."""
    digits = re.sub(r"\D", "", phone)
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else ""


def email_key(email: str) -> str:
    return email.strip().lower()


def contact_keys_set(record: HasContactDetails, save_kwargs: dict[str, Any]) -> None:
    """Before a save: work out the record's contact keys, and save them with the details they come from."""
    record.phone_key = phone_key(record.phone)
    record.email_key = email_key(record.email)
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and {"phone", "email"} & set(update_fields):
        save_kwargs["update_fields"] = {*update_fields, "phone_key", "email_key"}


def contact_keys_filler(app_label: str, model_name: str) -> Callable[[Apps, Any], None]:
    """A data migration's step: work out the contact keys of records saved before there were keys."""

    def fill(apps: Apps, schema_editor: Any) -> None:
        model = apps.get_model(app_label, model_name)
        for record in model.objects.only("pk", "phone", "email").iterator(chunk_size=2000):
            model.objects.filter(pk=record.pk).update(
                phone_key=phone_key(record.phone), email_key=email_key(record.email)
            )

    return fill


def date_of_birth_variants(born: datetime.date) -> set[datetime.date]:
    """The date itself and every real date one typing slip away from it.

    A slip is one digit changed, two neighbouring digits swapped, or the day and month swapped.
    """
    typed = born.strftime("%d%m%Y")
    spellings = {typed, born.strftime("%m%d%Y")}
    for at in range(len(typed)):
        spellings.update(typed[:at] + digit + typed[at + 1 :] for digit in "0123456789")
        if at + 1 < len(typed):
            spellings.add(typed[:at] + typed[at + 1] + typed[at] + typed[at + 2 :])
    dates = set()
    for spelling in spellings:
        try:
            date = datetime.date(int(spelling[4:]), int(spelling[2:4]), int(spelling[:2]))
        except ValueError:
            continue
        if date.year >= EARLIEST_BIRTH_YEAR:
            dates.add(date)
    return dates


class Closeness(StrEnum):
    SAME = "same"
    NEAR = "near"
    DIFFERENT = "different"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Facts:
    name: str
    date_of_birth: datetime.date | None
    phone_key: str
    email_key: str

    @classmethod
    def of(cls, record: Matchable) -> "Facts":
        return cls(record.preferred_name, record.date_of_birth, record.phone_key, record.email_key)

    def candidates(self) -> Q | None:
        """The filter that finds every record that could match, or None when there is nothing to go on."""
        terms = Q()
        if self.phone_key:
            terms |= Q(phone_key=self.phone_key)
        if self.email_key:
            terms |= Q(email_key=self.email_key)
        if self.date_of_birth:
            terms |= Q(date_of_birth__in=sorted(date_of_birth_variants(self.date_of_birth)))
        return terms or None


def _text_closeness(one: str, other: str, *, slips: int) -> Closeness:
    if not one or not other:
        return Closeness.UNKNOWN
    if one == other:
        return Closeness.SAME
    if DamerauLevenshtein.distance(one, other, score_cutoff=slips) <= slips:
        return Closeness.NEAR
    return Closeness.DIFFERENT


def _date_closeness(one: datetime.date | None, other: datetime.date | None) -> Closeness:
    if one is None or other is None:
        return Closeness.UNKNOWN
    if one == other:
        return Closeness.SAME
    if other in date_of_birth_variants(one):
        return Closeness.NEAR
    return Closeness.DIFFERENT


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def names_alike(one: str, other: str) -> bool:
    """The same name give or take a typo, accents, order, or a short form (Sam, Samira)."""
    one, other = _plain(one), _plain(other)
    if not one or not other:
        return False
    first, second = one.split()[0], other.split()[0]
    if min(len(first), len(second)) >= 3 and (first.startswith(second) or second.startswith(first)):
        return True
    return fuzz.token_set_ratio(one, other) >= NAMES_ALIKE_SCORE


@dataclass(frozen=True)
class Likeness:
    date_of_birth: Closeness
    phone: Closeness
    email: Closeness
    name_alike: bool

    @property
    def contact_alike(self) -> bool:
        return self.phone in (Closeness.SAME, Closeness.NEAR) or self.email in (Closeness.SAME, Closeness.NEAR)

    @property
    def born_alike(self) -> bool:
        return self.date_of_birth in (Closeness.SAME, Closeness.NEAR)

    @property
    def signals(self) -> int:
        return sum([self.contact_alike, self.born_alike, self.name_alike])

    @property
    def is_possible(self) -> bool:
        return self.signals >= 2

    def reasons(self) -> list[str]:
        """Why it may be the same person, and what differs, in the duty worker's words."""
        said = {
            ("date_of_birth", Closeness.SAME): _("Same date of birth"),
            ("date_of_birth", Closeness.NEAR): _("Date of birth one typing slip apart"),
            ("date_of_birth", Closeness.DIFFERENT): _("Different date of birth"),
            ("phone", Closeness.SAME): _("Same phone number"),
            ("phone", Closeness.NEAR): _("Phone number one digit apart"),
            ("email", Closeness.SAME): _("Same email address"),
            ("email", Closeness.NEAR): _("Email address nearly the same"),
        }
        compared = (("date_of_birth", self.date_of_birth), ("phone", self.phone), ("email", self.email))
        reasons = [said[key] for key in compared if key in said]
        reasons.append(_("Similar name") if self.name_alike else _("Different name"))
        return reasons


def likeness(one: Facts, other: Facts) -> Likeness:
    return Likeness(
        date_of_birth=_date_closeness(one.date_of_birth, other.date_of_birth),
        phone=_text_closeness(one.phone_key, other.phone_key, slips=PHONE_SLIPS),
        email=_text_closeness(one.email_key, other.email_key, slips=EMAIL_SLIPS),
        name_alike=names_alike(one.name, other.name),
    )
