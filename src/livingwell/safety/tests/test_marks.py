"""The combining marks kept in ``safety/marks.py`` are the ones Unicode says they are."""

import unicodedata

import pytest

from livingwell.safety.marks import COMBINING_MARKS, UNICODE_VERSION
from livingwell.safety.matching import normalised_words


def _worked_out() -> tuple[tuple[int, int], ...]:
    ranges: list[tuple[int, int]] = []
    for point in range(0x300, 0x10000):
        if unicodedata.category(chr(point)).startswith("M"):
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((point, point))
    return tuple(ranges)


def test_every_kept_mark_is_a_mark() -> None:
    for first, last in COMBINING_MARKS:
        for point in range(first, last + 1):
            assert unicodedata.category(chr(point)).startswith("M"), hex(point)


@pytest.mark.skipif(unicodedata.unidata_version != UNICODE_VERSION, reason="another Unicode knows other marks")
def test_the_kept_marks_are_all_of_them() -> None:
    assert _worked_out() == COMBINING_MARKS


def test_a_word_with_vowel_signs_stays_one_word() -> None:
    assert normalised_words("আমি আত্মহত্যা করতে চাই") == ["আমি", "আত্মহত্যা", "করতে", "চাই"]
