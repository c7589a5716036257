"""The six-principle audit: scored by members with evidence, by their link; a rating and an action plan
agreed for each principle, the plan feeding the body's rolling programme; published, with the trend over
the years."""

import datetime
import re
import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Body, Topic
from livingwell.collaborative.tests.factories import MembershipFactory
from livingwell.voice import selectors, services
from livingwell.voice.invitations import invitation_message
from livingwell.voice.models import AgreedRating, Audit, AuditScore, Invitation, Principle, ScorePoint

pytestmark = pytest.mark.django_db


def _audit(body: Body, year: int, **fields: object) -> Audit:
    today = timezone.localdate()
    return Audit.objects.create(
        body=body,
        title=f"Audit {year}",
        year=year,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        created_by=UserFactory(),
        submission_id=uuid.uuid4(),
        **fields,
    )


def _rate(audit: Audit, values: list[int]) -> None:
    points = {point.value: point for point in ScorePoint.objects.all()}
    for principle, value in zip(Principle.objects.order_by("position"), values, strict=True):
        AgreedRating.objects.create(
            audit=audit, principle=principle, point=points[value], reasons="Seen.", agreed_by=audit.created_by
        )


def _scoring_data(values: list[int], evidence: str = "We saw it at the Board.") -> dict[str, str]:
    points = {point.value: point.pk for point in ScorePoint.objects.all()}
    data = {}
    for principle, value in zip(Principle.objects.order_by("position"), values, strict=True):
        data[f"point_{principle.pk}"] = str(points[value])
        data[f"evidence_{principle.pk}"] = evidence
    return data


def test_the_trend_is_the_agreed_rating_year_by_year(the_board) -> None:
    body, _groups = the_board
    first = _audit(body, 2025, agreed_at=timezone.now(), published_at=timezone.now())
    _rate(first, [1, 2, 2, 1, 1, 2])
    draft = _audit(body, 2026, agreed_at=timezone.now())  # agreed, not published
    _rate(draft, [4, 4, 4, 4, 4, 4])
    latest = _audit(body, 2027, agreed_at=timezone.now(), published_at=timezone.now())
    _rate(latest, [2, 3, 3, 2, 1, 4])
    trend = selectors.audit_trend(latest, with_unpublished=False)
    assert trend.years == [2025, 2027]
    first_row = trend.rows[0]
    assert first_row[0].name == "Recognising people as assets"
    assert [point.value if point else None for point in first_row[1]] == [1, 2]
    assert [point.label for point in trend.rows[5][1]] == ["Starting", "How we work"]
    running = selectors.audit_trend(latest, with_unpublished=True)
    assert running.years == [2025, 2026, 2027]
    # Another organisation's audits are a trend of their own.
    assert selectors.audit_trend(first, with_unpublished=False).years == [2025, 2027]


def test_an_audit_from_scoring_to_a_published_plan(secretary: Client, the_board, django_capture_on_commit_callbacks):
    body, groups = the_board
    for n in range(2):
        MembershipFactory(body=body, constituency=groups["ebe"], member__email=f"adviser{n}@x.org")
    today = timezone.localdate()
    url = reverse("voice:audit_new", args=[body.slug])
    empty = secretary.post(url, {})
    assert b"Enter a title" in empty.content
    assert b"Enter the year" in empty.content
    wrong = secretary.post(url, {"title": "A", "year": "twenty", "organisation": "999999"})
    assert b"Enter the year as a number, like 2027" in wrong.content
    assert b"Choose this group or one of the organisations listed" in wrong.content
    data = {
        "title": "Our co-production audit",
        "year": str(today.year),
        "opens_on_day": str(today.day),
        "opens_on_month": str(today.month),
        "opens_on_year": str(today.year),
        "closes_on_day": str(today.day),
        "closes_on_month": str(today.month),
        "closes_on_year": str(today.year),
        "submission_id": str(uuid.uuid4()),
    }
    secretary.post(url, data)
    secretary.post(url, data)  # sent twice: made once
    audit = Audit.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(reverse("voice:audit_invite", args=[audit.pk]))
    invitation = Invitation.objects.filter(audit=audit, member__email="adviser0@x.org").get()
    message = invitation_message(str(invitation.pk))
    assert message is not None
    assert message.subject == "Score how we co-produce"
    link = re.search(r"http://\S+/evaluation/answer/open/\?link=\S+", message.body()).group(0)  # type: ignore[union-attr]

    scorer = Client()
    scorer.get(link.removeprefix("http://localhost:8000"))
    page = scorer.get(reverse("voice:answer")).content.decode()
    assert "Score how we co-produce" in page
    assert "Facilitating rather than delivering" in page
    missing = scorer.post(reverse("voice:answer"), {})
    assert "Score “Recognising people as assets”" in missing.content.decode()
    assert not AuditScore.objects.exists()
    scored = scorer.post(reverse("voice:answer"), _scoring_data([2, 3, 3, 2, 1, 4]))
    assert scored.status_code == 302
    assert AuditScore.objects.count() == 6
    again = scorer.post(reverse("voice:answer"), _scoring_data([4, 4, 4, 4, 4, 4]))
    assert again.status_code == 410  # the link was spent: this browser no longer holds it
    second = Invitation.objects.filter(audit=audit, member__email="adviser1@x.org").get()
    services.scores_give(
        invitation_id=str(second.pk),
        scores=[
            (principle, ScorePoint.objects.get(value=3), "Peer groups meet weekly.")
            for principle in Principle.objects.all()
        ],
    )
    with pytest.raises(services.Refused):
        services.scores_give(invitation_id=str(second.pk), scores=[])

    running = secretary.get(reverse("voice:audit", args=[audit.pk])).content.decode()
    assert "Peer groups meet weekly." in running
    assert "adviser0@x.org" not in running  # the invited are named, without their addresses

    refused = secretary.post(reverse("voice:audit_agree", args=[audit.pk]), {"summary": "Good start."}, follow=True)
    assert "Agree a rating for every principle first" in refused.content.decode()
    third = ScorePoint.objects.get(value=3)
    for principle in Principle.objects.all():
        secretary.post(
            reverse("voice:rating", args=[audit.pk, principle.pk]), {"point": third.pk, "reasons": "Mostly seen."}
        )
    assists = Principle.objects.get(position=4)
    plan_url = reverse("voice:plan_action_add", args=[audit.pk, assists.pk])
    plan = {
        "what": "Start a carers' peer group",
        "who": "Chloe",
        "due_on_day": "31",
        "due_on_month": "3",
        "due_on_year": str(today.year + 1),
        "submission_id": str(uuid.uuid4()),
    }
    secretary.post(plan_url, plan)
    secretary.post(plan_url, plan)
    topic = Topic.objects.get(body=body)
    assert topic.title == "Co-production audit: Start a carers' peer group"
    agreed = secretary.post(reverse("voice:audit_agree", args=[audit.pk]), {"summary": "A good start."}, follow=True)
    assert b"The audit is agreed. Scoring is closed." in agreed.content
    assert client_sees_nothing_before_publishing(audit)
    secretary.post(reverse("voice:audit_publish", args=[audit.pk]))
    public = Client().get(reverse("voice:audit_public", args=[audit.pk])).content.decode()
    assert "A good start." in public
    assert "Start a carers&#x27; peer group" in public
    assert "Peer groups meet weekly." not in public  # evidence stays with the facilitator
    assert len(mail.outbox) == 0 or all("116 123" in m.body for m in mail.outbox)


def client_sees_nothing_before_publishing(audit: Audit) -> bool:
    return Client().get(reverse("voice:audit_public", args=[audit.pk])).status_code == 404
