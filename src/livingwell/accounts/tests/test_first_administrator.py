"""The first administrator of a new deployment is made with ``manage.py createsuperuser``: they are an
administrator (the admin is for that role alone) and, with their second factor, reach the admin."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from livingwell.accounts.models import Role, User
from livingwell.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_createsuperuser_makes_an_administrator_who_reaches_the_admin(monkeypatch) -> None:
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-password-chosen-at-install")
    call_command("createsuperuser", "--noinput", username="ada", email="ada@example.org", stdout=StringIO())
    ada = User.objects.get(username="ada")
    assert (ada.role, ada.is_superuser, ada.is_staff) == (Role.ADMINISTRATOR, True, True)
    client = Client()
    client.force_login(ada)
    assert client.get("/admin/").status_code == 302  # the second factor first
    sign_in(client, ada)
    assert client.get("/admin/").status_code == 200
