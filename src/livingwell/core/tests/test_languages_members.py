"""A member of the Collaborative reads their own pages in the language they chose (decision 0062), and what is
sent to them is written in the language they asked to join in: what they are part of, replying to a meeting
with their access needs, suggesting a topic, the draft minutes they are sent, their payments and a claim with
its expenses, the quarterly report's draft they comment on, with every mistake a member can make there; their
welcome, and the messages about meetings and rotas. With the demo's real figures and groups, the public pages
a walk with made-up data misses: "How we are doing" with a quarter's tables, and groups that meet on a
pattern."""

import datetime
import uuid
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.services import password_reset_message
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Body, Claim, Meeting, Member, Minutes, RotaTurn
from livingwell.collaborative.rotas import rota_message
from livingwell.collaborative.services import (
    join_request_approve,
    join_request_decline,
    meeting_message,
    welcome_message,
)
from livingwell.collaborative.tests.factories import board
from livingwell.conftest import worker_run
from livingwell.core.outbox import Builder, Message, builder_path, message_build
from livingwell.core.tests.test_languages import OTHERS, Untranslated, _in
from livingwell.insight import reports
from livingwell.insight.quarters import quarter_of

pytestmark = pytest.mark.django_db


def _built(build: Builder, **ids: object) -> Message:
    message = message_build(builder_path(build), ids)  # type: ignore[arg-type]  # ids as the queue holds them
    assert message is not None
    message.body()
    return message


def test_a_member_reads_their_own_pages_and_is_written_to_in_their_language(monkeypatch: pytest.MonkeyPatch) -> None:
    call_command("demo_load", stdout=StringIO())  # a member with meetings, draft minutes, a claim and a rota
    user = User.objects.get(username="person")
    member = Client()
    member.force_login(user)
    quarter = quarter_of(timezone.localdate() - datetime.timedelta(days=100))  # one the demo has figures for
    reports.report_start(actor=UserFactory(role=Role.ANALYST), quarter=quarter)
    claim = Claim.objects.filter(member__user=user).first()
    meeting = Meeting.objects.filter(starts_at__gt=timezone.now(), body__memberships__member__user=user).first()
    assert claim is not None
    assert meeting is not None
    for code in OTHERS:
        untranslated = Untranslated(monkeypatch, code)
        pages = [
            member.get(_in(code, name))
            for name in ("collaborative:mine", "collaborative:my_payments", "accounts:dashboard")
        ]
        pages.append(member.get(_in(code, "collaborative:my_payments"), {"year": "2020"}))
        pages.append(member.get(_in(code, "collaborative:claim", claim_id=claim.pk)))
        expense = _in(code, "collaborative:claim_expense", claim_id=claim.pk)
        pages.append(member.post(expense, {"submission_id": str(uuid.uuid4())}))
        pages.append(member.post(expense, {"amount": "-3", "what": "<b>x</b>", "submission_id": str(uuid.uuid4())}))
        reply = _in(code, "collaborative:reply", meeting_id=meeting.pk)
        pages += [member.get(reply), member.post(reply, {})]
        pages.append(member.post(reply, {"answer": "yes", "access_needs": "A quiet room"}, follow=True))
        suggest = _in(code, "collaborative:suggest", slug=meeting.body.slug)
        pages += [member.get(suggest), member.post(suggest, {"submission_id": str(uuid.uuid4())})]
        pages.append(
            member.post(
                suggest, {"title": "Waiting times", "why": "We wait", "submission_id": str(uuid.uuid4())}, follow=True
            )
        )
        for minutes in Minutes.objects.filter(status="circulated", meeting__body__memberships__member__user=user):
            pages.append(member.get(_in(code, "collaborative:minutes_draft", meeting_id=minutes.meeting_id)))
        # As the network's critical friend, a member reads the quarterly report's draft and comments on it.
        pages.append(member.get(_in(code, "insight:reports")))
        pages.append(member.get(_in(code, "insight:report", quarter=quarter.slug)))
        comment = _in(code, "insight:report_comment", quarter=quarter.slug)
        pages.append(member.post(comment, {"submission_id": str(uuid.uuid4())}, follow=True))
        # "How we are doing" with a quarter's real figures, as anyone reads it.
        pages.append(Client().get(_in(code, "public_figures:page"), {"quarter": quarter.slug}))
        # Its open data reads the same in every language, as published data does.
        for form in ("json", "csv"):
            assert (
                Client().get(_in(code, f"public_figures:{form}", quarter=quarter.slug)).content
                == Client().get(_in("en-gb", f"public_figures:{form}", quarter=quarter.slug)).content
            )
        # The public pages of groups that meet on a pattern ("the first Tuesday of every month"), with
        # minutes published, as the demo has them.
        pages += [
            member.get(_in(code, "collaborative:body", slug=slug))
            for slug in Body.objects.values_list("slug", flat=True)
        ]
        for minutes in Minutes.objects.filter(status="published"):
            pages.append(member.get(_in(code, "collaborative:meeting", meeting_id=minutes.meeting_id)))
        assert all(f'lang="{code}"' in page.content.decode() for page in pages)
        assert [page.status_code for page in pages if page.status_code >= 500] == []

        Member.objects.filter(user=user).update(written_in=code)
        them = Member.objects.get(user=user)
        sent = [
            _built(meeting_message, member_id=str(them.pk), meeting_id=meeting.pk, what=what)
            for what in ("changed", "reminder", "agenda", "minutes")
        ]
        sent.append(_built(welcome_message, member_id=str(them.pk), body_id=meeting.body_id))
        turn = RotaTurn.objects.select_related("membership").first()
        assert turn is not None
        Member.objects.filter(pk=turn.membership.member_id).update(written_in=code)
        sent.append(_built(rota_message, turn_id=turn.pk, membership_id=turn.membership_id))
        sent.append(_built(password_reset_message, user_id=user.pk))
        assert {message.language for message in sent} == {code}
        assert all(f"/{code}/" in message.body() for message in sent[:4])  # its links are in their language
        assert list(untranslated.found) == [], code


@pytest.mark.django_db(transaction=True)  # the worker runs here, and closes its connections when done
@pytest.mark.parametrize("code", OTHERS)
def test_someone_who_asks_to_join_in_a_language_is_answered_in_it(
    client: Client, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    body, groups = board()
    Body.objects.filter(pk=body.pk).update(open_membership=True)
    untranslated = Untranslated(monkeypatch, code)
    for name in ("Hodan", "Ifrah"):
        asked = client.post(
            _in(code, "collaborative:join", slug=body.slug),
            {
                "constituency": groups["ebe"].pk, "name": name, "email": f"{name}@example.org", "agree": "on",
                "submission_id": str(uuid.uuid4()),
            },
        )  # fmt: skip
        assert asked.status_code == 302
    assert set(body.join_requests.values_list("written_in", flat=True)) == {code}
    secretary = UserFactory(role=Role.SECRETARY)
    welcomed = join_request_approve(actor=secretary, join_request=body.join_requests.get(name="Hodan"))
    assert welcomed.member.written_in == code
    join_request_decline(actor=secretary, join_request=body.join_requests.get(name="Ifrah"), reason="The group is full")
    worker_run()
    welcome, declined = (next(m for m in mail.outbox if m.to == [f"{name}@example.org"]) for name in ("Hodan", "Ifrah"))
    link = urlsplit(next(word for word in welcome.body.split() if "://" in word))
    assert link.path.startswith(f"/{code}/")
    assert "Welcome to" not in welcome.subject
    assert "The group is full" in declined.body  # as the secretary wrote it
    assert "Your request to join" not in declined.subject
    # From the welcome: a password chosen, with a mistake first, and their account's page.
    choose = client.get(link.path, follow=True)
    assert b"Save and see my plan" not in choose.content  # a member has no plan
    chosen = choose.redirect_chain[-1][0]
    mistaken = client.post(chosen, {"new_password1": "a walk by the river", "new_password2": "another walk"})
    saved = client.post(
        chosen, {"new_password1": "a walk by the river", "new_password2": "a walk by the river"}, follow=True
    )
    for page in (choose, mistaken, saved):
        assert f'lang="{code}"' in page.content.decode()
    assert saved.redirect_chain[-1][0] == _in(code, "accounts:dashboard")
    assert list(untranslated.found) == []
