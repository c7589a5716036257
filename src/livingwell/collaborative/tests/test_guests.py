"""Guests invited to present or contribute to an item: no account, the meeting's details by email, their
attendance kept apart and never counted towards quorum. And a body with an independent chair."""

import datetime
import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.models import AgendaItem, Attendance, Body, ConstituencyKind, Guest, Meeting
from livingwell.collaborative.tests.factories import ConstituencyFactory, MeetingFactory, MembershipFactory
from livingwell.conftest import worker_run

pytestmark = pytest.mark.django_db


def _invite(client: Client, meeting: Meeting, **changes: object):
    data = {"part": "present", "name": "Dr Priya Shah", "organisation": "Kingsmere Trust",
            "email": "priya@trust.example", "submission_id": str(uuid.uuid4()), **changes}  # fmt: skip
    return client.post(reverse("collaborative:guest_add", args=[meeting.pk]), data)


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_a_guest_presents_gets_the_details_and_does_not_count_towards_quorum(
    secretary: Client, the_board, django_capture_on_commit_callbacks
) -> None:
    body, _groups = the_board
    start = timezone.now().replace(microsecond=0)
    meeting = MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    item = AgendaItem.objects.create(meeting=meeting, title="The crisis café's first year", position=1)
    empty = secretary.post(reverse("collaborative:guest_add", args=[meeting.pk]), {})
    assert b"Enter their name" in empty.content
    assert b"Enter their email address" in empty.content
    other = AgendaItem.objects.create(meeting=MeetingFactory(body=body), title="Elsewhere", position=1)
    wrong = _invite(secretary, meeting, agenda_item=other.pk)
    assert b"Choose an item of this meeting" in wrong.content
    token = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        _invite(secretary, meeting, agenda_item=item.pk, submission_id=token)
        _invite(secretary, meeting, agenda_item=item.pk, submission_id=token)  # sent twice: invited once
    guest = Guest.objects.get()
    worker_run()
    (message,) = [m for m in mail.outbox if m.to == ["priya@trust.example"]]
    assert "present" in message.body
    assert "The crisis café's first year" in message.body
    assert "116 123" in message.body

    running = reverse("collaborative:meeting_running", args=[meeting.pk])
    before = secretary.get(running).content.decode()
    assert "Dr Priya Shah" in before
    assert "Not quorate" in before
    secretary.post(reverse("collaborative:guest_there", args=[guest.pk]), {"there": "yes"})
    assert Guest.objects.get().there is True
    assert not Attendance.objects.exists()  # a guest is not a member's attendance
    assert "Not quorate" in secretary.get(running).content.decode()
    public = Client().get(reverse("collaborative:meeting", args=[meeting.pk])).content.decode()
    assert "priya@trust.example" not in public


def test_a_body_with_an_independent_chair_is_chaired_only_by_them(secretary: Client, the_board) -> None:
    body, groups = the_board
    Body.objects.filter(pk=body.pk).update(requires_independent_chair=True)
    independent = ConstituencyFactory(body=body, name="Independent chair", kind=ConstituencyKind.INDEPENDENT_CHAIR)
    representative = MembershipFactory(body=body, constituency=groups["nhs"])
    refused = secretary.post(
        reverse("collaborative:membership_role", args=[representative.pk]), {"role-role": "chair"}, follow=True
    )
    assert "This group has an independent chair" in refused.content.decode()
    chair = MembershipFactory(body=body, constituency=independent)
    secretary.post(reverse("collaborative:membership_role", args=[chair.pk]), {"role-role": "chair"})
    chair.refresh_from_db()
    representative.refresh_from_db()
    assert (chair.role, representative.role) == ("chair", "member")
    page = Client().get(reverse("collaborative:body", args=[body.slug])).content.decode()
    assert "This group has an independent chair, who represents no constituency." in page
