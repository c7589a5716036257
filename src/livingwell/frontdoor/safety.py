"""The safety net: words in an introduction that signal immediate risk.

A match marks the introduction urgent, puts it at the top of the duty queue, tells the duty inbox, and
shows the person crisis routes at once (hazard H-001). It is a prompt for a person to read, not a
diagnosis: it will miss some risk and flag some that is not there.
"""

import re
from collections.abc import Iterable

from django.conf import settings

# The answers the safety net reads: everything a person writes in their own words.
FREE_TEXT_FIELDS = ("in_their_words", "what_matters", "enjoys", "good_at", "would_help_other", "access_needs")
# Curly apostrophes and dashes typed on phones count as their plain forms.
_SAME = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})


def _normalised(text: str) -> str:
    return " ".join(text.translate(_SAME).casefold().split())


def risk_phrases_in(texts: Iterable[str]) -> list[str]:
    """The configured phrases found in ``texts``, each once, as whole words and ignoring case."""
    found = []
    joined = "\n".join(_normalised(text) for text in texts if text)
    for phrase in settings.LW_SAFETY_PHRASES:
        wanted = _normalised(phrase)
        if wanted and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", joined):
            found.append(phrase)
    return found
