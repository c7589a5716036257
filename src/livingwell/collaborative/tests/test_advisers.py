"""An adviser's way in and on: the conversation before joining, induction, the four courses with their
dates, attended and completed, supervision with notes they read themselves, and a buddy."""

import datetime
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.models import JoinRequest, Membership, Supervision, TrainingRecord
from livingwell.collaborative.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: datetime.date) -> dict[str, str]:
    return {f"{prefix}_day": str(day.day), f"{prefix}_month": str(day.month), f"{prefix}_year": str(day.year)}


def test_an_advisers_conversation_training_supervision_and_buddy(
    secretary: Client, member: Client, the_board, member_membership: Membership
) -> None:
    body, groups = the_board
    today = timezone.localdate()
    request = JoinRequest.objects.create(
        body=body, constituency=groups["ebe"], name="Zoë", email="zoe@example.org", agreed_code_at=timezone.now(),
        submission_id=uuid.uuid4(),
    )  # fmt: skip
    conversation = reverse("collaborative:join_conversation", args=[request.pk])
    future = secretary.post(
        conversation, {**_date("conversation-day", today + datetime.timedelta(1)), "conversation-notes": "x"}
    )
    assert b"The date must be today or in the past" in future.content
    secretary.post(conversation, {**_date("conversation-day", today), "conversation-notes": "Keen on the crisis work."})
    request.refresh_from_db()
    assert (request.conversation_on, request.conversation_notes) == (today, "Keen on the crisis work.")

    url = reverse("collaborative:membership", args=[member_membership.pk])
    secretary.post(
        reverse("collaborative:membership_training", args=[member_membership.pk]),
        {"training-course": "commissioning", **_date("training-course_on", today), "training-attended": "on"},
    )
    secretary.post(
        reverse("collaborative:membership_training", args=[member_membership.pk]),
        {"training-course": "self_care", **_date("training-course_on", today + datetime.timedelta(days=7))},
    )
    record = TrainingRecord.objects.get(course="commissioning")
    assert (record.course_on, record.attended, record.completed_on) == (today, True, None)
    secretary.post(
        reverse("collaborative:membership_induction", args=[member_membership.pk]),
        _date("induction-inducted_on", today),
    )
    experienced = MembershipFactory(body=body, constituency=groups["ebe"], member__name="Amara")
    itself = secretary.post(
        reverse("collaborative:membership_buddy", args=[member_membership.pk]), {"buddy-buddy": member_membership.pk}
    )
    assert b"Choose a member of this group" in itself.content
    secretary.post(
        reverse("collaborative:membership_buddy", args=[member_membership.pk]), {"buddy-buddy": experienced.pk}
    )
    supervision = {
        **_date("supervision-day", today), "supervision-notes": "Ola chaired <b>well</b>.",
        "supervision-follow_ups": "Book the self-care course.", "supervision-submission_id": str(uuid.uuid4()),
    }  # fmt: skip
    secretary.post(reverse("collaborative:membership_supervision", args=[member_membership.pk]), supervision)
    secretary.post(reverse("collaborative:membership_supervision", args=[member_membership.pk]), supervision)
    assert Supervision.objects.count() == 1
    member_membership.refresh_from_db()
    assert (member_membership.inducted_on, member_membership.buddy) == (today, experienced)
    record_page = secretary.get(url).content.decode()
    assert "Amara" in record_page
    # Ola reads her own training and supervision notes, and who her buddy is.
    own = member.get(reverse("collaborative:mine")).content.decode()
    assert "Ola chaired &lt;b&gt;well&lt;/b&gt;." in own
    assert "Book the self-care course." in own
    assert "Your buddy is Amara." in own
    assert "Commissioning and governance" in own
