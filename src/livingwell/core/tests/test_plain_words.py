"""The plain-words check on its own: acronyms, jargon, long sentences and the reading age (decision 0061)."""

import pytest

from livingwell.core import plain_words
from livingwell.core.models import PlainWord

WORDS = plain_words.Glossary(
    instead={"utilise": "use", "in order to": "to", "referral": "introduction"}, known=frozenset({"NHS"})
)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(found.kind, found.found) for found in plain_words.read(text, WORDS).suggestions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fill in the ONS4 today.", [("acronym", "ONS4")]),
        ("Fill in the ONS4 (Office for National Statistics wellbeing questions) today. Then ONS4 again.", []),
        ("An Expert by Experience (EbE) joins. The EbE speaks.", []),
        ("The EbE speaks. An Expert by Experience (EbE) joins.", [("acronym", "EbE")]),
        ("Call the NHS on 111, or go to A&E.", []),
        ("Your reference is LW-PCQQ6T. It starts LW-. The hall is at KM1 4AB, in KM1.", []),
        ("McDonald and YouTube are names, not acronyms.", []),
        (
            "We utilised it, and are utilising it, in order to help.",
            [("jargon", "utilised"), ("jargon", "in order to")],
        ),
        ("Referrals and a referral are counted once.", [("jargon", "Referrals")]),
        ("In  order\nto help.", [("jargon", "In  order\nto")]),
    ],
)
def test_what_the_check_suggests(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


def test_a_sentence_over_25_words_is_suggested_splitting_and_each_line_is_a_sentence() -> None:
    long = " ".join(["word"] * 26) + "."
    reading = plain_words.read(f"Short one. {long}\nA heading without a stop", WORDS)
    assert [found.kind for found in reading.suggestions] == ["long_sentence"]
    assert "has 26 words" in reading.suggestions[0].advice
    assert reading.sentences == 3
    assert not plain_words.read(" ".join(["word"] * 25) + ".", WORDS).suggestions


def test_the_reading_age_needs_enough_words_and_rises_with_long_words() -> None:
    assert plain_words.read("Too short to say.", WORDS).reading_age is None
    plain = plain_words.read("We can help. Tell us what is going on. We will call you back soon. " * 3, WORDS)
    hard = plain_words.read(
        "Commissioners’ multidisciplinary considerations necessitate comprehensive documentation. " * 5, WORDS
    )
    assert plain.reading_age is not None
    assert hard.reading_age is not None
    assert plain.reading_age <= 9 < hard.reading_age
    assert hard.above_aimed_age
    assert not plain.above_aimed_age


def test_the_reading_age_never_reaches_for_a_download(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the check must not download anything")

    monkeypatch.setattr(nltk, "download", refuse)
    assert plain_words.read(
        "A text long enough for an estimate, in words that nobody has ever read before. " * 2, WORDS
    )


def test_the_page_text_is_what_a_person_reads_in_main() -> None:
    html = (
        "<header>Menu</header><main><h1>Title</h1><p>One <strong>bold</strong> line.<script>var x = 1;</script>"
        "</p><ul><li>First</li><li>Second &amp; last</li></ul><select><option>Pick</option></select></main>"
        "<footer>Footer</footer>"
    )
    assert plain_words.main_text(html) == "Title\nOne bold line.\nFirst\nSecond & last"


@pytest.mark.django_db
def test_the_glossary_is_kept_as_data_and_starts_with_the_words_we_do_not_use() -> None:
    words = plain_words.glossary()
    assert words.instead["referral"] == "introduction"
    assert words.instead["patient"] == "person"
    assert "NHS" in words.known
    PlainWord.objects.create(words="Wellness journey", instead="your support")
    assert [found.found for found in plain_words.read("Your wellness journeys start here.").suggestions] == [
        "wellness journeys"
    ]


@pytest.mark.django_db
def test_an_emptied_glossary_is_never_an_empty_check() -> None:
    PlainWord.objects.all().delete()
    assert plain_words.glossary().instead["referral"] == "introduction"
    assert [found.kind for found in plain_words.read("A referral for the NHS.").suggestions] == ["jargon"]
