"""The six-monthly review's report: drafted by who runs the body with the advisory group, published once
approved at a meeting, its recommendations becoming the body's actions, carried forward at its meetings."""

import datetime
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Action, Body, Decision
from livingwell.collaborative.tests.factories import BodyFactory, ConstituencyFactory, MeetingFactory, MembershipFactory
from livingwell.voice.models import EvaluationRound, Recommendation, ReviewReport

pytestmark = pytest.mark.django_db


def test_a_review_drafted_together_its_recommendations_carried_and_published_as_approved(
    secretary: Client, the_board
) -> None:
    body, _groups = the_board
    advisory = BodyFactory(kind=Body.Kind.EBE_GROUP, name="Advisory group")
    Body.objects.filter(pk=body.pk).update(advised_by=advisory)
    adviser_user = UserFactory(role=Role.PERSON)
    MembershipFactory(body=advisory, constituency=ConstituencyFactory(body=advisory), member__user=adviser_user)
    today = timezone.localdate()
    the_round = EvaluationRound.objects.create(
        body=body, kind=EvaluationRound.Kind.REVIEW, title="Six-monthly review", opens_on=today,
        closes_on=today, created_by=UserFactory(), submission_id=uuid.uuid4(),
    )  # fmt: skip
    url = reverse("voice:review", args=[the_round.pk])
    assert Client().get(url).status_code == 404  # a draft is not public
    adviser = Client()
    adviser.force_login(adviser_user)
    assert b"Write the report together" in adviser.get(url).content
    empty = adviser.post(reverse("voice:review_save", args=[the_round.pk]), {"text": ""})
    assert b"Write the report" in empty.content
    adviser.post(reverse("voice:review_save", args=[the_round.pk]), {"text": "We found <b>more</b> co-design."})
    token = str(uuid.uuid4())
    for _twice in range(2):
        adviser.post(
            reverse("voice:recommendation_add", args=[the_round.pk]),
            {"text": "Pay advisers for preparation time", "submission_id": token},
        )
    assert Recommendation.objects.count() == 1
    # Advisers draft; only who runs the body records the meeting's approval.
    refused = adviser.post(reverse("voice:review_publish", args=[the_round.pk]), {}, follow=True)
    assert b"Only who runs the group records its approval" in refused.content
    meeting = MeetingFactory(body=body, starts_at=timezone.now() - datetime.timedelta(days=2))
    decision = Decision.objects.create(
        meeting=meeting, body=body, what="Approved the six-monthly review.", scope="in",
        participation="co_producing", quorate=True, submission_id=uuid.uuid4(), recorded_by=UserFactory(),
    )  # fmt: skip
    elsewhere = Decision.objects.create(
        meeting=MeetingFactory(starts_at=timezone.now() - datetime.timedelta(days=2)),
        body=BodyFactory(), what="Other.", scope="in", participation="informing", quorate=True,
        submission_id=uuid.uuid4(), recorded_by=UserFactory(),
    )  # fmt: skip
    wrong = secretary.post(reverse("voice:review_publish", args=[the_round.pk]), {"decision": elsewhere.pk})
    assert b"Choose the decision" in wrong.content
    secretary.post(reverse("voice:review_publish", args=[the_round.pk]), {"decision": decision.pk})
    report = ReviewReport.objects.get()
    assert report.decision == decision
    assert report.published_at is not None
    # Each recommendation is now one of the Board's actions, agreed at that meeting, carried forward after.
    action = Action.objects.get(body=body)
    assert (action.what, action.meeting, action.decision, action.status) == (
        "Pay advisers for preparation time",
        meeting,
        decision,
        "open",
    )
    later = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=20))
    running = secretary.get(reverse("collaborative:meeting_running", args=[later.pk])).content.decode()
    assert "Pay advisers for preparation time" in running
    public = Client().get(url).content.decode()
    assert "We found &lt;b&gt;more&lt;/b&gt; co-design." in public
    assert "Pay advisers for preparation time" in public
    late = adviser.post(reverse("voice:review_save", args=[the_round.pk]), {"text": "Changed"}, follow=True)
    assert b"it can no longer change" in late.content
    assert ReviewReport.objects.get().text == "We found <b>more</b> co-design."
