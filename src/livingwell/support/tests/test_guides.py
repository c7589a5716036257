"""Personal guides' profiles: written by each guide, read by anyone choosing who to work with."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.support.models import GuideProfile
from livingwell.support.tests.factories import GuideProfileFactory

GUIDES = reverse("support:guides")
MINE = reverse("support:my_guide_profile")


@pytest.mark.django_db
def test_anyone_reads_the_profiles_of_guides_taking_new_people(client: Client) -> None:
    # Names long enough never to turn up by chance in a page's random nonce.
    GuideProfileFactory(name="Anastasia", languages="English and Portuguese")
    GuideProfileFactory(name="Benedikt", taking_people=False)
    GuideProfileFactory(name="Cyprianne", user__is_active=False)
    html = client.get(GUIDES).content.decode()
    assert "Anastasia" in html
    assert "Speaks English and Portuguese." in html
    assert "Benedikt" not in html
    assert "Cyprianne" not in html


@pytest.mark.django_db
def test_with_no_profiles_the_page_says_so(client: Client) -> None:
    assert "not up yet" in client.get(GUIDES).content.decode()


@pytest.mark.django_db
def test_a_guide_writes_and_changes_their_profile(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.PERSONAL_GUIDE)
    data = {"name": "Ana", "about": "Ex-nurse. <script>alert(1)</script> Loves gardening 🌱", "languages": "English"}
    assert client.post(MINE, {**data, "taking_people": "on"})["Location"] == MINE
    assert client.post(MINE, {**data, "name": "Ana P"}).status_code == 302  # twice: still one profile
    profile = GuideProfile.objects.get()
    assert (profile.name, profile.taking_people) == ("Ana P", False)
    assert profile.user == User.objects.get(username="test-personal_guide")
    public = Client().get(GUIDES).content.decode()
    assert "<script>alert(1)</script>" not in public  # not taking people, so not shown; and never raw


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the name people call you"),
        ({"name": "Ana", "about": ""}, "Write a few lines about you"),
        ({"name": "Ana", "about": "x" * 601}, "Use 600 characters or fewer"),
        ({"name": "A" * 101, "about": "Hello"}, "100 characters"),
    ],
)
def test_a_profile_with_something_missing_says_what(
    signed_in_client: Callable[[Role], Client], data: dict[str, str], message: str
) -> None:
    response = signed_in_client(Role.PERSONAL_GUIDE).post(MINE, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not GuideProfile.objects.exists()


@pytest.mark.django_db
def test_a_guides_profile_is_shown_escaped(client: Client) -> None:
    GuideProfileFactory(name="<b>Ana</b>", about="<script>alert(1)</script>")
    html = client.get(GUIDES).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
