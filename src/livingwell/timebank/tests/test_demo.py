"""The demo's time bank: Sam and Priya among its members, each with something to do, offers in the directory,
the ledger adding up, and the coordinator's screens with work on them."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from livingwell.accounts.models import User
from livingwell.directory.models import Service
from livingwell.timebank.models import Entry, Exchange, Member

pytestmark = pytest.mark.django_db


def sign_in(client: Client, user: User) -> None:
    """Sign in as a demo user, with the second factor the demo gave them."""
    client.force_login(user)
    device = StaticDevice.objects.filter(user=user).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def test_the_demo_has_a_time_bank_with_a_history(client: Client) -> None:
    call_command("demo_load", stdout=StringIO())
    assert Member.objects.filter(status="active").count() > 30
    assert Exchange.objects.filter(status="confirmed").count() >= 150
    assert sum(Entry.objects.values_list("minutes", flat=True)) == 0
    assert Service.objects.filter(opportunity_type="time_bank", is_published=True).count() == 14
    sign_in(client, User.objects.get(username="peer"))
    waiting = Exchange.objects.get(status="recorded", receiver__user__username="peer")
    page = client.get(reverse("timebank:exchange", args=[waiting.pk])).content.decode()
    assert "Confirm the hours" in page
    sign_in(client, User.objects.get(username="provider"))
    screens = client.get(reverse("timebank:coordinate")).content.decode()
    assert "Kit" in screens  # asked to join, to welcome
    call_command("demo_load", stdout=StringIO())  # loading again adds nothing
    assert Member.objects.filter(name="Kit").count() == 1
