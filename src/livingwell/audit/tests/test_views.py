"""The administrators' audit viewer."""

import uuid

import pytest
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.tests.factories import AuditEventFactory


@pytest.fixture
def admin_client(signed_in_client):
    return signed_in_client(Role.ADMINISTRATOR)


@pytest.mark.django_db
def test_filters_by_person_record_and_staff_member(admin_client) -> None:
    person_id = uuid.uuid4()
    hana = UserFactory(username="hana", role=Role.HUB_MANAGER)
    gabriel = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    AuditEventFactory(actor=hana, person_id=person_id, record_id=str(person_id), request_id="a" * 32)
    AuditEventFactory(actor=gabriel, person_id=uuid.uuid4(), record_id="other", request_id="b" * 32)

    by_person = admin_client.get(reverse("audit:event_list"), {"person": str(person_id)}).content.decode()
    assert "a" * 32 in by_person
    assert "b" * 32 not in by_person

    by_record = admin_client.get(
        reverse("audit:event_list"), {"record_type": "people.person", "record_id": "other"}
    ).content.decode()
    assert "b" * 32 in by_record
    assert "a" * 32 not in by_record

    by_actor = admin_client.get(reverse("audit:event_list"), {"actor": hana.pk}).content.decode()
    assert "a" * 32 in by_actor
    assert "b" * 32 not in by_actor


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"person": "not-a-uuid"},
        {"person": "<script>alert(1)</script>"},
        {"actor": "999999"},
        {"actor": "'; DROP TABLE audit_auditevent; --"},
        {"record_id": "x" * 10_000},
        {"page": "-1"},
        {"page": "🙂"},
    ],
)
def test_bad_filters_get_a_clear_message_not_an_error(admin_client, params) -> None:
    AuditEventFactory()
    response = admin_client.get(reverse("audit:event_list"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "page" not in params:
        assert "govuk-error-summary" in html


@pytest.mark.django_db
def test_the_list_takes_a_fixed_number_of_queries(admin_client, django_assert_num_queries) -> None:
    actors = [UserFactory(role=Role.PERSONAL_GUIDE) for _ in range(5)]
    for index in range(60):
        AuditEventFactory(actor=actors[index % 5])
    # session, user, OTP device, staff list for the filter, count, page of events (actor joined)
    admin_client.get(reverse("accounts:dashboard"))  # the first request of a session records when it was last seen
    with django_assert_num_queries(6):
        response = admin_client.get(reverse("audit:event_list"))
    assert response.status_code == 200
    assert User.objects.count() == 6
