"""Outcome measures through HTTP: recorded with a guide at the start and at a review, filled in online by
the person, the change shown; bad answers and double submits; loading licensed wording."""

import json
import uuid
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.core import plain_words
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.access import access_measures_for, access_own_measures_for
from livingwell.support.models import Episode, Instrument, Measurement
from livingwell.support.tests.factories import EpisodeFactory

SWEMWBS_LOW = [2, 2, 3, 3, 3, 3, 3]  # raw 19, metric 17.98
SWEMWBS_HIGH = [4, 4, 4, 4, 4, 4, 3]  # raw 27, metric 24.11


def _answers(values: list[int], **extra: str) -> dict[str, str]:
    data = {f"item_{number}": str(value) for number, value in enumerate(values, start=1)}
    return {"token": str(uuid.uuid4()), **data, **extra}


def _record(client: Client, episode: Episode, code: str, data: dict[str, str]) -> object:
    return client.post(reverse("support:measure_new", kwargs={"episode_id": episode.pk, "code": code}), data)


def test_each_measure_recorded_twice_shows_the_change(guide: Client, episode: Episode) -> None:
    Instrument.objects.filter(code="swemwbs").update(meaningful_change={"metric": 3})
    _record(guide, episode, "swemwbs", _answers(SWEMWBS_LOW, occasion="start"))
    _record(guide, episode, "swemwbs", _answers(SWEMWBS_HIGH, occasion="review"))
    _record(guide, episode, "ons4", _answers([4, 5, 4, 8], occasion="start"))
    _record(guide, episode, "ons4", _answers([6, 7, 7, 3], occasion="review"))
    dialog_first = _answers([3] * 11, occasion="start", more_help_3="on")
    _record(guide, episode, "dialog", dialog_first)
    _record(guide, episode, "dialog", _answers([5] * 8 + [4] * 3, occasion="end"))
    assert Measurement.objects.count() == 6
    html = guide.get(reverse("support:measures", kwargs={"episode_id": episode.pk})).content.decode()
    assert "17.98 → 24.11 (+6.13, better)" in html
    assert "Meaningful change" in html
    assert "Anxious yesterday: 8 → 3 (-5, better)" in html
    assert "No threshold set for a meaningful change" in html
    assert "Quality of life (mean of 8 life domains, 1 to 7): 3 → 5 (+2, better)" in html
    assert "6 (Medium)" in html  # ONS4 bands beside the scores
    assert Measurement.objects.get(submission_token=dialog_first["token"]).more_help == {"3": True}


@pytest.mark.parametrize(
    ("values", "extra", "message"),
    [
        (SWEMWBS_LOW[:6], {"occasion": "start"}, "Answer question 7"),
        ([6, 2, 3, 3, 3, 3, 3], {"occasion": "start"}, "Answer question 1 with one of the options"),
        (["<b>", 2, 3, 3, 3, 3, 3], {"occasion": "start"}, "Answer question 1 with one of the options"),
        (SWEMWBS_LOW, {}, "Select when in their support this is"),
        (SWEMWBS_LOW, {"occasion": "whenever"}, "Select a valid choice"),
    ],
)
def test_a_measure_with_something_wrong_says_what_and_saves_nothing(
    guide: Client, episode: Episode, values: list[object], extra: dict[str, str], message: str
) -> None:
    response = _record(guide, episode, "swemwbs", _answers(values, **extra))  # type: ignore[arg-type]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert message in response.content.decode()  # type: ignore[attr-defined]
    assert not Measurement.objects.exists()


def test_a_double_submit_records_one(guide: Client, episode: Episode) -> None:
    data = _answers([5, 6, 6, 2], occasion="start")
    _record(guide, episode, "ons4", data)
    _record(guide, episode, "ons4", data)
    assert Measurement.objects.count() == 1


def test_swemwbs_warns_while_its_wording_is_a_placeholder(guide: Client, episode: Episode, tmp_path: Path) -> None:
    url = reverse("support:measure_new", kwargs={"episode_id": episode.pk, "code": "swemwbs"})
    assert "These questions are placeholders" in guide.get(url).content.decode()
    wording = tmp_path / "swemwbs.json"
    wording.write_text(json.dumps([f"Licensed item {number}" for number in range(1, 8)]))
    call_command("measures_load_text", "swemwbs", str(wording), stdout=StringIO())
    page = guide.get(url).content.decode()
    assert "placeholders" not in page
    assert "Licensed item 7" in page


@pytest.mark.parametrize(
    ("code", "content", "message"),
    [
        ("nope", "[]", "No measure"),
        ("swemwbs", "not json", "Could not read"),
        ("swemwbs", '["one", "two"]', "has 7 items"),
        ("swemwbs", "[1, 2, 3, 4, 5, 6, 7]", "non-empty strings"),
    ],
)
def test_loading_wording_refuses_a_bad_file(db: None, tmp_path: Path, code: str, content: str, message: str) -> None:
    wording = tmp_path / "items.json"
    wording.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("measures_load_text", code, str(wording), stdout=StringIO())
    assert Instrument.objects.get(code="swemwbs").text_is_placeholder


def test_the_person_fills_in_measures_online(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.PERSON)
    person = PersonFactory(user=User.objects.get(username="test-person"))
    EpisodeFactory(person=person)
    url = reverse("support:my_measure_new", kwargs={"code": "ons4"})
    form = client.get(url).content.decode()
    assert "When in their support" not in form  # no occasion to choose online
    assert '<h1 class="govuk-heading-l">Your wellbeing in four questions</h1>' in form  # in their words
    for code, plain in (("swemwbs", "How you have been feeling"), ("dialog", "Your life and your support")):
        filling_in = client.get(reverse("support:my_measure_new", kwargs={"code": code})).content.decode()
        assert f'<h1 class="govuk-heading-l">{plain}</h1>' in filling_in
        assert plain in filling_in.split("</title>")[0]
    client.post(url, _answers([4, 5, 4, 8]))
    client.post(url, _answers([7, 7, 8, 2]))
    first, second = Measurement.objects.order_by("taken_at")
    assert (first.occasion, second.occasion, first.recorded_by) == ("start", "review", None)
    html = client.get(reverse("support:my_measures")).content.decode()
    said = " ".join(html.split())
    assert "Satisfied with life (0 to 10): 4 the first time, 7 the latest time. That is better." in said
    assert "Anxious yesterday (0 to 10: lower is better): 8 the first time, 2 the latest time. That is better." in said
    assert "(filled in online)" in html
    # In plain words for the person: no acronyms, no raw or metric scores.
    for jargon in ("ONS4", "SWEMWBS", "DIALOG", "Raw score", "metric score"):
        assert jargon not in html, jargon
    assert "Your wellbeing in four questions" in html
    assert "Fill in: How you have been feeling" in html
    # The plain-words check finds nothing to suggest (decision 0061).
    assert plain_words.read(plain_words.main_text(html)).suggestions == ()


@pytest.mark.parametrize("role", list(Role))
def test_who_reads_measures(user_with_role: Callable[[Role], User], role: Role) -> None:
    user = user_with_role(role)
    episode = EpisodeFactory(guide=user) if role != Role.PERSON else EpisodeFactory()
    if role in {Role.PERSONAL_GUIDE, Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR}:
        assert len(access_measures_for(user, episode)) == 3
    else:
        with pytest.raises(PermissionDenied):
            access_measures_for(user, episode)
    if role == Role.PERSON:
        assert access_own_measures_for(user) is None
    else:
        with pytest.raises(PermissionDenied):
            access_own_measures_for(user)
    with pytest.raises(PermissionDenied):
        access_own_measures_for(AnonymousUser())  # type: ignore[arg-type]
