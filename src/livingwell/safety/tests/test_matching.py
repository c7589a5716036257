"""The pattern language and the plain form text is put into before matching."""

import pytest

from livingwell.safety.categories import RiskCategory
from livingwell.safety.matching import Entry, Lexicon, PatternError, normalised_words, pattern_regex

SUICIDE = RiskCategory.SUICIDE


def _finds(pattern: str, text: str) -> bool:
    return bool(Lexicon([Entry(pattern, SUICIDE)]).risk_in([text]))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I CAN\u2019T go on", ["i", "cant", "go", "on"]),
        ("i'm done", ["im", "done"]),
        ("self-harm", ["self", "harm"]),
        ("i wanna dieeee", ["i", "want", "to", "die"]),
        ("u r every1", ["you", "are", "everyone"]),
        ("<script>alert(1)</script>", ["script", "alert", "1", "script"]),
        ("", []),
    ],
)
def test_text_is_made_plain(text: str, words: list[str]) -> None:
    assert normalised_words(text) == words


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("self harm", "self harm", True),
        ("self harm", "selfharm", True),
        ("self harm", "self-harm", True),
        ("self harm~", "self-harming", True),
        ("end~ ... my life", "ending my life", True),
        ("end~ ... life", "end my whole sorry life", True),
        ("end~ ... life", "end one two three four five life", False),
        ("kill~ myself", "killing my self", True),
        ("kill~ myself", "killmyself", True),
        ("overdose~", "overdosed", True),
        ("overdose~", "overdosing", True),
        ("cut~ myself", "cutting myself", True),
        ("suicid*", "suicidal", True),
        ("[i] want to die", "want to die", True),
        ("better_off|rather_be dead", "rather be dead", True),
        ("better_off|rather_be dead", "better dead", False),
        ("took # tablets", "took 30 tablets", True),
        ("took # tablets", "took twenty tablets", True),
        ("want to die", "i want to diet", False),
        ("not safe", "not safeguarded", False),
    ],
)
def test_the_pattern_language(pattern: str, text: str, found: bool) -> None:
    assert _finds(pattern, text) is found


def test_typos_of_the_lexicons_own_long_words_are_corrected_but_real_words_are_not() -> None:
    lexicon = Lexicon([Entry("suicid*", SUICIDE), Entry("burn~ myself", RiskCategory.SELF_HARM)])
    assert lexicon.risk_in(["feeling sucidal"]).categories == [SUICIDE]
    assert lexicon.risk_in(["feeling suicdial"]).categories == [SUICIDE]
    assert not lexicon.risk_in(["burying myself in work"])  # a different letter is never a typo


def test_an_exception_blanks_out_only_what_it_matches() -> None:
    lexicon = Lexicon([Entry("cut~ myself", RiskCategory.SELF_HARM), Entry("cut~ myself a", RiskCategory.EXCEPTION)])
    assert not lexicon.risk_in(["I cut myself a slice of cake"])
    assert lexicon.risk_in(["I cut myself a slice of cake and then I cut myself"])


def test_each_category_and_phrase_is_reported_once_across_every_answer() -> None:
    lexicon = Lexicon([Entry("suicid*", SUICIDE), Entry("overdose~", SUICIDE), Entry("he hits me", "unsafe_at_home")])
    risk = lexicon.risk_in(["suicidal", "Suicidal, again", "", "he hits me", "an overdose"])
    assert risk.categories == [SUICIDE, "unsafe_at_home"]
    assert risk.phrases == ["suicidal", "overdose", "he hits me"]


@pytest.mark.parametrize("pattern", ["", "...", "a||b", "!!!"])
def test_a_pattern_that_cannot_be_read_is_refused(pattern: str) -> None:
    with pytest.raises(PatternError):
        pattern_regex(pattern)


def test_a_long_text_is_matched_quickly_enough_to_be_safe_from_a_flood() -> None:
    """Nothing in the language can backtrack without end: every gap is bounded."""
    lexicon = Lexicon([Entry("want~ ... to ... die", SUICIDE)])
    assert not lexicon.risk_in(["want to " * 5000 + "live"])
