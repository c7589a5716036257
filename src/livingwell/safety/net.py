"""The safety net as the rest of the platform uses it: the lexicon kept in the database, matched."""

import functools
import logging
import math
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction

from livingwell.safety.lexicon import DEFAULT_LEXICON
from livingwell.safety.matching import Entry, Lexicon, Risk
from livingwell.safety.models import LexiconEntry

# Which version of the lexicon is in force, in the shared cache: changed whenever an entry is saved or deleted,
# so that every process reads the new lexicon at its next use. Each process keeps the one it read, and asks the
# database again after LW_LEXICON_TRUSTED_SECONDS even when the version is the same, so that a change made
# without the model (SQL, a restore) is in force within that long.
VERSION_KEY = "safety:lexicon-version"
logger = logging.getLogger(__name__)


@dataclass
class _Held:
    version: str = ""
    read_at: float = -math.inf
    lexicon: Lexicon | None = None


_held = _Held()


@functools.lru_cache(maxsize=4)
def _lexicon(rows: tuple[tuple[str, str, bool], ...]) -> Lexicon:
    if not rows:
        return Lexicon(tuple(Entry(pattern, category) for pattern, category, _note in DEFAULT_LEXICON))
    return Lexicon(tuple(Entry(pattern, category) for pattern, category, active in rows if active))


def _lexicon_read() -> Lexicon:
    """The lexicon in the database: one query, compiled once per version.

    The net is never empty by accident: with no entries at all (a failed restore, a truncated table), the
    shipped lexicon is in force. Entries switched off still count, so switching off is always honoured.
    """
    return _lexicon(
        tuple(LexiconEntry.objects.order_by("category", "pattern").values_list("pattern", "category", "active"))
    )


def lexicon_current() -> Lexicon:
    """The lexicon as the clinical lead keeps it now (decision 0055): this process's copy while the shared
    cache says it is still the one in force, else read again."""
    version = cache.get(VERSION_KEY)
    now = time.monotonic()
    trusted = now - _held.read_at < settings.LW_LEXICON_TRUSTED_SECONDS
    if version is not None and version == _held.version and trusted and _held.lexicon is not None:
        return _held.lexicon
    lexicon = _lexicon_read()
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            return lexicon  # changed while it was read: keep nothing, read again next time
    _held.version, _held.read_at, _held.lexicon = version, now, lexicon
    return lexicon


def lexicon_warm() -> None:
    """Compile the lexicon now, ahead of the first words to be read (a web server process starting)."""
    try:
        lexicon_current()
    except DatabaseError:
        logger.warning("The safety net's lexicon could not be read ahead: the first words read will read it")


def lexicon_changed() -> None:
    """Every process reads the lexicon again at its next use: at once, and again once the change is committed
    (a process that read it in between read the old one)."""

    def bump() -> None:
        try:
            cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        except Exception:
            logger.warning("the safety net's lexicon changed, but the shared cache could not be told")

    bump()
    transaction.on_commit(bump)


def risk_in(texts: Iterable[str]) -> Risk:
    """What the safety net finds in ``texts``: a prompt for a person to read, never a diagnosis (H-001)."""
    return lexicon_current().risk_in(texts)
