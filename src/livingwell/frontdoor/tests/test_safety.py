"""The safety net's phrase matching: whole words, any case, phone punctuation, configurable."""

import pytest

from livingwell.frontdoor.safety import risk_phrases_in


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I want to die", ["want to die"]),
        ("I WANT TO DIE", ["want to die"]),
        ("i can\u2019t go on", ["can't go on"]),
        ("thinking about   suicide\nagain", ["suicide"]),
        ("I have been self\u2011harming", []),  # a different word: the list decides what counts
        ("I am not safe at home", ["not safe"]),
        ("My garden is not safeguarded", []),
        ("Feeling low since my job went", []),
        ("", []),
    ],
)
def test_phrases_are_found_as_whole_words_in_any_case(text: str, found: list[str]) -> None:
    assert risk_phrases_in([text]) == found


def test_the_phrase_list_is_configurable(settings) -> None:
    settings.LW_SAFETY_PHRASES = ["locked out"]
    assert risk_phrases_in(["I am locked out and frightened"]) == ["locked out"]
    assert risk_phrases_in(["I want to die"]) == []


def test_each_phrase_is_reported_once_across_every_answer() -> None:
    assert risk_phrases_in(["suicide", "Suicide, again", "", "overdose"]) == ["suicide", "overdose"]
