"""The rules of co-production governance as plain functions: when meetings fall, whether a meeting is
quorate, and whose turn it is to chair. They take and return plain values, so they are tested on their own
(with hypothesis) and the services call them with what the database holds."""

import datetime
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from dateutil import rrule
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# ---------------------------------------------------------------------------------------------------------
# When meetings fall: RFC 5545 rules, worked out in local time so that 8am stays 8am across the clock change.

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_NAMES = [
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
]
ORDINALS = {
    1: gettext_lazy("first"),
    2: gettext_lazy("second"),
    3: gettext_lazy("third"),
    4: gettext_lazy("fourth"),
    -1: gettext_lazy("last"),
}


class Pattern:
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


def rule_for(pattern: str, *, weekday: int, ordinal: int) -> str:
    """The RFC 5545 RRULE (without DTSTART) for a pattern people choose from, such as "the second Thursday
    of every month" (``rule_for("monthly", weekday=3, ordinal=2)`` gives ``FREQ=MONTHLY;BYDAY=+2TH``)."""
    day = WEEKDAYS[weekday]
    if pattern == Pattern.WEEKLY:
        return f"FREQ=WEEKLY;BYDAY={day}"
    if pattern == Pattern.FORTNIGHTLY:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}"
    interval = ";INTERVAL=3" if pattern == Pattern.QUARTERLY else ""
    return f"FREQ=MONTHLY{interval};BYDAY={ordinal:+d}{day}"


def rule_in_words(rule: str) -> str:
    """A rule made by ``rule_for``, in words; other rules as they are."""
    parts = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    byday = parts.get("BYDAY", "")
    day_code = byday[-2:]
    if day_code not in WEEKDAYS[:5]:
        return rule
    day = WEEKDAY_NAMES[WEEKDAYS.index(day_code)]
    if parts.get("FREQ") == "WEEKLY":
        if parts.get("INTERVAL") == "2":
            return _("Every other %(day)s") % {"day": day}
        return _("Every %(day)s") % {"day": day}
    ordinal = ORDINALS.get(int(byday[:-2] or "1"), "")
    if parts.get("INTERVAL") == "3":
        return _("Every three months, on the %(ordinal)s %(day)s") % {"ordinal": ordinal, "day": day}
    return _("The %(ordinal)s %(day)s of every month") % {"ordinal": ordinal, "day": day}


def occurrences(rule: str, first_start: datetime.datetime, after: datetime.datetime, until: datetime.datetime):
    """The aware starts the rule gives from ``first_start``, later than ``after`` and no later than ``until``.

    The rule is applied to the local wall-clock time, then each start is made aware in the current zone.
    """
    local_first = timezone.localtime(first_start).replace(tzinfo=None)
    recurrence = rrule.rrulestr(rule, dtstart=local_first)
    local_after = timezone.localtime(after).replace(tzinfo=None)
    local_until = timezone.localtime(until).replace(tzinfo=None)
    for local in recurrence.between(local_after, local_until, inc=True):
        start = timezone.make_aware(local)
        if after < start <= until:
            yield start


# ---------------------------------------------------------------------------------------------------------
# Quorum: rules are data, "at least N of this kind of constituency" (any member when the kind is blank).


@dataclass(frozen=True)
class Shortfall:
    kind: str
    needed: int
    present: int
    also: tuple[str, ...] = ()  # other kinds counted with ``kind``

    @property
    def short_by(self) -> int:
        return self.needed - self.present


@dataclass(frozen=True)
class Quorum:
    quorate: bool
    shortfalls: tuple[Shortfall, ...]
    checks: tuple[Shortfall, ...]  # every rule, met or not, for the live display


Rule = tuple[str, int] | tuple[str, int, tuple[str, ...]]


def quorum_of(rules: Iterable[Rule], present_kinds: Iterable[str]) -> Quorum:
    """Whether the members present (by their constituency's kind) meet every rule, and which fall short. A
    rule is (kind, minimum), or (kind, minimum, other kinds counted with it); a blank kind is any member."""
    counts = Counter(present_kinds)
    total = sum(counts.values())
    checks = []
    for kind, minimum, *rest in rules:
        also = tuple(other for other in (rest[0] if rest else ()) if other != kind)
        present = sum(counts[each] for each in (kind, *also)) if kind else total
        checks.append(Shortfall(kind=kind, needed=minimum, present=present, also=also if kind else ()))
    shortfalls = tuple(check for check in checks if check.present < check.needed)
    return Quorum(quorate=not shortfalls, shortfalls=shortfalls, checks=tuple(checks))


# ---------------------------------------------------------------------------------------------------------
# A rotating chair: no sector chairs twice before every sector has chaired once.


def next_chair_sector(sectors: Sequence[str], history: Sequence[str]) -> str | None:
    """The sector whose turn it is to chair next, given the sectors that may chair now and the sectors of
    past chairs, oldest first. None when there is no sector to choose.

    The history is read in rounds: a round ends when every current sector has chaired in it. The next
    chair comes from the sectors that have not yet chaired in this round; among them, the one that chaired
    longest ago (never, first), then by the order given. Sectors no longer represented are ignored.
    """
    current = list(dict.fromkeys(sectors))
    if not current:
        return None
    in_round: set[str] = set()
    last_chaired: dict[str, int] = {}
    for position, sector in enumerate(history):
        if sector not in current:
            continue
        last_chaired[sector] = position
        in_round.add(sector)
        if in_round.issuperset(current):
            in_round = set()
    waiting = [sector for sector in current if sector not in in_round]
    return min(waiting, key=lambda sector: (last_chaired.get(sector, -1), current.index(sector)))


# ---------------------------------------------------------------------------------------------------------
# Public minutes: members are named only where they agreed.


# A title before a name says as much as the name: "Mr Hughes" is redacted with it.
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+)"


_TITLED = re.compile(rf"^{_TITLE}", re.IGNORECASE)


def _starts_sentence(text: str, at: int) -> bool:
    """Whether a sentence starts at ``at``: nothing but spaces, quotes or a bracket since a full stop."""
    index = at - 1
    while index >= 0 and text[index] in " \t\"'(":
        index -= 1
    return index < 0 or text[index] in ".!?\n:"


def redactor(names: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    """A function that replaces each person's full name (any case, with any title before it), first name
    where written with its capital, and title with surname ("Mr Hughes"), as whole words, by what stands
    ``instead`` of them. Only the names a text may hold go into the one pattern it is searched with, and each
    such pattern is compiled once: a body of 500 members costs a page little more than one of five."""
    people = []
    for name, instead in names:
        parts = tuple(" ".join(name.split()).split(" "))
        if parts[0]:
            people.append((parts, instead))
    people.sort(key=lambda person: -len(" ".join(person[0])))

    def redact_text(text: str) -> str:
        lowered = text.lower()
        present = tuple(person for person in people if any(part.lower() in lowered for part in person[0]))
        return _pattern_redactor(present)(text) if present else text

    return redact_text


@functools.lru_cache(maxsize=256)
def _pattern_redactor(people: tuple[tuple[tuple[str, ...], str], ...]) -> Callable[[str], str]:
    full: dict[str, str] = {}
    surnames: dict[str, str] = {}
    firsts: dict[str, str] = {}
    for parts, instead in people:
        full.setdefault(" ".join(parts).lower(), instead)
        if len(parts) > 1:
            surnames.setdefault(parts[-1], instead)
            if len(parts[0]) > 1:
                firsts.setdefault(parts[0], instead)
    by_length = sorted(full, key=len, reverse=True)
    alternatives = [
        "(?i:" + "|".join(rf"{_TITLE}?" + r"\s+".join(map(re.escape, each.split(" "))) for each in by_length) + ")"
    ]
    if surnames:
        alternatives.append(_TITLE + "(?:" + "|".join(map(re.escape, sorted(surnames, key=len, reverse=True))) + ")")
    if firsts:
        alternatives.append(f"{_TITLE}?(?:" + "|".join(map(re.escape, sorted(firsts, key=len, reverse=True))) + ")")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    def replacement(match: re.Match[str]) -> str:
        found = match.group(0)
        bare = _TITLED.sub("", found)
        titled = bare != found
        instead = (
            full.get(" ".join(bare.split()).lower())
            or (surnames.get(bare) if titled else None)
            or firsts.get(bare)
            or ""
        )
        # At the start of a sentence, "A member (…)", not "a member (…)".
        return instead[:1].upper() + instead[1:] if _starts_sentence(match.string, match.start()) else instead

    return lambda text: pattern.sub(replacement, text)


def redact(text: str, name: str, instead: str) -> str:
    """``text`` with one person's name replaced, as ``redactor`` does for many."""
    return redactor([(name, instead)])(text)


# He or she, written next to "a member", says who it was. Where a name is taken out, these words become
# "they" and its kin. "Her" is "their" before a word and "them" otherwise.
_PRONOUNS = {
    "he": "they",
    "she": "they",
    "him": "them",
    "his": "their",
    "hers": "theirs",
    "himself": "themselves",
    "herself": "themselves",
    "he's": "they're",
    "she's": "they're",
    "he'd": "they'd",
    "she'd": "they'd",
    "he'll": "they'll",
    "she'll": "they'll",
}
_HAS_BEFORE = {"been", "got", "had", "gone", "done", "said", "told", "asked", "made", "seen", "written", "given"}
_GENDERED = re.compile(
    r"(?<![\w'’])(he|she|him|his|hers|himself|herself|her)(?:(['’])(s|d|ll))?(?![\w'’])(?=\s*(\w*))",
    re.IGNORECASE,
)


def pronouns_neutral(text: str) -> str:
    """``text`` with he, she, his, her and their kin replaced by they, their and theirs, keeping capitals."""

    def neutral(match: re.Match[str]) -> str:
        word, apostrophe, tail, after = match.groups()
        key = f"{word}'{tail}".lower() if tail else word.lower()
        if key == "her":
            instead = "their" if after else "them"
        elif key == "his" and not after:
            instead = "theirs"
        else:
            instead = _PRONOUNS.get(key, word)
        if tail == "s" and after.lower() in _HAS_BEFORE:
            instead = "they've"  # "she's been" is "she has been"
        if tail and key in _PRONOUNS:
            instead = instead.replace("'", apostrophe)
        elif tail:
            instead = f"{instead}{apostrophe}{tail}"
        if word[0].isupper():
            instead = instead[0].upper() + instead[1:]
        return instead

    return _GENDERED.sub(neutral, text)
