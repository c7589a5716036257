"""The NHS number: ten digits, the last a check digit by modulus 11 (NHS England's Data Dictionary, "NHS
Number": each of the first nine digits weighted 10 down to 2, the sum's remainder by 11 taken from 11; 11
means a check digit of 0, and 10 means the number is not valid). Optional on a person's record, shown whole
on their record alone, and never whole on a list."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Spaces and hyphens people type between the groups; the digits themselves only 0 to 9 (not other scripts').
_TYPED = re.compile(r"^[0-9][0-9 \-]*[0-9]$")


def nhs_number_check_digit(first_nine: str) -> int | None:
    """The check digit of ``first_nine``, or None when no number starting so is valid."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 10:
        return None
    return 0 if check == 11 else check


def nhs_number_clean(typed: str) -> str:
    """The NHS number ``typed`` as its ten digits ("" for none), or why it is not one."""
    text = typed.strip()
    if not text:
        return ""
    if not _TYPED.match(text):
        raise ValidationError(_("Enter an NHS number using the numbers 0 to 9, like 943 476 5919"))
    digits = re.sub(r"[ \-]", "", text)
    if len(digits) != 10:
        raise ValidationError(_("An NHS number has 10 digits, like 943 476 5919"))
    if nhs_number_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(_("This is not a valid NHS number: check each digit"))
    return digits


def nhs_number_shown(digits: str) -> str:
    """The whole number, spaced as the NHS writes it: 943 476 5919."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else digits


def nhs_number_ending(digits: str) -> str:
    """What a list shows: its last four digits alone."""
    return digits[-4:] if len(digits) == 10 else ""
