"""Stories: written by anyone, read by whom the author chooses, published only as the author approved the
words, withdrawn at once; the safety net reads each as it is written."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role
from livingwell.safety.models import RiskFlag
from livingwell.voice.models import Story
from livingwell.voice.stories import story_message

pytestmark = pytest.mark.django_db


def _story(client: Client, **changes: str) -> object:
    data = {
        "title": "The crisis café",
        "text": "I went to the café at 2am. Dr Jones at the Maple ward listened, and I found my way back.",
        "writer": "person",
        "audience": "anonymous",
        "name": "Robin Okoro",
        "email": "robin@example.org",
        "submission_id": str(uuid.uuid4()),
        **changes,
    }
    return client.post(reverse("stories:write"), data)


def _author(story: Story, kind: str = "approve") -> Client:
    message = story_message(str(story.pk), kind)
    assert message is not None
    link = re.search(r"http://\S+/stories/yours/open/\?link=\S+", message.body()).group(0)  # type: ignore[union-attr]
    author = Client()
    assert author.get(link.removeprefix("http://localhost:8000")).status_code == 302
    return author


def test_writing_a_story_refuses_bad_input_and_keeps_one(client: Client) -> None:
    empty = client.post(reverse("stories:write"), {})
    assert b"Enter a title" in empty.content
    assert b"Write your story" in empty.content
    assert b"Choose who may read it" in empty.content
    unnamed = _story(client, audience="named", name="")
    assert b"Enter your name, to be named with your story" in unnamed.content
    no_email = _story(client, email="")
    assert b"so that you can approve the words before they are published" in no_email.content
    huge = _story(client, text="x" * 10001)
    assert b"Use 10,000 characters or fewer" in huge.content
    assert not Story.objects.exists()
    token = str(uuid.uuid4())
    sent = _story(client, submission_id=token, title="<script>alert(1)</script> Robert'); DROP TABLE voice_story;--")
    _story(client, submission_id=token)
    assert sent.status_code == 302
    assert Story.objects.count() == 1
    team_only = _story(client, audience="team", email="", name="")
    assert team_only.status_code == 302  # only the team reads it: no email needed


def test_words_of_risk_in_a_story_raise_a_flag_and_show_the_crisis_routes(client: Client) -> None:
    response = _story(client, text="Some nights I still want to kill myself.")
    assert response.status_code == 302
    flag = RiskFlag.objects.get(where=RiskFlag.Where.STORY)
    assert flag.writer_contact == "robin@example.org"
    page = client.get(response["Location"]).content.decode()
    assert "116 123" in page


def test_a_story_is_published_only_as_its_author_approved_and_withdrawn_at_once(
    client: Client, signed_in_client
) -> None:
    _story(client)
    story = Story.objects.get()
    public = Client()
    assert "The crisis café" not in public.get(reverse("stories:list")).content.decode()
    coordinator = signed_in_client(Role.SECRETARY)
    listing = coordinator.get(reverse("stories:moderation")).content.decode()
    assert "The crisis café" in listing
    suggested = "I went to the café at 2am. A doctor listened, and I found my way back."
    coordinator.post(
        reverse("stories:moderate", args=[story.pk]), {"suggested": suggested, "note": "We took out names."}
    )
    story.refresh_from_db()
    assert story.status == Story.Status.WITH_AUTHOR
    assert public.get(reverse("stories:story", args=[story.pk])).status_code == 404  # not approved yet

    author = _author(story)
    page = author.get(reverse("stories:yours")).content.decode()
    assert "Dr Jones at the Maple ward" in page  # what they wrote, beside
    assert "A doctor listened" in page  # what we would publish
    author.post(reverse("stories:yours"), {"action": "approve"})
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    shown = public.get(reverse("stories:story", args=[story.pk])).content.decode()
    assert "A doctor listened" in shown
    assert "Dr Jones" not in shown
    assert "Robin" not in shown  # they chose to be published without their name
    assert "Someone who has had support" in shown
    coordinator.post(reverse("stories:report", args=[story.pk]), {"in_report": "on"})
    assert Story.objects.get().in_report

    author.post(reverse("stories:yours"), {"action": "withdraw"})
    story.refresh_from_db()
    assert (story.status, story.published_at, story.in_report) == (Story.Status.WITHDRAWN, None, False)
    assert public.get(reverse("stories:story", args=[story.pk])).status_code == 404
    assert "The crisis café" not in public.get(reverse("stories:list")).content.decode()


def test_the_author_may_send_different_words_and_a_named_story_carries_their_name(
    client: Client, signed_in_client
) -> None:
    _story(client, audience="named")
    story = Story.objects.get()
    coordinator = signed_in_client(Role.SECRETARY)
    coordinator.post(reverse("stories:moderate", args=[story.pk]), {"suggested": "Shorter.", "note": ""})
    author = _author(story)
    empty = author.post(reverse("stories:yours"), {"action": "rewrite", "text": ""})
    assert b"Write your story" in empty.content
    author.post(reverse("stories:yours"), {"action": "rewrite", "text": "My own words, without names."})
    story.refresh_from_db()
    assert (story.status, story.text) == (Story.Status.WAITING, "My own words, without names.")
    approving_now = author.post(reverse("stories:yours"), {"action": "approve"}, follow=True)
    assert b"There is nothing waiting for your approval" in approving_now.content
    coordinator.post(reverse("stories:moderate", args=[story.pk]), {"suggested": "My own words.", "note": ""})
    author.post(reverse("stories:yours"), {"action": "approve"})
    shown = Client().get(reverse("stories:list")).content.decode()
    assert "Robin Okoro" in shown


def test_a_story_for_the_team_only_is_never_published(client: Client, signed_in_client) -> None:
    _story(client, audience="team")
    story = Story.objects.get()
    coordinator = signed_in_client(Role.SECRETARY)
    refused = coordinator.post(
        reverse("stories:moderate", args=[story.pk]), {"suggested": "x", "note": ""}, follow=True
    )
    assert b"only the team reads it" in refused.content
    coordinator.post(reverse("stories:keep", args=[story.pk]))
    assert Story.objects.get().status == Story.Status.KEPT
    assert Client().get(reverse("stories:story", args=[story.pk])).status_code == 404


def test_the_coordinator_sees_plainer_words_for_what_they_suggest_and_the_author_decides(
    client: Client, signed_in_client
) -> None:
    _story(client, text="My CPN said the care plan was robust. " + "I waited and I waited and I waited. " * 2)
    story = Story.objects.get()
    coordinator = signed_in_client(Role.SECRETARY)
    url = reverse("stories:moderate", args=[story.pk])
    page = coordinator.get(url).content.decode()
    assert "Spell out “CPN”" in page
    assert "Try “plan” instead of “care plan”" in page
    assert "These are their words: suggest a change only where it helps people reading, and they decide." in page
    # What they are about to suggest is checked as sent, when the form comes back with a mistake.
    page = coordinator.post(url, {"suggested": "", "note": "My ward round."}).content.decode()
    assert "Spell out" not in page
    assert "Suggestions to make it easier to read" not in page
