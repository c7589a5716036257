"""Life circumstances through HTTP: recorded by the guide with the person, every answer optional, once per
form, bad answers refused with a message and nothing kept, and every read audited."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.audit.models import AuditEvent
from livingwell.support.models import Episode, LifeCircumstances


def _url(episode: Episode) -> str:
    return reverse("support:life", kwargs={"episode_id": episode.pk})


def _posted(**answers: str) -> dict[str, str]:
    return {"submission_id": str(uuid.uuid4()), "occasion": "start", **answers}


def test_the_guide_records_how_life_stands_at_the_start_and_at_a_review(guide: Client, episode: Episode) -> None:
    url = _url(episode)
    start = _posted(work="neither", education="not", benefits="gets", home="supported", medication="same")
    assert guide.post(url, start).status_code == 302
    review = _posted(occasion="review", work="volunteering", benefits="gets", medication="less")
    assert guide.post(url, review).status_code == 302
    html = guide.get(url).content.decode()
    for words in ("Neither", "Supported housing", "About the same", "Volunteering", "Takes less than before"):
        assert words in html
    first, latest = LifeCircumstances.objects.order_by("recorded_at")
    assert (first.work, latest.work, latest.education, latest.home) == ("neither", "volunteering", "", "")
    read = AuditEvent.objects.filter(action=AuditEvent.Action.READ, record_id__in=[str(first.pk), str(latest.pk)])
    assert set(read.values_list("record_id", flat=True)) == {str(first.pk), str(latest.pk)}
    assert set(read.values_list("person_id", flat=True)) == {episode.person_id}


def test_every_answer_may_be_left_but_when_in_their_support_is_asked(guide: Client, episode: Episode) -> None:
    response = guide.post(_url(episode), {"submission_id": str(uuid.uuid4())})
    assert "Select when in their support this is" in response.content.decode()
    assert not LifeCircumstances.objects.exists()
    assert guide.post(_url(episode), _posted()).status_code == 302
    assert LifeCircumstances.objects.get().work == ""


@pytest.mark.parametrize(
    "answers",
    [
        {"work": "<script>alert(1)</script>"},
        {"medication": "'; DROP TABLE support_lifecircumstances; --"},
        {"home": "castle"},
        {"benefits": "x" * 5000},
        {"occasion": "someday"},
        {"education": "ïn"},
    ],
)
def test_an_answer_not_offered_is_refused_and_nothing_kept(
    guide: Client, episode: Episode, answers: dict[str, str]
) -> None:
    response = guide.post(_url(episode), _posted(**answers))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not LifeCircumstances.objects.exists()


def test_the_same_form_sent_twice_records_once(guide: Client, episode: Episode) -> None:
    form = _posted(work="paid")
    for _ in range(3):
        guide.post(_url(episode), form)
    assert LifeCircumstances.objects.count() == 1


def test_a_missing_or_forged_form_token_is_refused(guide: Client, episode: Episode) -> None:
    for token in ("", "not-a-token"):
        response = guide.post(_url(episode), {"occasion": "start", "submission_id": token})
        assert "Send the form again" in response.content.decode()
    assert not LifeCircumstances.objects.exists()
