"""A round from start to results: made by the secretary, members and a contributor invited by email through
the worker and reminded, each answering once by their link, anonymously, with the safety net reading their
words."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.tests.factories import MembershipFactory
from livingwell.conftest import worker_run
from livingwell.safety.models import RiskFlag
from livingwell.voice.invitations import reminders
from livingwell.voice.ladder import ladder_load
from livingwell.voice.models import Answer, EvaluationRound, Invitation, Rung

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: datetime.date) -> dict[str, str]:
    return {f"{prefix}_day": str(day.day), f"{prefix}_month": str(day.month), f"{prefix}_year": str(day.year)}


def _round_posted(secretary: Client, slug: str, **fields: object) -> object:
    today = timezone.localdate()
    data = {
        "kind": "baseline",
        "title": "Baseline for the Board",
        **_date("opens_on", today),
        **_date("closes_on", today + datetime.timedelta(days=14)),
        "submission_id": "6f1d2c1e-1111-4a4a-9b9b-000000000001",
    }
    data.update({key: str(value) for key, value in fields.items()})
    return secretary.post(reverse("voice:round_new", args=[slug]), data)


def _links(to: str) -> list[str]:
    return [
        re.search(r"http://\S+/evaluation/answer/open/\?link=\S+", m.body).group(0)  # type: ignore[union-attr]
        for m in mail.outbox
        if to in m.to
    ]


def _answer(link: str, **fields: str) -> object:
    client = Client()
    opened = client.get(link.removeprefix("http://localhost:8000"))
    assert opened.status_code == 302
    return client, client.post(reverse("voice:answer"), fields)


def test_making_a_round_refuses_bad_input_and_makes_one_on_a_double_submit(secretary: Client, the_board) -> None:
    body, _groups = the_board
    empty = secretary.post(reverse("voice:round_new", args=[body.slug]), {})
    assert b"Choose the kind of round" in empty.content
    assert b"Enter a title" in empty.content
    backwards = _round_posted(secretary, body.slug, **_date("closes_on", timezone.localdate() - datetime.timedelta(1)))
    assert b"The round must close on or after the day it opens" in backwards.content
    huge = _round_posted(secretary, body.slug, title="x" * 151)
    assert b"Use 150 characters or fewer" in huge.content
    assert b"Error: " in huge.content
    _round_posted(secretary, body.slug, title="<script>alert(1)</script>'; DROP TABLE voice_answer;--")
    _round_posted(secretary, body.slug, title="<script>alert(1)</script>'; DROP TABLE voice_answer;--")
    the_round = EvaluationRound.objects.get()
    page = secretary.get(reverse("voice:round", args=[the_round.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_a_round_from_invitation_to_answers_and_a_reminder(
    secretary: Client, the_board, django_capture_on_commit_callbacks
) -> None:
    ladder_load(Rung)
    body, groups = the_board
    [
        MembershipFactory(body=body, constituency=groups["ebe"], member__name=f"Ebe {n}", member__email=f"e{n}@x.org")
        for n in range(3)
    ]
    MembershipFactory(body=body, constituency=groups["nhs"], member__name="No Email", member__email="")
    assert _round_posted(secretary, body.slug).status_code == 302
    the_round = EvaluationRound.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        page = secretary.post(reverse("voice:round_invite", args=[the_round.pk]), follow=True)
    assert b"invited" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(
            reverse("voice:contributor_add", args=[the_round.pk]), {"name": "Dr Guest", "email": "Guest@Trust.example"}
        )
    again = secretary.post(
        reverse("voice:contributor_add", args=[the_round.pk]), {"name": "Dr Guest", "email": "guest@trust.example"}
    )
    assert b"Someone with this email address is already invited" in again.content
    worker_run()
    invited = Invitation.objects.filter(round=the_round)
    assert invited.count() == 6  # the secretary, 3 Experts by Experience, one without email, the guest
    assert invited.filter(sent_at__isnull=True).get().member.name == "No Email"
    link = _links("e0@x.org")[0]
    assert "How involved were you in Co-production Board?" in [m.subject for m in mail.outbox]
    assert _links("guest@trust.example")

    # Bad input loses nothing and saves nothing.
    client, empty = _answer(link)
    assert b"Choose where you felt the work stood" in empty.content
    assert b"Say why, in your own words" in empty.content
    too_long = client.post(reverse("voice:answer"), {"rung": Rung.objects.last().pk, "why": "x" * 3001})
    assert b"Use 3,000 characters or fewer" in too_long.content
    wrong = client.post(reverse("voice:answer"), {"rung": "'; DROP TABLE voice_rung;--", "why": "Because"})
    assert b"Choose where you felt the work stood" in wrong.content
    assert not Answer.objects.exists()

    top = Rung.objects.order_by("-position").first()
    done = client.post(
        reverse("voice:answer"),
        {"rung": top.pk, "why": "We wrote the plan together ✨ <b>really</b>", "may_quote": "on"},
    )
    assert done.status_code == 302
    # A second go at the same link, or a replay, adds nothing.
    _again, replay = _answer(link, rung=str(top.pk), why="Twice")
    assert b"You have already answered" in replay.content
    assert Answer.objects.count() == 1
    answer = Answer.objects.get()
    assert (answer.group, answer.may_quote) == ("ebe", True)
    assert not [f.name for f in Answer._meta.fields if f.name in {"invitation", "member", "created_at"}]

    # Words of risk reach the duty team with who wrote them; the answer is still anonymous in its table.
    _client, risky = _answer(_links("e1@x.org")[0], rung=str(top.pk), why="I want to end my life")
    assert risky.status_code == 302
    flag = RiskFlag.objects.get(where=RiskFlag.Where.EVALUATION)
    assert flag.writer_name == "Ebe 1"

    # The reminder goes to those who have not answered, once.
    reminded = reminders(kind="round", asked_id=the_round.pk)
    assert reminded == 3  # the secretary, Ebe 2 and the guest; nobody without an address
    assert reminders(kind="round", asked_id=the_round.pk) == 0
    worker_run()
    reminded_to = [m.to[0] for m in mail.outbox if m.subject.startswith("A reminder")]
    assert len(reminded_to) == 3
    assert {"e2@x.org", "guest@trust.example"} < set(reminded_to)
    assert "e0@x.org" not in reminded_to
    for message in mail.outbox:
        assert "116 123" in message.body  # the crisis routes end every email

    # Nobody answers after the results are published.
    EvaluationRound.objects.filter(pk=the_round.pk).update(closes_on=timezone.localdate())
    secretary.post(reverse("voice:round_publish", args=[the_round.pk]))
    _client, late = _answer(_links("e2@x.org")[0], rung=str(top.pk), why="Late")
    assert b"This round has closed" in late.content
    assert Answer.objects.count() == 2


def test_a_broken_or_forged_link_says_so(client: Client) -> None:
    for link in ("", "abc", "x" * 5000):
        response = client.get(reverse("voice:answer_open"), {"link": link})
        assert response.status_code == 410
        assert b"This link does not work" in response.content
    assert client.get(reverse("voice:answer")).status_code == 410


def test_publishing_waits_for_the_closing_day(secretary: Client, the_board) -> None:
    body, _groups = the_board
    _round_posted(secretary, body.slug)
    the_round = EvaluationRound.objects.get()
    page = secretary.post(reverse("voice:round_publish", args=[the_round.pk]), follow=True)
    assert b"publish its results then" in page.content
    assert EvaluationRound.objects.get().published_at is None
