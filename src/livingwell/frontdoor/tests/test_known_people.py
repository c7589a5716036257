"""Easy in: an introduction from someone already known is matched, linked, and their episode reopened."""

import datetime
from collections.abc import Callable
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.frontdoor.access import access_possible_matches_for
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Episode, EpisodeChange, OnwardIntroduction
from livingwell.support.tests.factories import GuideProfileFactory, episode_closed

BORN = datetime.date(1985, 3, 27)


def _url(name: str, introduction: Introduction) -> str:
    # Routing belongs to support, above the front door (decision 0019).
    view = "support:introduction_route" if name == "route" else f"frontdoor:{name}"
    return reverse(view, kwargs={"introduction_id": introduction.pk})


@pytest.fixture
def duty(signed_in_client: Callable[[Role], Client]) -> Client:
    return signed_in_client(Role.DUTY_WORKER)


def _known_sam(**fields: object) -> Person:
    return PersonFactory(preferred_name="Sam Jones", date_of_birth=BORN, phone="07700 900982", **fields)


def _new_sam(**fields: object) -> Introduction:
    """Sam again, with a slip in the date of birth and the phone number written another way."""
    values = {"preferred_name": "Sam", "date_of_birth": datetime.date(1985, 3, 28), "phone": "+44 7700 900982"}
    return IntroductionFactory(**{**values, **fields})


@pytest.mark.django_db
def test_the_duty_worker_sees_a_possible_match_and_why(duty: Client) -> None:
    known = _known_sam()
    PersonFactory(preferred_name="Robin", date_of_birth=datetime.date(1990, 1, 1))  # nothing alike
    introduction = _new_sam()
    html = duty.get(_url("introduction", introduction)).content.decode()
    assert "Possible matches" in html
    assert "Sam Jones" in html
    assert "Robin" not in html
    assert "Same phone number" in html
    assert "Date of birth one typing slip apart" in html
    assert f"person:{known.pk}" in html
    # Showing a match is a read of that person's record.
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, record_type="people.person", person_id=known.pk
    ).exists()


@pytest.mark.django_db
def test_an_earlier_introduction_from_the_same_person_is_a_possible_match(duty: Client) -> None:
    earlier = IntroductionFactory(preferred_name="Sam Jones", date_of_birth=BORN, email="sam@example.org")
    introduction = _new_sam(email="SAM@example.org")
    html = duty.get(_url("introduction", introduction)).content.decode()
    assert f"Introduction {earlier.reference}" in html
    assert "Same email address" in html


@pytest.mark.django_db
def test_linking_keeps_what_the_person_told_us_before_and_fills_only_the_gaps(duty: Client) -> None:
    known = _known_sam(email="sam@example.org", access_needs="")
    introduction = _new_sam(email="new@example.org", access_needs="Step-free access, please")
    response = duty.post(_url("link", introduction), {"match": f"person:{known.pk}"})
    assert response.status_code == 302
    introduction.refresh_from_db()
    known.refresh_from_db()
    assert introduction.person == known
    assert known.email == "sam@example.org"  # not overwritten
    assert known.access_needs == "Step-free access, please"  # was empty
    assert "Linked to a person already known" in duty.get(_url("introduction", introduction)).content.decode()
    # A second click changes nothing.
    duty.post(_url("link", introduction), {"match": f"person:{known.pk}"})
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_a_wrong_link_is_undone_until_the_introduction_is_routed(duty: Client) -> None:
    known = _known_sam()
    introduction = _new_sam()
    duty.post(_url("link", introduction), {"match": f"person:{known.pk}"})
    assert duty.post(_url("unlink", introduction)).status_code == 302
    introduction.refresh_from_db()
    assert introduction.person is None
    assert "Possible matches" in duty.get(_url("introduction", introduction)).content.decode()
    duty.post(_url("link", introduction), {"match": f"person:{known.pk}"})
    duty.post(_url("route", introduction), {"route": "closed", "reason": "Found help elsewhere"})
    duty.post(_url("unlink", introduction))
    introduction.refresh_from_db()
    assert introduction.person == known  # routed: it stays
    assert "Nothing to unlink" in duty.get(_url("introduction", introduction)).content.decode()


@pytest.mark.django_db
def test_linking_with_an_earlier_introduction_makes_one_person_for_both(duty: Client) -> None:
    earlier = IntroductionFactory(preferred_name="Sam Jones", date_of_birth=BORN, phone="07700 900982")
    introduction = _new_sam()
    duty.post(_url("link", introduction), {"match": f"introduction:{earlier.pk}"})
    earlier.refresh_from_db()
    introduction.refresh_from_db()
    assert earlier.person is not None
    assert earlier.person == introduction.person
    assert earlier.person.date_of_birth == BORN
    assert Person.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("match", ["", "person:", "person:not-a-uuid", "'; DROP TABLE people_person; --", "x" * 5000])
def test_only_a_possible_match_can_be_linked(duty: Client, match: str) -> None:
    stranger = PersonFactory(preferred_name="Robin")
    introduction = _new_sam()
    for posted in (match, f"person:{stranger.pk}"):
        response = duty.post(_url("link", introduction), {"match": posted})
        assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.person is None
    assert "no longer a possible match" in duty.get(_url("introduction", introduction)).content.decode()


@pytest.mark.django_db
def test_hub_support_opens_an_episode_with_the_guide_the_person_chose(duty: Client) -> None:
    guide = GuideProfileFactory(name="Ana")
    introduction = IntroductionFactory(
        date_of_birth=BORN, email="sam@example.org", safe_times="Mornings", contact_methods=["phone", "email"]
    )
    response = duty.post(
        _url("route", introduction), {"route": "hub", "guide": guide.pk, "guide_chosen": "on", "reason": ""}
    )
    assert response.status_code == 302
    introduction.refresh_from_db()
    person = introduction.person
    assert person is not None
    assert (person.date_of_birth, person.email, person.contact_notes) == (BORN, "sam@example.org", "Mornings")
    assert person.contact_methods == ["phone", "email"]  # both ways kept, not only the first
    episode = Episode.objects.get(person=person)
    assert (episode.guide, episode.guide_chosen_by_person, episode.status) == (guide.user, True, "open")
    (change,) = episode.changes.all()
    assert (change.kind, change.introduction) == (EpisodeChange.Kind.OPENED, introduction)
    html = duty.get(_url("introduction", introduction)).content.decode()
    assert "Episode of support: Opened, with personal guide Ana." in html
    assert "They chose their guide." in html


@pytest.mark.django_db
def test_hub_support_for_someone_known_reopens_their_episode_with_its_history(duty: Client) -> None:
    known = _known_sam()
    first_guide, second_guide = GuideProfileFactory(name="Ana"), GuideProfileFactory(name="Ben")
    earlier = episode_closed(known, first_guide.user)
    introduction = _new_sam()
    duty.post(_url("link", introduction), {"match": f"person:{known.pk}"})
    route_page = duty.get(_url("route", introduction)).content.decode()
    assert "Hub support reopens it" in route_page
    duty.post(_url("route", introduction), {"route": "hub", "guide": second_guide.pk})
    assert Episode.objects.count() == 1
    earlier.refresh_from_db()
    assert (earlier.status, earlier.closed_at, earlier.guide) == ("open", None, second_guide.user)
    assert list(earlier.changes.values_list("kind", flat=True)) == ["reopened"]


@pytest.mark.django_db
def test_hub_support_needs_a_guide_who_is_taking_people(duty: Client) -> None:
    away = GuideProfileFactory(name="Cy", taking_people=False)
    introduction = IntroductionFactory()
    for data in ({"route": "hub"}, {"route": "hub", "guide": away.pk}, {"route": "hub", "guide": "<b>1</b>"}):
        response = duty.post(_url("route", introduction), data)
        assert response.status_code == 200
        assert "Select their personal guide" in response.content.decode() or "valid choice" in response.content.decode()
    introduction.refresh_from_db()
    assert introduction.route == ""
    assert not Episode.objects.exists()
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_community_support_makes_a_person_record_and_information_does_not(duty: Client) -> None:
    service = ServiceFactory(name="Community garden")
    community, information = IntroductionFactory(), IntroductionFactory()
    duty.post(_url("route", community) + "?q=garden", {"route": "community", "services": [service.pk]})
    duty.post(_url("route", information) + "?q=garden", {"route": "information", "services": [service.pk]})
    community.refresh_from_db()
    information.refresh_from_db()
    assert community.person is not None
    assert information.person is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_only_the_duty_roles_see_possible_matches(user_with_role: Callable[[Role], User], role: Role) -> None:
    _known_sam()
    introduction = _new_sam()
    user = user_with_role(role)
    if role in {Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR}:
        assert len(access_possible_matches_for(user, introduction)) == 1
    else:
        with pytest.raises(PermissionDenied):
            access_possible_matches_for(user, introduction)
    with pytest.raises(PermissionDenied):
        access_possible_matches_for(AnonymousUser(), introduction)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_the_demo_shows_easy_in_and_loads_twice_the_same(duty: Client) -> None:
    call_command("demo_load", stdout=StringIO())
    call_command("demo_load", stdout=StringIO())
    assert Introduction.objects.filter(reference__startswith="LW-DEMO").count() == 4
    assert Episode.objects.filter(person__preferred_name="Kit").count() == 1
    # The support demo's four, besides the figures' two years of past support (insight/demo.py).
    assert Episode.objects.exclude(person__email__endswith="@people.kingsmere.example").count() == 4
    assert OnwardIntroduction.objects.filter(service__organization__name="Canal Side Community Kitchen").count() == 1
    kit = Introduction.objects.get(reference="LW-DEMO03")
    html = duty.get(_url("introduction", kit)).content.decode()
    assert "Possible matches" in html
    assert "Same date of birth" in html


@pytest.mark.django_db
def test_a_brand_new_person_is_not_called_already_known(signed_in_client) -> None:
    from livingwell.support.tests.factories import urgent_introduction_routed

    duty = signed_in_client(Role.DUTY_WORKER)
    episode = urgent_introduction_routed(UserFactory(role=Role.PERSONAL_GUIDE))
    introduction = episode.person.introductions.get()
    html = duty.get(_url("introduction", introduction)).content.decode()
    assert "Linked to a person already known" not in html
    assert "A new person record was made for them when it was routed" in html
