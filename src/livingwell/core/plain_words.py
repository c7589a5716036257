"""The plain-words check: what in a text could be plainer (decision 0061).

It finds acronyms not spelled out the first time they are used, words from the jargon list that people keep
in the admin (``PlainWord``), each with a plainer choice, and sentences over 25 words; and it estimates the
reading age. Everything it says is a suggestion: editors see it before they publish and may publish anyway.
CI holds the public pages to it (``core/tests/test_plain_words_pages.py``).

The reading age is textstat's Automated Readability Index plus five (the index is a US school grade; a
grade's children are about five years older). The index counts letters, not syllables, so textstat never
reaches for its pronouncing dictionary, which it would download from the internet on first use.
"""

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from django.utils.translation import gettext as _

LONGEST_SENTENCE = 25
# The reading age the public pages aim at, as GOV.UK's content design does.
AIMED_READING_AGE = 9
# Below this many words an estimate says more about the formula than the text.
FEWEST_WORDS_FOR_AN_AGE = 20

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A word of two or more characters, most of whose letters are capitals: NHS, ONS4, EbE. Not "McDonald".
_ACRONYM_SHAPE = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z0-9]\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n+")
_SPELLED_OUT_AFTER = re.compile(r"\s*\(\s*[^)\s][^)]{2,}\)")  # "ONS4 (Office for National Statistics)"
# Not acronyms: postcodes ("KM1 4AB", "KM1") and references ("LW-PCQQ6T").
_CODES = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?\b|\b[A-Z0-9]+-(?:[A-Z0-9]+-?)*")


# The glossary Living Well ships: the words DESIGN.md says not to use with the ones we use instead, GOV.UK's
# words to avoid with its plainer choices, and health services' own; and the acronyms everyone knows. Loaded
# once by a migration; after that, people keep it in the admin.
SHIPPED_JARGON = {
    # DESIGN.md §2: say / not.
    "patient": "person",
    "client": "person",
    "service user": "person, or someone who uses services",
    "referral": "introduction",
    "self-referral": "introduce yourself",
    "triage": "reading what comes in and deciding who helps first",
    "case manager": "personal guide",
    "care plan": "plan",
    "onward referral": "onward introduction",
    "lay member": "Expert by Experience",
    # GOV.UK's style guide, words to avoid, and its plainer choices.
    "additional": "more, or extra",
    "approximately": "about",
    "assistance": "help",
    "commence": "start",
    "empower": "help, or let",
    "going forward": "from now on",
    "in order to": "to",
    "initiate": "start",
    "leverage": "use",
    "prior to": "before",
    "regarding": "about",
    "robust": "strong",
    "signpost": "tell someone about, or point someone to",
    "stakeholder": "the people involved",
    "streamline": "simplify",
    "sufficient": "enough",
    "utilise": "use",
    # Health and care services' own words.
    "eligibility criteria": "who it is for",
    "holistic": "about your whole life",
    "intervention": "support",
    "multi-agency": "several organisations working together",
    "cohort": "group",
    "quorate": "with enough members there to decide",
    "raw score": "score",
    "metric score": "score",
}
SHIPPED_KNOWN = ["NHS", "UK", "GP", "OK", "PDF"]


def glossary_load(model: Any) -> None:
    """Add the shipped entries that are missing (the model passed in, so a migration can call it too)."""
    model.objects.bulk_create(
        [model(words=words, kind="jargon", instead=instead) for words, instead in SHIPPED_JARGON.items()]
        + [model(words=words, kind="known") for words in SHIPPED_KNOWN],
        ignore_conflicts=True,
    )


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "acronym", "jargon" or "long_sentence"
    found: str
    advice: str


@dataclass(frozen=True)
class Reading:
    suggestions: tuple[Suggestion, ...]
    words: int
    sentences: int
    # None when the text is too short for an estimate to mean anything.
    reading_age: float | None

    @property
    def aimed_reading_age(self) -> int:
        return AIMED_READING_AGE

    @property
    def above_aimed_age(self) -> bool:
        return self.reading_age is not None and self.reading_age > AIMED_READING_AGE + 0.5


@dataclass(frozen=True)
class Glossary:
    """The jargon to avoid, each with its plainer choice, and the acronyms everyone knows."""

    instead: dict[str, str]
    known: frozenset[str]

    @functools.cached_property
    def _jargon(self) -> re.Pattern[str] | None:
        if not self.instead:
            return None
        forms = sorted((_forms(words) for words in self.instead), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)

    def jargon_in(self, text: str) -> list[tuple[str, str]]:
        """Each jargon word or phrase in ``text`` once, as written, with its plainer choice."""
        if self._jargon is None:
            return []
        found: dict[str, tuple[str, str]] = {}
        for match in self._jargon.finditer(text):
            words = _listed_as(match.group(0), self.instead)
            if words is not None and words not in found:
                found[words] = (match.group(0), self.instead[words])
        return list(found.values())


def _forms(words: str) -> str:
    """A pattern for ``words`` and its plurals and tenses: "utilise", "utilises", "utilised", "utilising"."""
    stem = re.escape(words[:-1]) if words.endswith("e") else re.escape(words)
    endings = "(?:e|es|ed|ing|er|ers)" if words.endswith("e") else "(?:s|es|ed|ing|er|ers)?"
    return r"\s+".join(stem.split(r"\ ")) + endings


def _listed_as(found: str, instead: dict[str, str]) -> str | None:
    said = " ".join(found.lower().split())
    for words in sorted(instead, key=len, reverse=True):
        if re.fullmatch(_forms(words.lower()), said):
            return words
    return None


def glossary() -> Glossary:
    """The glossary as people keep it now (one query). Never empty by accident: with no entries at all (a
    failed restore, an emptied table), the shipped glossary is used."""
    from livingwell.core.models import PlainWord

    instead: dict[str, str] = {}
    known: set[str] = set()
    for words, kind, plainer in PlainWord.objects.values_list("words", "kind", "instead"):
        if kind == PlainWord.Kind.KNOWN:
            known.add(words)
        else:
            instead[words.lower()] = plainer
    if not instead and not known:
        return Glossary(instead=dict(SHIPPED_JARGON), known=frozenset(SHIPPED_KNOWN))
    return Glossary(instead=instead, known=frozenset(known))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: each line is one at least, as headings, labels and list items are."""
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if _WORD.search(sentence)]


def _is_acronym(word: str) -> bool:
    letters = [character for character in word if character.isalpha()]
    capitals = sum(character.isupper() for character in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def _acronyms_not_spelled_out(text: str, known: frozenset[str]) -> list[str]:
    """Each acronym whose first use is neither followed by its words in brackets nor itself in brackets
    after them ("Expert by Experience (EbE)")."""
    first_uses: dict[str, bool] = {}
    text = _CODES.sub(lambda code: " " * len(code.group(0)), text)
    for match in _ACRONYM_SHAPE.finditer(text):
        word = match.group(0)
        if word in first_uses or word in known or not _is_acronym(word):
            continue
        before, after = text[: match.start()].rstrip(), text[match.end() :]
        in_brackets = before.endswith("(") and after.lstrip().startswith(")")
        first_uses[word] = in_brackets or _SPELLED_OUT_AFTER.match(after) is not None
    return [word for word, spelled_out in first_uses.items() if not spelled_out]


def reading_age(prose: str) -> float:
    """The reading age of ``prose`` whose every sentence ends in a full stop, question or exclamation mark."""
    import textstat  # slow to import (nltk): only where a text is read

    return round(float(textstat.automated_readability_index(prose)) + 5, 1)


def read(text: str, words: Glossary | None = None) -> Reading:
    """What could be plainer in ``text``, and its estimated reading age."""
    words = words if words is not None else glossary()
    found: list[Suggestion] = [
        Suggestion(
            "acronym",
            acronym,
            _("Spell out “%(acronym)s” the first time you use it, or use plain words instead.") % {"acronym": acronym},
        )
        for acronym in _acronyms_not_spelled_out(text, words.known)
    ]
    found += [
        Suggestion("jargon", said, _("Try “%(plainer)s” instead of “%(said)s”.") % {"plainer": plainer, "said": said})
        for said, plainer in words.jargon_in(text)
    ]
    split = sentences(text)
    for sentence in split:
        count = len(_WORD.findall(sentence))
        if count > LONGEST_SENTENCE:
            opening = " ".join(sentence.split()[:8])
            found.append(
                Suggestion(
                    "long_sentence",
                    sentence,
                    _(
                        "The sentence starting “%(opening)s…” has %(count)s words. Sentences of %(most)s words "
                        "or fewer are easier to read: could it be two?"
                    )
                    % {"opening": opening, "count": count, "most": LONGEST_SENTENCE},
                )
            )
    prose = " ".join(sentence if sentence[-1] in ".!?" else f"{sentence}." for sentence in split)
    total = len(_WORD.findall(prose))
    age = reading_age(prose) if total >= FEWEST_WORDS_FOR_AN_AGE else None
    return Reading(suggestions=tuple(found), words=total, sentences=len(split), reading_age=age)


def read_texts(*texts: str, words: Glossary | None = None) -> Reading:
    """What could be plainer in several texts published together (a listing's fields, say)."""
    return read("\n".join(text for text in texts if text), words)


class _MainText(HTMLParser):
    """The words a person reads in a page's ``<main>``, one block to a line."""

    BLOCKS = frozenset(
        {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "th", "td", "caption", "legend", "label"}
        | {"button", "summary", "div", "br", "option", "title"}
    )
    SKIPPED = frozenset({"script", "style", "template", "select", "textarea"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        elif tag in self.SKIPPED:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1
        elif tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.parts.append(data)


def main_text(html: str) -> str:
    """The text of a page's ``<main>`` as a person reads it, a line to each heading, paragraph or item."""
    parser = _MainText()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
