"""The NHS number: checked by its modulus 11 check digit, recorded by the Hub, whole on the record alone, never
whole on a list, audited, in a subject access export and gone on erasure."""

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from livingwell.accounts.models import Role
from livingwell.audit.models import AuditEvent
from livingwell.people.models import Person
from livingwell.people.nhs_number import nhs_number_check_digit, nhs_number_clean
from livingwell.people.personal_data import erase
from livingwell.people.tests.factories import PersonFactory

VALID = "9434765919"  # the NHS's own example: 943 476 5919


@pytest.mark.parametrize("typed", ["9434765919", "943 476 5919", "943-476-5919", "  943 476 5919  "])
def test_a_valid_number_is_kept_as_its_ten_digits(typed: str) -> None:
    assert nhs_number_clean(typed) == VALID


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("9434765918", "not a valid NHS number"),  # one digit wrong
        ("9434765991", "not a valid NHS number"),  # two digits swapped
        ("943476591", "10 digits"),
        ("94347659190", "10 digits"),
        ("943 476 591X", "numbers 0 to 9"),
        ("٩٤٣٤٧٦٥٩١٩", "numbers 0 to 9"),  # other scripts' digits are not the NHS's
        ("<script>alert(1)</script>", "numbers 0 to 9"),
        ("9434765919'; DROP TABLE people_person; --", "numbers 0 to 9"),
    ],
)
def test_a_wrong_number_says_why(typed: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        nhs_number_clean(typed)


def test_a_number_whose_check_digit_would_be_ten_is_never_valid() -> None:
    first_nine = next(f"{n:09d}" for n in range(10**8, 10**9) if nhs_number_check_digit(f"{n:09d}") is None)
    for last in "0123456789":
        with pytest.raises(ValidationError):
            nhs_number_clean(first_nine + last)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_last_digit_makes_a_valid_number_or_none_does(first_nine: str) -> None:
    valid = []
    for last in "0123456789":
        with contextlib.suppress(ValidationError):
            valid.append(nhs_number_clean(first_nine + last))
    assert len(valid) == (0 if nhs_number_check_digit(first_nine) is None else 1)


@pytest.fixture
def hub(signed_in_client) -> Client:
    return signed_in_client(Role.HUB_MANAGER)


@pytest.mark.django_db
def test_the_hub_records_it_and_it_shows_whole_on_the_record_and_only_its_ending_on_the_list(hub: Client) -> None:
    person = PersonFactory(preferred_name="Jo")
    url = reverse("people:person_nhs_number", args=[person.pk])
    assert hub.get(url).status_code == 200
    for _twice in range(2):  # a double submit changes nothing more
        assert hub.post(url, {"nhs_number": "943 476 5919"}).status_code == 302
    person.refresh_from_db()
    assert person.nhs_number == VALID
    changes = AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE, person_id=person.pk)
    assert [event.detail for event in changes] == ["nhs_number"]  # the field's name, never the number
    record = hub.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert "943 476 5919" in record
    listed = hub.get(reverse("people:person_list")).content.decode()
    assert "Ending 5919" in listed
    assert VALID not in listed
    assert "943 476" not in listed
    hub.post(url, {"nhs_number": ""})  # removed when it was wrong
    person.refresh_from_db()
    assert person.nhs_number == ""


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["9434765918", "x" * 5000, "943 476"])
def test_a_wrong_number_is_refused_with_a_message_and_nothing_saved(hub: Client, typed: str) -> None:
    person = PersonFactory()
    response = hub.post(reverse("people:person_nhs_number", args=[person.pk]), {"nhs_number": typed})
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in response.content.decode()
    person.refresh_from_db()
    assert person.nhs_number == ""


@pytest.mark.django_db
def test_erasure_takes_it_away() -> None:
    person = PersonFactory(nhs_number=VALID)
    erase(person)
    assert Person.objects.get(pk=person.pk).nhs_number == ""
