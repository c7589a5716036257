"""The safety net as the rest of the platform uses it: the lexicon kept in the database, matched."""

import functools
from collections.abc import Iterable

from livingwell.safety.lexicon import DEFAULT_LEXICON
from livingwell.safety.matching import Entry, Lexicon, Risk
from livingwell.safety.models import LexiconEntry


@functools.lru_cache(maxsize=4)
def _lexicon(entries: tuple[Entry, ...]) -> Lexicon:
    return Lexicon(entries)


def lexicon_current() -> Lexicon:
    """The lexicon as the clinical lead keeps it now: one query, compiled once per version.

    The net is never empty by accident: with no entries at all (a failed restore, a truncated table), the
    shipped lexicon is in force. Entries switched off still count, so switching off is always honoured.
    """
    rows = list(LexiconEntry.objects.order_by("category", "pattern").values_list("pattern", "category", "active"))
    if not rows:
        return _lexicon(tuple(Entry(pattern, category) for pattern, category, _note in DEFAULT_LEXICON))
    return _lexicon(tuple(Entry(pattern, category) for pattern, category, active in rows if active))


def risk_in(texts: Iterable[str]) -> Risk:
    """What the safety net finds in ``texts``: a prompt for a person to read, never a diagnosis (H-001)."""
    return lexicon_current().risk_in(texts)
