"""access.py is the only way to a person record: every role, and exactly one audit event per read."""

import uuid
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.people.access import access_own_person_for, access_people_page_for, access_person_for
from livingwell.people.tests.factories import PersonFactory

SEES_EVERY_PERSON = {Role.HUB_MANAGER, Role.ADMINISTRATOR}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_access_person_for_each_role(user_with_role: Callable[[Role], User], role: Role) -> None:
    user = user_with_role(role)
    someone = PersonFactory()
    if role in SEES_EVERY_PERSON:
        assert access_person_for(user, someone.pk) == someone
        event = AuditEvent.objects.get()
        assert (event.actor, event.action, event.person_id) == (user, AuditEvent.Action.READ, someone.pk)
        assert event.record_type == "people.person"
        assert event.record_id == str(someone.pk)
    else:
        with pytest.raises(PermissionDenied):
            access_person_for(user, someone.pk)
        assert not AuditEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_everyone_with_a_record_can_read_their_own(user_with_role: Callable[[Role], User], role: Role) -> None:
    user = user_with_role(role)
    own = PersonFactory(user=user)
    assert access_person_for(user, own.pk) == own
    assert access_own_person_for(user) == own
    assert AuditEvent.objects.filter(person_id=own.pk, actor=user).count() == 2


@pytest.mark.django_db
def test_anonymous_visitors_see_no_one() -> None:
    from django.contrib.auth.models import AnonymousUser

    someone = PersonFactory()
    with pytest.raises(PermissionDenied):
        access_person_for(AnonymousUser(), someone.pk)
    with pytest.raises(PermissionDenied):
        access_people_page_for(AnonymousUser(), 1)


@pytest.mark.django_db
@pytest.mark.parametrize("person_id", [uuid.uuid4(), "not-a-uuid"])
def test_missing_people_are_not_found(user_with_role, person_id) -> None:
    with pytest.raises(Http404):
        access_person_for(user_with_role(Role.HUB_MANAGER), person_id)


@pytest.mark.django_db
def test_own_record_is_not_found_without_one(user_with_role) -> None:
    with pytest.raises(Http404):
        access_own_person_for(user_with_role(Role.PERSON))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_people_list_for_each_role(user_with_role, role: Role) -> None:
    user = user_with_role(role)
    people = PersonFactory.create_batch(3)
    if role in SEES_EVERY_PERSON:
        page = access_people_page_for(user, 1)
        assert set(page.object_list) == set(people)
        assert sorted(AuditEvent.objects.values_list("person_id", flat=True)) == sorted(p.pk for p in people)
    else:
        with pytest.raises(PermissionDenied):
            access_people_page_for(user, 1)
        assert not AuditEvent.objects.exists()
