"""Every SNOMED CT code the FHIR resources carry (support/fhir.py, decision 0064) is a well-formed SNOMED CT
identifier: its last digit is the Verhoeff check digit of the rest, as SNOMED CT's identifiers are made. A code
copied with a digit wrong, or rounded on its way through a spreadsheet, fails here."""

import pytest

from livingwell.support import fhir

_MULTIPLY = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]  # fmt: skip
_PERMUTE = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]  # fmt: skip


def _verhoeff_holds(code: str) -> bool:
    check = 0
    for position, digit in enumerate(reversed(code)):
        check = _MULTIPLY[check][_PERMUTE[position % 8][int(digit)]]
    return check == 0


CODES = [
    fhir.REFERRAL["code"],
    fhir.PATIENT_REFERRAL["code"],
    fhir.REFERRED_BY_SELF["code"],
    *(coding["code"] for coding in fhir.REFERRED_BY.values()),
    fhir.SWEMWBS_SCORE["code"],
    *fhir.DIALOG_ITEMS.values(),
]


@pytest.mark.parametrize("code", CODES)
def test_each_code_is_a_well_formed_snomed_identifier(code: str) -> None:
    assert code.isdigit()
    assert 6 <= len(code) <= 18
    assert _verhoeff_holds(code)


def test_the_check_catches_a_rounded_code() -> None:
    assert not _verhoeff_holds("1037741000000100")  # NHS England's rounded copy of 1037741000000106
