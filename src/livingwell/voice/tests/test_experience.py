"""The experience-of-support survey: offered by the guide, answered by the person (never required), kept
apart from their record, and counted in the figures with small numbers suppressed (4 hidden, 5 shown)."""

import datetime
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.safety.models import RiskFlag
from livingwell.support.tests.factories import EpisodeFactory
from livingwell.voice.experience import experience_figures, experience_message, questions
from livingwell.voice.models import ExperienceOffer, ExperienceResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode(signed_in_client):
    guide = signed_in_client(Role.PERSONAL_GUIDE)
    made = EpisodeFactory(
        guide=User.objects.get(username="test-personal_guide"),
        person__preferred_name="Robin",
        person__email="robin@example.org",
        person__phone="",
    )
    return guide, made


def _offer(guide: Client, episode, **changes: str):
    data = {"moment": "first", "way": "email", "submission_id": str(uuid.uuid4()), **changes}
    return guide.post(reverse("voice:experience_offer", args=[episode.pk]), data)


def _link(offer: ExperienceOffer) -> str:
    message = experience_message(str(offer.pk))
    assert message is not None
    return re.search(r"http://\S+/evaluation/experience/open/\?link=\S+", message.body()).group(0)  # type: ignore[union-attr]


def test_offered_by_email_answered_once_and_kept_apart(episode) -> None:
    guide, made = episode
    no_phone = _offer(guide, made, way="text")
    assert b"There is no phone number for them" in no_phone.content
    no_account = _offer(guide, made, way="account")
    assert b"They have no account of their own" in no_account.content
    token = str(uuid.uuid4())
    _offer(guide, made, submission_id=token)
    _offer(guide, made, submission_id=token)
    offer = ExperienceOffer.objects.get()
    assert offer.way == "email"

    person = Client()
    assert person.get(_link(offer).removeprefix("http://localhost:8000")).status_code == 302
    page = person.get(reverse("voice:experience")).content.decode()
    assert "I was listened to" in page
    assert "your guide never sees them" in page
    listened, chose = questions()[:2]
    wrong = person.post(reverse("voice:experience"), {f"q_{listened.pk}": "9"})
    assert b"Choose one of the answers, or leave it" in wrong.content
    # Every question may be left; words of risk are read by the safety net and go to their guide.
    person.post(
        reverse("voice:experience"),
        {f"q_{listened.pk}": "5", f"q_{questions()[4].pk}": "Some nights I want to end my life."},
    )
    response = ExperienceResponse.objects.get()
    assert response.answers == {str(listened.pk): "5"}
    assert str(chose.pk) not in response.answers
    assert {f.name for f in ExperienceResponse._meta.fields} == {"id", "moment", "month", "answers", "words"}
    flag = RiskFlag.objects.get(where=RiskFlag.Where.EXPERIENCE)
    assert flag.person_id == made.person_id
    assert flag.guide.username == "test-personal_guide"
    again = person.post(reverse("voice:experience"), {f"q_{listened.pk}": "1"})
    assert again.status_code == 410  # the link was spent
    assert ExperienceResponse.objects.count() == 1
    # The guide sees that it was offered, never the answers.
    episode_page = guide.get(reverse("support:episode", args=[made.pk])).content.decode()
    assert "Some nights" not in episode_page
    assert "Offer the experience survey" in episode_page


def test_filled_in_with_the_guide_and_on_their_own_account(episode) -> None:
    guide, made = episode
    filled = _offer(guide, made, way="guide", moment="review")
    assert filled["Location"] == reverse("voice:experience")
    guide.post(reverse("voice:experience"), {f"q_{questions()[0].pk}": "4"})
    assert ExperienceResponse.objects.get().moment == "review"
    owner = User.objects.create_user(username="robin", password="a-long-test-password")
    made.person.user = owner
    made.person.save()
    _offer(guide, made, way="account", moment="closing")
    person = Client()
    person.force_login(owner)
    own = person.get(reverse("people:my_details")).content.decode()
    offer = ExperienceOffer.objects.get(way="account")
    assert "Tell us how your support was" in own
    assert person.get(reverse("voice:experience_yours", args=[offer.pk])).status_code == 302
    person.post(reverse("voice:experience"), {})
    assert ExperienceResponse.objects.filter(moment="closing").count() == 1
    stranger = Client()
    stranger.force_login(User.objects.create_user(username="someone", password="a-long-test-password"))
    assert stranger.get(reverse("voice:experience_yours", args=[offer.pk])).status_code == 410


def test_the_figures_hide_4_and_show_5() -> None:
    listened = questions()[0]
    month = timezone.localdate().replace(day=1)
    for value, count in (("5", 5), ("4", 4)):
        for _ in range(count):
            ExperienceResponse.objects.create(moment="first", month=month, answers={str(listened.pk): value})
    figures = experience_figures(month, (month + datetime.timedelta(days=32)).replace(day=1))
    (statement, cells, total) = figures.rows[0]
    assert statement == "I was listened to"
    assert [each.text for each in cells] == ["5", "fewer than 5", "0", "0", "0"]
    assert total.text == "not shown"  # with it, the hidden 4 could be worked out
    assert figures.responses.text == "9"
    later = experience_figures(month.replace(year=month.year + 1), month.replace(year=month.year + 2))
    assert later.responses.text == "0"


def test_analysts_read_the_figures(signed_in_client) -> None:
    analyst = signed_in_client(Role.ANALYST)
    page = analyst.get(reverse("insight:experience")).content.decode()
    assert "How far people agreed" in page
    assert "I know how to come back" in page
