"""Telling when two records may be the same person, tolerant of typos."""

import datetime

import pytest
from django.apps import apps

from livingwell.people.matching import (
    Closeness,
    Facts,
    contact_keys_filler,
    date_of_birth_variants,
    email_key,
    likeness,
    names_alike,
    phone_key,
)
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory

BORN = datetime.date(1985, 3, 27)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("07700 900982", "7700900982"),
        ("+44 7700 900982", "7700900982"),
        ("(07700) 900-982", "7700900982"),
        ("0044 7700900982", "7700900982"),
        ("999", ""),  # too short to compare
        ("", ""),
        ("not a number", ""),
    ],
)
def test_phone_numbers_compare_on_their_last_ten_digits(typed: str, key: str) -> None:
    assert phone_key(typed) == key


def test_email_addresses_compare_without_case_or_spaces() -> None:
    assert email_key("  Sam.Jones@Example.ORG ") == "sam.jones@example.org"


@pytest.mark.parametrize(
    "slip",
    [
        datetime.date(1985, 3, 27),  # the same
        datetime.date(1985, 3, 28),  # one digit of the day
        datetime.date(1958, 3, 27),  # neighbouring digits of the year swapped
        datetime.date(1985, 8, 27),  # one digit of the month
        datetime.date(1995, 3, 27),  # one digit of the year
    ],
)
def test_a_date_of_birth_one_typing_slip_away_is_near(slip: datetime.date) -> None:
    assert slip in date_of_birth_variants(BORN)


def test_day_and_month_swapped_is_near() -> None:
    assert datetime.date(1985, 3, 7) in date_of_birth_variants(datetime.date(1985, 7, 3))


def test_dates_further_off_or_impossible_are_not_variants() -> None:
    variants = date_of_birth_variants(BORN)
    assert datetime.date(1986, 4, 27) not in variants  # two slips
    assert all(variant.year >= 1900 for variant in variants)
    assert len(variants) < 100  # a short list for the database to look up


def _facts(name: str = "Sam Jones", born: datetime.date | None = BORN, phone: str = "", email: str = "") -> Facts:
    return Facts(name, born, phone_key(phone), email_key(email))


def test_same_phone_and_a_date_of_birth_with_a_typo_is_a_possible_match() -> None:
    alike = likeness(_facts(phone="07700 900982"), _facts("Sammy", datetime.date(1985, 3, 28), "+447700900982"))
    assert alike.is_possible
    assert (alike.phone, alike.date_of_birth) == (Closeness.SAME, Closeness.NEAR)
    assert "Date of birth one typing slip apart" in alike.reasons()


def test_an_email_typo_with_the_same_date_of_birth_and_name_is_a_possible_match() -> None:
    alike = likeness(_facts(email="sam.jones@example.org"), _facts(email="sam.jomes@example.org"))
    assert alike.email == Closeness.NEAR
    assert alike.is_possible


def test_a_phone_typo_alone_is_not_enough() -> None:
    alike = likeness(_facts("Sam", None, "07700 900982"), _facts("Robin", None, "07700 900983"))
    assert alike.phone == Closeness.NEAR
    assert not alike.is_possible


def test_family_sharing_a_phone_are_not_matched() -> None:
    """A parent's phone given for their son: different name, different date of birth."""
    alike = likeness(
        _facts("Jo Okafor", datetime.date(1971, 6, 2), "07700 900982"),
        _facts("Tunde Okafor", datetime.date(2004, 11, 19), "07700 900982"),
    )
    assert not alike.is_possible
    assert "Different date of birth" in alike.reasons()


def test_nothing_to_go_on_finds_no_candidates() -> None:
    assert _facts(born=None).candidates() is None


@pytest.mark.parametrize(
    ("one", "other", "alike"),
    [
        ("Zoë", "zoe", True),
        ("Sam", "Samira Khan", True),
        ("Jones Sam", "Sam Jones", True),
        ("Siobhan", "Siobahn", True),
        ("Sam", "Robin", False),
        ("Al", "Alice", False),  # too short to call a short form
        ("", "Sam", False),
        ("<script>", "Sam", False),
    ],
)
def test_names_alike_allows_accents_order_typos_and_short_forms(one: str, other: str, alike: bool) -> None:
    assert names_alike(one, other) is alike


@pytest.mark.django_db
def test_the_migration_works_out_keys_for_records_saved_before_there_were_keys() -> None:

    person = PersonFactory(phone="+44 7700 900982", email="Sam@Example.org")
    Person.objects.filter(pk=person.pk).update(phone_key="", email_key="")
    contact_keys_filler("people", "Person")(apps, None)
    person.refresh_from_db()
    assert (person.phone_key, person.email_key) == ("7700900982", "sam@example.org")
