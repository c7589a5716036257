"""Risk and the person's own words travel with them: routed to Hub support, an urgent introduction reaches
their guide's episode with what they wrote, the risk found and the first conversation; the caseload keeps
the urgent flag until a safety conversation or a crisis plan; what they told us can start About me."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.conftest import sign_in
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.support.models import Plan
from livingwell.support.tests.factories import urgent_introduction_routed

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_the_guide_sees_what_they_wrote_the_risk_and_the_first_conversation() -> None:
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    episode = urgent_introduction_routed(guide)
    client = _client(guide)
    html = client.get(reverse("support:episode", args=[episode.pk])).content.decode()
    for shown in (
        "How they came to us",
        "I can&#x27;t keep myself safe at night",
        "Suicide",
        "tablets saved up",
        "Pip and the allotment",
        "A guide to call tomorrow",
        "Urgent: how they came to us had words of immediate risk",
    ):
        assert shown in html, shown
    read = AuditEvent.objects.filter(action="read", record_type="frontdoor.introduction", actor=guide)
    assert read.filter(person_id=episode.person_id).exists()


def test_the_urgent_flag_stays_on_the_caseload_until_a_safety_conversation() -> None:
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    episode = urgent_introduction_routed(guide)
    client = _client(guide)
    flag = "Urgent: safety conversation needed"
    assert flag in client.get(reverse("support:caseload")).content.decode()
    moment = timezone.localtime()
    contact = {"kind": "call", "on": moment.strftime("%d/%m/%Y"), "at": moment.strftime("%H:%M"), "note": "Talked"}
    contact["submission_id"] = str(uuid.uuid4())
    assert client.post(reverse("support:contact_log", args=[episode.pk]), contact).status_code == 302
    assert flag in client.get(reverse("support:caseload")).content.decode()  # an ordinary call is not enough
    safety = {**contact, "safety_conversation": "on", "submission_id": str(uuid.uuid4())}
    assert client.post(reverse("support:contact_log", args=[episode.pk]), safety).status_code == 302
    assert flag not in client.get(reverse("support:caseload")).content.decode()
    episode.refresh_from_db()
    assert episode.safety_conversation_at is not None


def test_a_crisis_plan_in_their_plan_also_clears_it() -> None:
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    episode = urgent_introduction_routed(guide)
    client = _client(guide)
    client.post(reverse("support:about_me", args=[episode.pk]), {"crisis_plan": "Call my sister; go to A&E"})
    assert "safety conversation needed" not in client.get(reverse("support:caseload")).content.decode()


def test_a_peer_guide_sees_that_it_was_urgent_but_not_the_words() -> None:
    peer = UserFactory(username="pip", role=Role.PEER_SUPPORTER)
    episode = urgent_introduction_routed(peer)
    html = _client(peer).get(reverse("support:episode", args=[episode.pk])).content.decode()
    assert "Suicide" in html
    assert "Urgent" in html
    assert "tablets saved up" not in html
    assert "keep myself safe at night" not in html


def test_what_they_told_the_front_door_starts_about_me_once_they_agree() -> None:
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    episode = urgent_introduction_routed(guide)
    client = _client(guide)
    plan_url = reverse("support:plan", args=[episode.pk])
    assert "Start About me from what they told us" in client.get(plan_url).content.decode()
    url = reverse("support:plan_from_introduction", args=[episode.pk])
    arrival = Introduction.objects.get()
    refused = client.post(url, {"introduction": arrival.pk}, follow=True)
    assert "tick that they agree" in refused.content.decode()
    assert Plan.objects.get().interests == ""
    assert client.post(url, {"introduction": IntroductionFactory().pk, "agreed": "on"}).status_code == 404
    client.post(url, {"introduction": arrival.pk, "agreed": "on"})
    plan = Plan.objects.get()
    assert (plan.interests, plan.skills, plan.what_matters) == ("Gardening", "Fixing bikes", "My dog, Pip")
    assert "Start About me from what they told us" not in client.get(plan_url).content.decode()
