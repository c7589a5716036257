"""``__among``: ``__in`` with the whole list as one parameter, on both databases."""

import uuid

import pytest

from livingwell.directory.models import Service
from livingwell.directory.tests.factories import ServiceFactory


@pytest.mark.django_db
def test_among_matches_in_for_ids_and_foreign_keys() -> None:
    first, second, _third = ServiceFactory.create_batch(3)
    wanted = [first.pk, second.pk, uuid.uuid4()]
    assert set(Service.objects.filter(pk__among=wanted)) == {first, second}
    assert set(Service.objects.filter(pk__among=wanted)) == set(Service.objects.filter(pk__in=wanted))
    assert list(Service.objects.filter(pk__among=[])) == []
    assert set(Service.objects.filter(organization_id__among={first.organization_id})) == {first}
    assert set(Service.objects.filter(organization__among=[first.organization_id])) == {first}
