"""The rolling programme: members suggest topics and reply to meetings; the chair or secretary schedules
topics with a lead and publishes the agenda with notice; members are reminded through the worker."""

import datetime
import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.models import AgendaItem, Meeting, Rsvp, Topic
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory
from livingwell.conftest import worker_run

pytestmark = pytest.mark.django_db


def _suggest(client: Client, body, **changes):
    data = {
        "title": "Waiting times for talking therapies",
        "why": "People wait months.",
        "submission_id": str(uuid.uuid4()),
    }
    return client.post(reverse("collaborative:suggest", args=[body.slug]), {**data, **changes})


def test_a_member_suggests_a_topic_and_sees_it_on_their_page(member: Client, member_membership):
    body = member_membership.body
    response = _suggest(member, body)
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert (topic.suggested_by, topic.status) == (member_membership, Topic.Status.SUGGESTED)
    mine = member.get(reverse("collaborative:mine"))
    assert b"Waiting times for talking therapies" in mine.content
    assert b"Suggested" in mine.content


def test_a_topic_suggested_twice_with_one_form_is_one_topic(member: Client, member_membership):
    token = str(uuid.uuid4())
    _suggest(member, member_membership.body, submission_id=token)
    _suggest(member, member_membership.body, submission_id=token)
    assert Topic.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Enter the topic"),
        ({"why": "   "}, "Say why it matters"),
        ({"title": "t" * 201}, "Use 200 characters or fewer"),
        ({"submission_id": ""}, "Send the form again"),
    ],
)
def test_a_topic_needs_a_title_and_a_why(member: Client, member_membership, changes, message):
    response = _suggest(member, member_membership.body, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Topic.objects.exists()


def test_only_members_suggest_topics(client: Client, the_board, user_with_role, signed_in_client):
    body, _groups = the_board
    from livingwell.accounts.models import Role

    outsider = signed_in_client(Role.PERSON)
    assert _suggest(outsider, body).status_code == 403
    assert not Topic.objects.exists()


def test_a_member_replies_with_access_needs_and_the_secretary_sees_them(
    member: Client, member_membership, secretary: Client
):
    meeting = MeetingFactory(body=member_membership.body)
    url = reverse("collaborative:reply", args=[meeting.pk])
    assert b"Will you come?" in member.get(url).content
    empty = member.post(url, {"answer": ""})
    assert b"Say whether you will come" in empty.content
    member.post(url, {"answer": "yes", "access_needs": "A hearing loop, please"})
    member.post(url, {"answer": "maybe", "access_needs": "A hearing loop, please"})
    assert Rsvp.objects.get().answer == "maybe"
    running = secretary.get(reverse("collaborative:meeting_running", args=[meeting.pk]))
    assert b"A hearing loop, please" in running.content


def test_no_reply_to_a_meeting_of_another_body_or_one_that_has_passed(member: Client, member_membership):
    other = MeetingFactory()
    assert member.post(reverse("collaborative:reply", args=[other.pk]), {"answer": "yes"}).status_code == 403
    past = MeetingFactory(
        body=member_membership.body,
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    response = member.post(reverse("collaborative:reply", args=[past.pk]), {"answer": "yes"})
    assert b"This meeting has already happened." in response.content
    assert not Rsvp.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_the_secretary_builds_the_agenda_and_publishes_it_with_notice(
    member: Client, member_membership, secretary: Client, django_capture_on_commit_callbacks
):
    body = member_membership.body
    _suggest(member, body)
    topic = Topic.objects.get()
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=10))
    running = reverse("collaborative:meeting_running", args=[meeting.pk])
    page = secretary.get(running)
    assert b"Schedule a suggested topic" in page.content
    assert b"Short notice" not in page.content
    response = secretary.post(
        reverse("collaborative:agenda_schedule", args=[meeting.pk]),
        {"topic": topic.pk, "lead": member_membership.pk},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.topic, item.lead, item.title) == (topic, member_membership, topic.title)
    topic.refresh_from_db()
    assert topic.status == Topic.Status.SCHEDULED
    # A standing item; any other business is raised only on the day.
    secretary.post(reverse("collaborative:agenda_add", args=[meeting.pk]), {"kind": "standing", "title": "Welcome"})
    aob = secretary.post(reverse("collaborative:agenda_add", args=[meeting.pk]), {"kind": "aob", "title": "Bus fares"})
    assert aob.status_code == 200
    assert b"Any other business is raised on the day of the meeting" in aob.content
    # The public page does not show the agenda until it is published.
    public = Client().get(reverse("collaborative:meeting", args=[meeting.pk]))
    assert b"Waiting times for talking therapies" not in public.content
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(reverse("collaborative:agenda_publish", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None
    public = Client().get(reverse("collaborative:meeting", args=[meeting.pk]))
    assert b"Waiting times for talking therapies" in public.content
    assert b"Welcome" in public.content
    assert b"Any other business" in public.content
    assert b"Ola" not in public.content  # not named in public without consent
    assert b"(led by a member (Experts by Experience))" in public.content  # no stray space before ")"
    # Who runs the body knows the lead: their own agenda names them.
    assert b"(led by Ola)" in secretary.get(running).content
    worker_run()
    assert any("the agenda" in m.subject for m in mail.outbox)


def test_short_notice_warns_and_asks_to_confirm(secretary: Client, the_board):
    body, _groups = the_board
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=3))
    running = reverse("collaborative:meeting_running", args=[meeting.pk])
    page = secretary.get(running)
    assert b"Short notice: the meeting is 3 days away" in page.content
    secretary.post(reverse("collaborative:agenda_publish", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None
    secretary.post(reverse("collaborative:agenda_publish", args=[meeting.pk]), {"short_notice": "yes"})
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_reminders_go_to_members_who_have_not_said_no_and_follow_a_move(
    secretary: Client, the_board, django_capture_on_commit_callbacks, settings
):
    body, groups = the_board
    coming = MembershipFactory(body=body, constituency=groups["ebe"], member__email="coming@example.org")
    not_coming = MembershipFactory(body=body, constituency=groups["ebe"], member__email="away@example.org")
    meeting = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=1))
    Rsvp.objects.create(meeting=meeting, membership=not_coming, answer="no")
    Rsvp.objects.create(meeting=meeting, membership=coming, answer="yes")
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(reverse("collaborative:agenda_publish", args=[meeting.pk]), {"short_notice": "yes"})
    worker_run()  # the agenda emails, and the reminder (due now: the meeting is tomorrow)
    worker_run()  # the reminder's emails
    reminded = {m.to[0] for m in mail.outbox if m.subject.startswith("Reminder")}
    assert "coming@example.org" in reminded
    assert "away@example.org" not in reminded


def test_a_stale_reminder_sends_nothing_after_a_move(the_board):
    from livingwell.collaborative.services import meeting_reminders_send

    body, groups = the_board
    MembershipFactory(body=body, constituency=groups["ebe"])
    meeting = MeetingFactory(body=body, sequence=2)
    assert meeting_reminders_send(meeting, sequence=1) == 0
    assert meeting_reminders_send(meeting, sequence=2) >= 1
    meeting.status = Meeting.Status.CANCELLED
    assert meeting_reminders_send(meeting, sequence=2) == 0


def test_setting_a_topic_aside_needs_a_reason_and_the_member_sees_it(
    member: Client, member_membership, secretary: Client
):
    body = member_membership.body
    _suggest(member, body)
    topic = Topic.objects.get()
    url = reverse("collaborative:topic_not_taken", args=[body.slug, topic.pk])
    assert b"Give a reason" in secretary.post(url, {"reason": ""}).content
    secretary.post(url, {"reason": "The council's review covers it in March."})
    topic.refresh_from_db()
    assert topic.status == Topic.Status.NOT_TAKEN
    assert b"review covers it in March" in member.get(reverse("collaborative:mine")).content


def test_planning_repeating_meetings(secretary: Client, the_board):
    body, _groups = the_board
    next_year = timezone.localdate().year + 1
    response = secretary.post(
        reverse("collaborative:series_new", args=[body.slug]),
        {
            "pattern": "monthly",
            "ordinal": "2",
            "weekday": "3",
            "day_day": "1",
            "day_month": "1",
            "day_year": str(next_year),
            "starts": "08:00",
            "ends": "10:00",
            "venue": "The Hub",
            "online_link": "meet.example/collaborative",
            "accessibility": "Step-free",
        },
    )
    assert response.status_code == 302
    meetings = list(Meeting.objects.filter(body=body).order_by("starts_at"))
    assert meetings[0].starts_at.date().isoformat().startswith(f"{next_year}-01-")
    assert all(timezone.localtime(m.starts_at).weekday() == 3 for m in meetings)
    assert all(8 <= timezone.localtime(m.starts_at).day <= 14 for m in meetings)
    assert meetings[0].online_link == "https://meet.example/collaborative"
    page = Client().get(reverse("collaborative:body", args=[body.slug]))
    assert b"The second Thursday of every month" in page.content


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts": "10:00", "ends": "08:00"}, "The meeting must end after it starts"),
        ({"starts": "25:00"}, "Enter a real time, like 08:00"),
        ({"day_year": "2001"}, "The date must be today or in the future"),
        ({"day_day": "31", "day_month": "2"}, "Enter a real date"),
        ({"pattern": "hourly"}, "Choose how often"),
        ({"online_link": "javascript:alert(1)"}, "Enter a web address"),
    ],
)
def test_bad_series_are_explained(secretary: Client, the_board, changes, message):
    body, _groups = the_board
    data = {
        "pattern": "monthly",
        "ordinal": "2",
        "weekday": "3",
        "day_day": "1",
        "day_month": "1",
        "day_year": str(timezone.localdate().year + 1),
        "starts": "08:00",
        "ends": "10:00",
        **changes,
    }
    response = secretary.post(reverse("collaborative:series_new", args=[body.slug]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()
