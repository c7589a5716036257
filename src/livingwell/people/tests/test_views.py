"""A person's own details and contact preferences, and the Hub's people pages, through HTTP."""

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory


@pytest.fixture
def person_client(signed_in_client) -> tuple[Client, Person]:
    client = signed_in_client(Role.PERSON)
    person = PersonFactory(user=User.objects.get(username="test-person"), preferred_name="Sam")
    return client, person


VALID = {
    "preferred_name": "Sam",
    "email": "sam@example.org",
    "phone": "07700 900123",
    "contact_methods": ["email"],
    "contact_notes": "",
    "consents_to_contact": "on",
}


@pytest.mark.django_db
def test_reading_my_details_leaves_exactly_one_audit_event(person_client) -> None:
    client, person = person_client
    response = client.get(reverse("people:my_details"))
    assert response.status_code == 200
    assert "Sam" in response.content.decode()
    assert AuditEvent.objects.filter(person_id=person.pk, action="read").count() == 1
    event = AuditEvent.objects.get()
    assert event.request_id == response["X-Request-ID"]


@pytest.mark.django_db
def test_a_person_changes_how_we_contact_them(person_client) -> None:
    client, person = person_client
    response = client.post(reverse("people:my_contact_preferences"), {**VALID, "contact_methods": ["phone", "email"]})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.contact_methods == ["email", "phone"]  # both kept, in the list's own order
    assert person.consents_to_contact is True
    assert person.consents_to_contact_at is not None
    change = AuditEvent.objects.get(action="change")
    assert change.person_id == person.pk
    assert "contact_methods" in change.detail
    assert "07700" not in change.detail


@pytest.mark.django_db
def test_a_person_chooses_the_language_of_what_we_send_them(person_client) -> None:
    client, person = person_client
    form = client.get(reverse("people:my_contact_preferences")).content.decode()
    assert '<option value="pl">Polski</option>' in form
    assert client.post(reverse("people:my_contact_preferences"), {**VALID, "written_in": "pl"}).status_code == 302
    person.refresh_from_db()
    assert person.written_in == "pl"
    assert "Polish (Polski)" in client.get(reverse("people:my_details")).content.decode()
    refused = client.post(reverse("people:my_contact_preferences"), {**VALID, "written_in": "xx"})
    assert "Select a language from the list" in refused.content.decode()
    assert client.post(reverse("people:my_contact_preferences"), {**VALID, "written_in": ""}).status_code == 302
    person.refresh_from_db()
    assert person.written_in == ""  # the site's own language


@pytest.mark.django_db
def test_a_double_submit_changes_once(person_client) -> None:
    client, _person = person_client
    for _ in range(2):
        assert (
            client.post(reverse("people:my_contact_preferences"), {**VALID, "phone": "07700 900999"}).status_code == 302
        )
    assert AuditEvent.objects.filter(action="change").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"preferred_name": ""}, "Enter the name you like to be called"),
        ({"preferred_name": "   "}, "Enter the name you like to be called"),
        ({"preferred_name": "x" * 10_000}, "must be 100 characters or fewer"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"email": "", "contact_methods": ["email"]}, "Enter your email address, or choose another way"),
        ({"phone": "", "contact_methods": ["text", "email"]}, "Enter your phone number, or choose another way"),
        ({"contact_methods": ["carrier-pigeon"]}, "Select a way for us to contact you from the list"),
        ({"contact_methods": ["email", "<script>"]}, "Select a way for us to contact you from the list"),
        ({"contact_notes": "y" * 501}, "must be 500 characters or fewer"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(person_client, changes, message) -> None:
    client, person = person_client
    before = Person.objects.values().get(pk=person.pk)
    response = client.post(reverse("people:my_contact_preferences"), {**VALID, **changes})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "govuk-error-summary" in html
    assert Person.objects.values().get(pk=person.pk) == before
    assert not AuditEvent.objects.filter(action="change").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["Zoë Ōkawa-Nguyễn 🌻", "<script>alert('x')</script>", "Robert'); DROP TABLE people_person;--", "  Sam   Jones  "],
)
def test_unusual_names_are_kept_safely(person_client, name) -> None:
    client, person = person_client
    assert client.post(reverse("people:my_contact_preferences"), {**VALID, "preferred_name": name}).status_code == 302
    person.refresh_from_db()
    assert person.preferred_name == " ".join(name.split())
    html = client.get(reverse("people:my_details")).content.decode()
    assert "<script>alert('x')</script>" not in html


@pytest.mark.django_db
def test_missing_fields_get_a_clear_message(person_client) -> None:
    client, _person = person_client
    response = client.post(reverse("people:my_contact_preferences"), {})
    assert response.status_code == 200
    assert "Enter the name you like to be called" in response.content.decode()


@pytest.mark.django_db
def test_hub_manager_reads_a_person_with_one_audit_event(signed_in_client) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    person = PersonFactory(preferred_name="Olu")
    response = client.get(reverse("people:person_detail", kwargs={"person_id": person.pk}))
    assert response.status_code == 200
    assert "Olu" in response.content.decode()
    assert AuditEvent.objects.filter(person_id=person.pk).count() == 1


@pytest.mark.django_db
def test_unknown_person_is_not_found(signed_in_client) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    response = client.get("/people/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_people_list_takes_a_fixed_number_of_queries(signed_in_client, django_assert_num_queries) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    PersonFactory.create_batch(30)
    # session, user, OTP device, count, page of people, one insert of audit events
    client.get(reverse("accounts:dashboard"))  # the first request of a session records when it was last seen
    with django_assert_num_queries(6):
        response = client.get(reverse("people:person_list"))
    assert response.status_code == 200
    assert AuditEvent.objects.count() == 25


@pytest.mark.django_db
def test_every_way_chosen_is_kept_and_shown(person_client) -> None:
    client, person = person_client
    client.post(reverse("people:my_contact_preferences"), {**VALID, "contact_methods": ["phone", "email", "text"]})
    person.refresh_from_db()
    assert person.contact_methods == ["email", "phone", "text"]
    page = client.get(reverse("people:my_details")).content.decode()
    assert "Email, Phone call, Text message" in page
    form = client.get(reverse("people:my_contact_preferences")).content.decode()
    for method in ("email", "phone", "text"):
        assert f'value="{method}" checked' in form or f'value="{method}"\n' in form


OWN_PAGES = ["people:my_details", "support:my_plan", "support:my_measures", "support:my_support"]


def _menu_links(client: Client) -> set[str]:
    page = client.get(reverse("accounts:dashboard")).content.decode()
    return {name for name in [*OWN_PAGES, "collaborative:mine"] if f'href="{reverse(name)}"' in page}


@pytest.mark.django_db
def test_the_menu_offers_the_pages_of_someone_we_support_only_to_someone_with_a_record(
    person_client: tuple[Client, Person],
) -> None:
    client, person = person_client
    assert _menu_links(client) == {*OWN_PAGES, "collaborative:mine"}

    # A Collaborative or time bank member's account is a person's too, with no record of support behind it:
    # "Your details" would be a page not found, and "My plan" would promise a guide they do not have.
    person.user = None
    person.save()
    assert _menu_links(client) == {"collaborative:mine"}
