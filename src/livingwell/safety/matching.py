"""The safety net: finding words of immediate risk in what a person writes, however they write it.

Text is first put into one plain form: any case, curly or missing apostrophes ("can't", "cant"), hyphens
and spaces inside words ("self-harm", "self harm", "selfharm"), letters held down ("dieeee"), common
text-speak ("u", "wanna", "every1") and one-slip typos of the lexicon's own long words ("sucide",
"overdsoe"). Each lexicon entry is then a small pattern, written by the clinical lead:

- words in order, each a whole word: ``want to die``; neighbouring words may also be written as one;
- ``a|b`` either word: ``kill|end my life``; ``a_b`` the words a and b together, as one choice:
  ``better_off|rather_be dead``;
- ``word~`` the word and its forms: ``end~`` is end, ends, ended, ending, endin;
- ``word*`` any word starting so: ``suicid*``;
- ``[word]`` a word that may be left out: ``[i] want to die``;
- ``...`` up to four other words between: ``end ... life``;
- ``#`` a number, in figures or words: ``took # tablets``.

A match is a prompt for a person to read, not a diagnosis (hazard H-001).
"""

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from livingwell.safety.categories import RiskCategory
from livingwell.safety.marks import marks_class

EXCEPTION = RiskCategory.EXCEPTION.value

# Up to this many other words may stand where a pattern says "...".
GAP = "..."
GAP_WORDS = 4
# Words this long or longer may have a space typed inside them ("over dose", "my self").
SPLITTABLE_LENGTH = 5
# Text words this long or longer are checked for a one-slip typo of a lexicon word of the same length or more.
TYPO_LENGTH = 6

# Where every pattern begins: at a word's start in a line of plain words.
WORD_START = r"(?<![^ ])"
_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc\u0060\u00b4]")
_HELD_LETTERS = re.compile(r"([a-z])\1{2,}")
_NUMBER = r"(?:[0-9]+|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|dozen|dozens)"


# A word: letters and numbers, with the marks that belong to them ("আত্মহত্যা" is one word).
_WORDS = re.compile(rf"(?:[^\W_]|[{marks_class()}])+")
# Real words one slip away from a lexicon word, never "corrected" to it.
NEVER_CORRECTED = frozenset({"overdoes", "scarred", "bride"})

# How people write on phones, in the plain words the lexicon uses. Apostrophes are gone by now.
TEXT_SPEAK = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "r": "are",
    "wanna": "want to",
    "wana": "want to",
    "wantto": "want to",
    "gonna": "going to",
    "gna": "going to",
    "gunna": "going to",
    "gotta": "got to",
    "wnt": "want",
    "wnna": "want to",
    "wanta": "want to",
    "2": "to",
    "tryna": "trying to",
    "cnt": "cant",
    "carnt": "cant",
    "dnt": "dont",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "every1": "everyone",
    "any1": "anyone",
    "some1": "someone",
    "no1": "no one",
    "noone": "no one",
    "meself": "myself",
    "maself": "myself",
    "mysel": "myself",
    "myslef": "myself",
    "myslf": "myself",
    "mself": "myself",
    "wiv": "with",
    "tha": "the",
    "nd": "and",
    "n": "and",
    "rn": "right now",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "2night": "tonight",
    "4ever": "forever",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "wen": "when",
    "wat": "what",
    "wot": "what",
    "abt": "about",
    "bout": "about",
    "jus": "just",
    "juss": "just",
    "kno": "know",
    "kinda": "kind of",
    "sorta": "sort of",
    "outta": "out of",
    "lemme": "let me",
    "gimme": "give me",
    "ppl": "people",
    "sum1": "someone",
}


class PatternError(ValueError):
    """A lexicon pattern that cannot be read."""


@dataclass(frozen=True)
class Entry:
    """One lexicon entry, as the matcher needs it."""

    pattern: str
    category: str


@dataclass
class Risk:
    """What the safety net found: the categories (in lexicon order) and the words that showed them."""

    categories: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.categories)


def _forms(word: str) -> list[str]:
    """A word and its common forms: end → ends, ended, ending, endin; overdose → overdosed, overdosing."""
    if word.endswith("e"):
        stem = word[:-1]
        return [word, word + "s", word + "d", stem + "ing", stem + "in"]
    forms = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "in"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms += [word + word[-1] + "ed", word + word[-1] + "ing", word + word[-1] + "in"]  # cut → cutting
    return forms


def _spelt(words: list[str]) -> str:
    """Literal words as a regular expression, allowing a space typed inside a long word, or none between."""
    return " ?".join(
        re.escape(word) if len(word) < SPLITTABLE_LENGTH else " ?".join(re.escape(letter) for letter in word)
        for word in words
    )


def _token_regex(token: str) -> str:
    alternatives = []
    for word in token.split("|"):
        if not word:
            raise PatternError(f"an empty choice in {token!r}")
        if word == "#":
            alternatives.append(_NUMBER)
        elif word.endswith("~"):
            *before, last = _plain(word[:-1])
            alternatives += [_spelt([*before, form]) for form in _forms(last)]
        elif word.endswith("*"):
            alternatives.append(_spelt(_plain(word[:-1])) + r"[^ ]*")
        else:
            alternatives.append(_spelt(_plain(word)))
    return "(?:" + "|".join(alternatives) + ")"


def _plain(word: str) -> list[str]:
    words = normalised_words(word.replace("_", " "))
    if not words:
        raise PatternError(f"{word!r} has no letters or numbers")
    return words


def spelt_words(pattern: str) -> tuple[set[str], set[str], set[str]]:
    """The words a pattern spells out whole, the other forms its ``~`` gives, and the beginnings it gives
    with ``*``: typos are corrected to the first and the last, and the forms are left as they are. Read as
    ``pattern_regex`` reads the pattern, which has already refused one it cannot read."""
    words: set[str] = set()
    forms: set[str] = set()
    beginnings: set[str] = set()
    for token in pattern.replace("\u2026", f" {GAP} ").split():
        for word in token.strip("[]").split("|"):
            if word in (GAP, "#"):
                continue
            if word.endswith("*"):
                beginnings.update(_plain(word[:-1]))
            elif word.endswith("~"):
                *before, last = _plain(word[:-1])
                words.update([*before, last])
                forms.update(_forms(last))
            else:
                words.update(_plain(word))
    return words, forms, beginnings


def _one_slip(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter dropped, one added or two neighbours swapped,
    never at its first or last letter (where "blade" and "blades" differ, or "cut" and "gut")."""
    if abs(len(word) - len(target)) > 1 or word[0] != target[0] or word[-1] != target[-1]:
        return False
    if len(word) == len(target):
        differ = [at for at in range(len(word)) if word[at] != target[at]]
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and word[differ[0]] == target[differ[1]]
            and word[differ[1]] == target[differ[0]]
        )
    longer, shorter = (word, target) if len(word) > len(target) else (target, word)
    return any(longer[:at] + longer[at + 1 :] == shorter for at in range(1, len(longer) - 1))


@functools.lru_cache(maxsize=4096)
def pattern_regex(pattern: str) -> re.Pattern[str]:
    """A lexicon pattern as a regular expression over normalised text. Raises PatternError if unreadable."""
    tokens = pattern.replace("\u2026", f" {GAP} ").split()
    if not tokens or all(token == GAP for token in tokens):
        raise PatternError("a pattern needs at least one word")
    parts: list[str] = []
    gap = False
    for token in tokens:
        if token == GAP:
            gap = True
            continue
        optional = token.startswith("[") and token.endswith("]")
        word = _token_regex(token[1:-1] if optional else token)
        separator = "" if not parts else (rf"(?: [^ ]+){{0,{GAP_WORDS}}} " if gap else " ?")
        parts.append(f"(?:{separator}{word})?" if optional else separator + word)
        gap = False
    try:
        return re.compile(WORD_START + "".join(parts) + r"(?![^ ])")
    except re.error as error:  # pragma: no cover - every token is escaped; kept as a guard
        raise PatternError(str(error)) from error


def _any_of(regexes: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One expression that matches a line where any of ``regexes`` would (at the first place one would): each
    begins at a word's start, said once for all. None has groups of its own to be numbered apart."""
    if not regexes:
        return re.compile(r"(?!)")  # nothing to find
    if not all(regex.pattern.startswith(WORD_START) for regex in regexes):
        return re.compile("|".join(f"(?:{regex.pattern})" for regex in regexes))
    bodies = [regex.pattern.removeprefix(WORD_START) for regex in regexes]
    return re.compile(WORD_START + "(?:" + "|".join(f"(?:{body})" for body in bodies) + ")")


def normalised_words(text: str) -> list[str]:
    """``text`` as plain lower-case words, with apostrophes, punctuation and text-speak made plain."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _HELD_LETTERS.sub(r"\1", _APOSTROPHES.sub("", text))
    words: list[str] = []
    for word in _WORDS.findall(text):
        words.extend(TEXT_SPEAK.get(word, word).split())
    return words


class Lexicon:
    """A set of entries made ready to match: each pattern compiled once, and the words to correct typos to."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.exceptions = [pattern_regex(entry.pattern) for entry in entries if entry.category == EXCEPTION]
        self.entries = [(entry, pattern_regex(entry.pattern)) for entry in entries if entry.category != EXCEPTION]
        words: set[str] = set()
        forms: set[str] = set()
        beginnings: set[str] = set()
        for entry in entries:
            spelt, formed, begun = spelt_words(entry.pattern)
            words |= spelt
            forms |= formed
            beginnings |= begun
        self._any = _any_of([regex for _entry, regex in self.entries])
        self._known = words | forms
        self._long_words = sorted(word for word in words if len(word) >= TYPO_LENGTH + 1)
        self._beginnings = sorted(beginning for beginning in beginnings if len(beginning) >= TYPO_LENGTH)

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - a lexicon lives as long as its entries are unchanged
    def _corrected(self, word: str) -> str:
        """A one-slip typo of a long lexicon word, or of a word's beginning, as the lexicon spells it.
        Never a different letter in its place: "burying" must not become "burning"."""
        if len(word) < TYPO_LENGTH or word in self._known or word in NEVER_CORRECTED:
            return word
        for target in self._long_words:
            if _one_slip(word, target):
                return target
        for beginning in self._beginnings:
            if word.startswith(beginning):
                return word
            size = len(beginning)
            # The same slip within the word's first letters; a stand-in last letter lets the slip reach
            # the end of the beginning ("sucid|al" is "suicid|al").
            for end in (size - 1, size, size + 1):
                if end < len(word) and _one_slip(word[:end] + "\0", beginning + "\0"):
                    return beginning + word[end:]
        return word

    def plain(self, texts: Iterable[str]) -> list[str]:
        """Each text as one line of plain words, typos corrected and exceptions blanked out."""
        lines = []
        for text in texts:
            line = " ".join(self._corrected(word) for word in normalised_words(text or ""))
            for exception in self.exceptions:
                line = exception.sub("_", line)
            lines.append(line)
        return lines

    def risk_in(self, texts: Iterable[str]) -> Risk:
        """Every category the texts show, and the words (as normalised) that showed each, each once."""
        # A line that no entry matches is read once, not once for each entry: most lines are such.
        return self.found_in([line for line in self.plain(texts) if self._any.search(line)])

    def found_in(self, lines: Sequence[str]) -> Risk:
        """What the entries find in lines of plain words, each entry read against each line in turn."""
        risk = Risk()
        for entry, regex in self.entries:
            for line in lines:
                match = regex.search(line)
                if match is None:
                    continue
                if entry.category not in risk.categories:
                    risk.categories.append(entry.category)
                if match.group(0) not in risk.phrases:
                    risk.phrases.append(match.group(0))
                break
        return risk
