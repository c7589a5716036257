"""A rotating chair: the proposal goes round every sector before any chairs again; overriding it needs a
reason, which is kept."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.collaborative.models import ChairTurn
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory, secretary_of

pytestmark = pytest.mark.django_db


def test_the_chair_goes_round_the_sectors_and_an_override_keeps_its_reason(secretary: Client, the_board):
    body, groups = the_board
    people = {key: MembershipFactory(body=body, constituency=group) for key, group in groups.items()}
    # The secretary's membership is in the first constituency too; sectors are ordered by constituency name.
    meetings = [
        MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=30 * n)) for n in range(1, 6)
    ]
    expected = ["Carers", "Council", "Experts by Experience", "NHS"]
    for meeting, sector in zip(meetings, expected, strict=False):
        page = secretary.get(reverse("collaborative:meeting_running", args=[meeting.pk])).content.decode()
        assert f"It is the turn of {sector} to chair" in page  # never "Carers's turn"
        chosen = next(m for m in people.values() if m.constituency.sector == sector)
        response = secretary.post(reverse("collaborative:chair", args=[meeting.pk]), {"chair": chosen.pk})
        assert response.status_code == 302
    # The fifth meeting: Carers again, but the NHS chairs, which needs a reason.
    fifth = meetings[4]
    refused = secretary.post(reverse("collaborative:chair", args=[fifth.pk]), {"chair": people["nhs"].pk})
    assert refused.status_code == 200
    assert b"Say why someone from another sector chairs this time" in refused.content
    secretary.post(
        reverse("collaborative:chair", args=[fifth.pk]),
        {"chair": people["nhs"].pk, "reason": "The carers' representative is away."},
    )
    turn = ChairTurn.objects.get(meeting=fifth)
    assert turn.overridden
    assert (turn.sector, turn.proposed_sector) == ("NHS", "Carers")
    page = secretary.get(reverse("collaborative:meeting_running", args=[fifth.pk])).content.decode()
    assert "The carers&#x27; representative is away." in page


def test_a_body_whose_chair_does_not_rotate_refuses(secretary: Client):
    membership = MembershipFactory()
    secretary_of(membership.body, User.objects.get(username="test-secretary"))
    meeting = MeetingFactory(body=membership.body)
    response = secretary.post(reverse("collaborative:chair", args=[meeting.pk]), {"chair": membership.pk})
    assert response.status_code == 200
    assert not ChairTurn.objects.exists()
