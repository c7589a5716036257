"""Administrators cannot read queued messages (task arguments) or what is kept for them in the admin."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingwell.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_queued_tasks_are_not_in_the_admin(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.ADMINISTRATOR)
    index = client.get("/admin/").content.decode()
    assert "Site administration" in index or "Living Well administration" in index
    assert "dbtaskresult" not in index.lower()
    assert client.get("/admin/django_tasks_db/dbtaskresult/").status_code == 404
    assert "parcel" not in index.lower()
    assert client.get("/admin/core/parcel/").status_code == 404
