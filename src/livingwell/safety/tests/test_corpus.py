"""The safety net against the corpus: how people write about risk, and what they write that is not risk.

The corpus (``corpus/``) was written from how people write, not from the patterns. The lexicon tested is
the one the migration ships, read from the database as the front door reads it.
"""

from pathlib import Path

import pytest

from livingwell.safety.categories import RiskCategory
from livingwell.safety.net import lexicon_current, risk_in

CORPUS = Path(__file__).parent / "corpus"
RISKS = [RiskCategory.SUICIDE, RiskCategory.SELF_HARM, RiskCategory.HARM_TO_OTHERS, RiskCategory.UNSAFE_AT_HOME]


def _texts(name: str) -> list[str]:
    lines = (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_the_corpus_is_big_enough_to_mean_something() -> None:
    assert sum(len(_texts(category)) for category in RISKS) >= 300
    assert len(_texts("neutral")) >= 100
    assert all(len(_texts(category)) >= 40 for category in RISKS)


@pytest.mark.django_db
def test_at_least_98_percent_of_risk_phrasings_are_caught() -> None:
    phrasings = [text for category in RISKS for text in _texts(category)]
    missed = [text for text in phrasings if not risk_in([text])]
    caught = 1 - len(missed) / len(phrasings)
    assert caught >= 0.98, f"caught {caught:.1%}; missed: {missed}"


@pytest.mark.django_db
def test_at_most_5_percent_of_neutral_texts_are_flagged() -> None:
    texts = _texts("neutral")
    flagged = {text: risk_in([text]).phrases for text in texts if risk_in([text])}
    assert len(flagged) / len(texts) <= 0.05, flagged


@pytest.mark.django_db
@pytest.mark.parametrize("category", RISKS)
def test_most_phrasings_are_put_in_their_own_category(category: RiskCategory) -> None:
    """Each category shows its own routes, so it matters that most land where they belong."""
    texts = _texts(category)
    right = [text for text in texts if category in risk_in([text]).categories]
    assert len(right) / len(texts) >= 0.9, set(texts) - set(right)


@pytest.mark.django_db
def test_lines_with_nothing_to_find_are_passed_over_without_changing_what_is_found() -> None:
    """A line no entry matches is read once by one expression of them all (decision 0074): for every text of
    the corpus, alone and among others with and without risk, what is found is what each entry finds."""
    lexicon = lexicon_current()
    every = [text for name in [*RISKS, "neutral"] for text in _texts(name)]
    groups = [[text] for text in every] + [
        ["", every[at], "My dog", every[-1 - at], every[(at * 7) % len(every)]] for at in range(0, len(every), 3)
    ]
    flagged = 0
    for texts in groups:
        found, expected = lexicon.risk_in(texts), lexicon.found_in(lexicon.plain(texts))
        assert (found.categories, found.phrases) == (expected.categories, expected.phrases), texts
        flagged += bool(found)
    assert 0 < flagged < len(groups)  # both kinds were read
