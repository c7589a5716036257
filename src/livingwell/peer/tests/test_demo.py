"""The demo's peer support: two profiles to choose from, Priya's sessions with Jo, the Hearing Voices Group's
sessions and Priya's payments."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from livingwell.peer.models import PeerGroup, PeerIntroduction, PeerPayment, PeerProfile

pytestmark = pytest.mark.django_db


def test_the_demo_has_peers_with_profiles_and_sessions(client: Client) -> None:
    call_command("demo_load", stdout=StringIO())
    page = client.get(reverse("peer:profiles")).content.decode()
    assert "Priya" in page
    assert "Tom" in page
    introduction = PeerIntroduction.objects.get(peer__name="Priya")
    assert (introduction.person.preferred_name, introduction.sessions.count()) == ("Jo", 2)
    assert introduction.peer.supervisions.count() == 1
    group = PeerGroup.objects.get(service__name="Hearing Voices Group")
    assert group.sessions.count() == 20
    assert "Hearing Voices Group" in client.get(reverse("peer:groups")).content.decode()
    payments = PeerPayment.objects.filter(peer=introduction.peer)
    assert {p.status for p in payments} == {"approved", "waiting"}
    call_command("demo_load", stdout=StringIO())  # loading again adds nothing
    assert PeerProfile.objects.count() == 2
