"""The demo's peer support: two profiles to choose from, and Priya's sessions with Jo."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from livingwell.peer.models import PeerIntroduction, PeerProfile

pytestmark = pytest.mark.django_db


def test_the_demo_has_peers_with_profiles_and_sessions(client: Client) -> None:
    call_command("demo_load", stdout=StringIO())
    page = client.get(reverse("peer:profiles")).content.decode()
    assert "Priya" in page
    assert "Tom" in page
    introduction = PeerIntroduction.objects.get(peer__name="Priya")
    assert (introduction.person.preferred_name, introduction.sessions.count()) == ("Jo", 2)
    assert introduction.peer.supervisions.count() == 1
    call_command("demo_load", stdout=StringIO())  # loading again adds nothing
    assert PeerProfile.objects.count() == 2
