"""The demo runs a full cycle: its pages show it, naming only members who agreed."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import User
from livingwell.collaborative.models import Body, Claim, Minutes
from livingwell.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_demo_shows_a_full_cycle_of_co_production(client: Client):
    call_command("demo_load", stdout=StringIO())
    call_command("demo_load", stdout=StringIO())
    assert Body.objects.count() == 4  # the Collaborative, the Board, the advisory group and its workstream
    register = client.get(reverse("collaborative:decisions")).content.decode()
    assert "peer-led crisis café" in register
    assert "Mental Health Act" in register
    published = Minutes.objects.get(status="published")
    page = client.get(reverse("collaborative:meeting", args=[published.meeting_id])).content.decode()
    assert "Amara Okafor welcomed everyone" in page
    assert "Ben Hughes" not in page  # he did not agree to be named
    assert "A member (Experts by Experience) described their wait" in page
    assert "his wait" not in page  # he or she next to a member not named would say who it was
    assert Minutes.objects.filter(status="circulated").count() == 2
    assert Claim.objects.filter(status="approved").exists()
    assert Claim.objects.filter(status="waiting", member__user__username="person").exists()
    secretary = Client()
    sign_in(secretary, User.objects.get(username="secretary"))
    for slug in ("collaborative", "board"):
        assert secretary.get(reverse("collaborative:running", args=[slug])).status_code == 200
        assert client.get(reverse("collaborative:body", args=[slug])).status_code == 200
    person = Client()
    person.force_login(User.objects.get(username="person"))
    mine = person.get(reverse("collaborative:mine")).content.decode()
    assert "Kingsmere Collaborative" in mine
    assert "Co-production Board" in mine
