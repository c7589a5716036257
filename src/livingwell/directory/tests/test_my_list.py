"""'My list': save listings without an account, then print or email the list."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from livingwell.conftest import worker_run
from livingwell.directory.my_list import MAX_ITEMS
from livingwell.directory.tests.factories import ServiceFactory, full_service

MY_LIST = reverse("directory:my_list")


def _add(client: Client, service_id: object, **extra: str):
    return client.post(reverse("directory:my_list_add"), {"service_id": str(service_id), **extra})


@pytest.mark.django_db
def test_a_visitor_saves_and_removes_listings_without_an_account(client: Client) -> None:
    assert "Nothing is on your list yet" in client.get(MY_LIST).content.decode()
    service = full_service(name="Listening Space")
    detail = reverse("directory:service_detail", kwargs={"service_id": service.pk})
    response = _add(client, service.pk, next=detail)
    assert response["Location"] == detail
    _add(client, service.pk)  # twice: still once
    page = client.get(MY_LIST).content.decode()
    assert page.count("Listening Space</a>") == 1
    assert "Monday to Friday, 9am to 5pm" in page
    assert "Take off my list" in client.get(detail).content.decode()

    client.post(reverse("directory:my_list_remove"), {"service_id": str(service.pk)})
    assert "Nothing is on your list yet" in client.get(MY_LIST).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"service_id": "not-a-uuid"},
        {"service_id": "00000000-0000-0000-0000-000000000000"},
        {"service_id": "<script>"},
        {"service_id": "x" * 5000},
    ],
)
def test_bad_adds_change_nothing(client: Client, data: dict) -> None:
    assert client.post(reverse("directory:my_list_add"), data).status_code == 302
    assert "Nothing is on your list yet" in client.get(MY_LIST).content.decode()


@pytest.mark.django_db
def test_an_offsite_next_is_ignored(client: Client) -> None:
    service = ServiceFactory()
    assert _add(client, service.pk, next="https://evil.example/")["Location"] == MY_LIST


@pytest.mark.django_db
def test_the_list_has_a_limit(client: Client) -> None:
    services = ServiceFactory.create_batch(MAX_ITEMS + 1)
    for service in services:
        _add(client, service.pk)
    response = _add(client, services[-1].pk)
    assert client.get(MY_LIST).content.decode().count("Take off my list") == MAX_ITEMS
    assert response.status_code == 302


@pytest.mark.django_db
def test_hidden_listings_drop_off_the_list(client: Client) -> None:
    service = ServiceFactory(name="Soon hidden")
    _add(client, service.pk)
    service.is_published = False
    service.save()
    assert "Soon hidden" not in client.get(MY_LIST).content.decode()


@pytest.mark.django_db(transaction=True)
def test_email_the_list_to_yourself_once_per_form(client: Client) -> None:
    from livingwell.directory.taxonomy import default_taxonomy_ensure

    default_taxonomy_ensure()
    service = full_service(name="Listening Space")
    _add(client, service.pk)
    form = client.get(reverse("directory:my_list_email")).context["form"]
    data = {"email": "me@example.org", "submission_id": str(form["submission_id"].value())}
    for _ in range(2):  # a double submit
        assert client.post(reverse("directory:my_list_email"), data).status_code == 302
    worker_run()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Listening Space" in body
    assert f"/directory/services/{service.pk}/" in body
    assert "116 123" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "Enter your email address"),
        ({"email": "not an email"}, "Enter an email address in the correct format"),
        ({"email": "<script>@x"}, "Enter an email address in the correct format"),
        ({"email": "me@example.org", "submission_id": "nope"}, "Send the form again"),
    ],
)
def test_bad_email_forms_get_a_clear_message(client: Client, data: dict, message: str) -> None:
    _add(client, ServiceFactory().pk)
    response = client.post(
        reverse("directory:my_list_email"), {"submission_id": "8c1e0f1a-0000-4000-8000-000000000000", **data}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert mail.outbox == []


@pytest.mark.django_db
def test_emailing_an_empty_list_goes_back_to_the_list(client: Client) -> None:
    assert client.get(reverse("directory:my_list_email"))["Location"] == MY_LIST
