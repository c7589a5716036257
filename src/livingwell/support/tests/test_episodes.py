"""An episode's page and the guide's work on it, through HTTP: contacts, next steps, holds, closing and
coming back, handing over."""

import datetime
import re
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.audit.models import AuditEvent
from livingwell.conftest import worker_run
from livingwell.support.models import Action, ContactLogEntry, Episode, EpisodeChange
from livingwell.support.tests.factories import EpisodeFactory, GuideProfileFactory

COME_BACK = reverse("support:come_back")


def _url(name: str, episode: Episode) -> str:
    return reverse(f"support:{name}", kwargs={"episode_id": episode.pk})


def _now_fields(delta: datetime.timedelta = datetime.timedelta(0)) -> dict[str, str]:
    moment = timezone.localtime(timezone.now() - delta)
    return {"on": moment.strftime("%d/%m/%Y"), "at": moment.strftime("%H:%M")}


def test_a_guide_records_contacts_and_they_show_on_the_timeline(guide: Client, episode: Episode) -> None:
    response = guide.post(
        _url("contact_log", episode),
        {"kind": "call", "note": "Talked about the garden", **_now_fields(), "submission_id": str(uuid.uuid4())},
    )
    assert response["Location"] == _url("episode", episode)
    html = guide.get(_url("episode", episode)).content.decode()
    assert "Phone call" in html
    assert "Talked about the garden" in html
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, record_type="support.contactlogentry").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select how you were in touch"),
        ({"kind": "carrier pigeon", **_now_fields()}, "Select a valid choice"),
        ({"kind": "call", "on": "31/02/2026", "at": "10:00"}, "Enter a real date"),
        ({"kind": "call", "on": "01/01/2099", "at": "10:00"}, "must not be in the future"),
        ({"kind": "call", "on": "01/01/2000", "at": "10:00"}, "after the episode opened"),
        ({"kind": "call", "note": "x" * 501, **_now_fields()}, "Use 500 characters or fewer"),
    ],
)
def test_a_contact_with_something_wrong_says_what_and_saves_nothing(
    guide: Client, episode: Episode, data: dict[str, str], message: str
) -> None:
    response = guide.post(_url("contact_log", episode), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ContactLogEntry.objects.exists()


def test_next_steps_are_added_and_done_once(guide: Client, episode: Episode) -> None:
    due = timezone.localdate() + datetime.timedelta(days=7)
    data = {
        "what": "Visit the community garden <b>together</b>",
        "who": "Sam and Ana",
        "submission_id": str(uuid.uuid4()),
    }
    data |= {"due_on_day": str(due.day), "due_on_month": str(due.month), "due_on_year": str(due.year)}
    assert guide.post(_url("action_new", episode), data).status_code == 302
    action = Action.objects.get()
    html = guide.get(_url("episode", episode)).content.decode()
    assert "Visit the community garden &lt;b&gt;together&lt;/b&gt;" in html
    done = reverse("support:action_done", kwargs={"action_id": action.pk})
    guide.post(done)
    first_done = Action.objects.get().done_at
    guide.post(done)  # a double click
    assert Action.objects.get().done_at == first_done
    assert "Step done" in guide.get(_url("episode", episode)).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the next step"),
        ({"what": "Walk", "who": "Sam"}, "Enter the date it is due by"),
        (
            {"what": "Walk", "who": "Sam", "due_on_day": "1", "due_on_month": "1", "due_on_year": "2000"},
            "today or later",
        ),
        ({"what": "x" * 301, "who": "Sam", "due_on_day": "1", "due_on_month": "1", "due_on_year": "2030"}, "300"),
    ],
)
def test_a_next_step_with_something_wrong_says_what(
    guide: Client, episode: Episode, data: dict[str, str], message: str
) -> None:
    response = guide.post(_url("action_new", episode), data)
    assert message in response.content.decode()
    assert not Action.objects.exists()


def test_hold_and_resume_each_keep_their_reason(guide: Client, episode: Episode) -> None:
    guide.post(_url("status", episode), {"change": "hold", "reason": "In hospital for a fortnight"})
    episode.refresh_from_db()
    assert episode.status == "on_hold"
    # Putting it on hold again is not offered, and a replayed form changes nothing.
    response = guide.post(_url("status", episode), {"change": "hold", "reason": "again"})
    assert "Select a valid choice" in response.content.decode()
    guide.post(_url("status", episode), {"change": "resume", "reason": "Home again"})
    episode.refresh_from_db()
    assert episode.status == "open"
    assert list(episode.changes.values_list("kind", "reason")) == [
        ("on_hold", "In hospital for a fortnight"),
        ("resumed", "Home again"),
    ]


def test_a_status_change_needs_a_reason(guide: Client, episode: Episode) -> None:
    response = guide.post(_url("status", episode), {"change": "close", "reason": "   "})
    assert "Enter why" in response.content.decode()
    episode.refresh_from_db()
    assert episode.status == "open"


@pytest.mark.django_db(transaction=True)
def test_easy_out_closing_sends_a_plain_summary_with_a_one_step_way_back(guide: Client, episode: Episode) -> None:
    Action.objects.create(
        episode=episode,
        what="Join the walking group",
        who="Sam",
        due_on=timezone.localdate(),
        done_at=timezone.now(),
        created_by=episode.guide,
    )
    guide.post(_url("status", episode), {"change": "close", "reason": "Sam is back at work and feeling well"})
    episode.refresh_from_db()
    assert (episode.status, episode.closed_at is not None) == ("closed", True)
    worker_run()
    (summary,) = mail.outbox
    assert summary.to == ["robin@example.org"]
    assert "Sam is back at work and feeling well" in summary.body
    assert "- Join the walking group" in summary.body
    assert "116 123" in summary.body
    link = re.search(r"http://\S+/come-back/\?link=\S+", summary.body)
    assert link is not None
    token = parse_qs(urlsplit(link.group(0)).query)["link"][0]

    visitor = Client()
    assert "I would like support again" in visitor.get(COME_BACK, {"link": token}).content.decode()
    episode.refresh_from_db()
    assert episode.status == "closed"  # opening the link changes nothing until the button is pressed
    assert visitor.post(COME_BACK, {"link": token})["Location"] == reverse("support:came_back")
    episode.refresh_from_db()
    assert episode.status == "open"
    reopened = episode.changes.get(kind=EpisodeChange.Kind.REOPENED)
    assert reopened.changed_by is None  # the person did it
    assert Episode.objects.count() == 1  # the same episode: all its history kept
    worker_run()
    assert mail.outbox[-1].to == [episode.guide.email]
    assert "Robin" not in mail.outbox[-1].body  # the guide's email names nobody
    # The link has done its work; pressing again changes nothing.
    assert "Your support is open again" in visitor.post(COME_BACK, {"link": token}).content.decode()
    assert episode.changes.filter(kind=EpisodeChange.Kind.REOPENED).count() == 1

    # Closed again, the old summary's link no longer works; the new one would.
    guide.post(_url("status", episode), {"change": "close", "reason": "Moved away"})
    assert visitor.get(COME_BACK, {"link": token}).status_code == 410


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 5000, "<script>", "' OR 1=1 --"])
def test_a_broken_come_back_link_says_so_and_points_to_the_front_door(client: Client, db: None, token: str) -> None:
    response = client.post(COME_BACK, {"link": token})
    assert response.status_code == 410
    assert "Introduce yourself again" in response.content.decode()


def test_after_the_easy_in_period_the_link_no_longer_works(guide: Client, episode: Episode, settings: object) -> None:
    from livingwell.support.come_back import come_back_url

    guide.post(_url("status", episode), {"change": "close", "reason": "Feeling well"})
    episode.refresh_from_db()
    token = parse_qs(urlsplit(come_back_url(episode)).query)["link"][0]
    settings.LW_EASY_IN_DAYS = 0  # type: ignore[attr-defined]
    assert Client().get(COME_BACK, {"link": token}).status_code == 410


def test_the_guide_can_reopen_and_print_the_summary(guide: Client, episode: Episode) -> None:
    guide.post(_url("status", episode), {"change": "close", "reason": "Feeling well"})
    summary = guide.get(_url("closing_summary", episode)).content.decode()
    assert "Feeling well" in summary
    assert "/come-back/?link=" in summary
    guide.post(_url("status", episode), {"change": "reopen", "reason": "Asked on the phone"})
    episode.refresh_from_db()
    assert episode.status == "open"
    assert episode.next_review_on is not None


def test_reopening_is_refused_when_the_person_has_another_episode_open(guide: Client, episode: Episode) -> None:
    guide.post(_url("status", episode), {"change": "close", "reason": "Feeling well"})
    EpisodeFactory(person=episode.person, guide=episode.guide)
    guide.post(_url("status", episode), {"change": "reopen", "reason": "Asked"})
    episode.refresh_from_db()
    assert episode.status == "closed"


def test_a_guide_hands_over_with_a_note_kept_in_the_history(guide: Client, episode: Episode) -> None:
    ben = GuideProfileFactory(name="Ben")
    page = guide.get(_url("hand_over", episode)).content.decode()
    assert "Ben" in page
    assert guide.post(_url("hand_over", episode), {"guide": ben.user.pk, "note": ""}).status_code == 200
    guide.post(_url("hand_over", episode), {"guide": ben.user.pk, "note": "Likes mornings; dog called Rex"})
    episode.refresh_from_db()
    assert episode.guide == ben.user
    change = episode.changes.get()
    assert (change.kind, change.reason, change.guide) == ("guide_changed", "Likes mornings; dog called Rex", ben.user)
    # The old guide no longer sees them.
    assert guide.get(_url("episode", episode)).status_code == 403


def test_an_interpreter_they_need_is_shown_with_how_to_contact_them(guide: Client, episode: Episode) -> None:
    person = episode.person
    person.language, person.needs_interpreter = "Soomaali", True
    person.save()
    page = guide.get(_url("episode", episode)).content.decode()
    assert "Needs an interpreter for Soomaali: book one before you contact them." in page
