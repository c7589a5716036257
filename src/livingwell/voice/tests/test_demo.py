"""The demo's evaluation: the Board's rounds and the Collaborative's audits, public where published."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from livingwell.voice.models import Audit, EvaluationRound

pytestmark = pytest.mark.django_db


def test_the_demo_has_rounds_and_audits_to_read(client: Client) -> None:
    call_command("demo_load", stdout=StringIO())
    listing = client.get(reverse("voice:body_results", args=["board"])).content.decode()
    assert "Baseline: how the Board began" in listing
    assert "End of the crisis support workstream" not in listing  # open, not published
    review = EvaluationRound.objects.get(kind="review")
    results = client.get(reverse("voice:results", args=[review.pk])).content.decode()
    assert "How it has moved, round by round" in results
    latest = Audit.objects.get(year=2026)
    audit = client.get(reverse("voice:audit_public", args=[latest.pk])).content.decode()
    assert "The agreed ratings, year by year" in audit
    assert "Hold every workshop with a co-chair who uses services" in audit
    call_command("demo_load", stdout=StringIO())  # loading again adds nothing
    assert EvaluationRound.objects.count() == 4


def test_the_demo_has_stories_named_only_by_consent(client: Client) -> None:
    call_command("demo_load", stdout=StringIO())
    page = client.get(reverse("stories:list")).content.decode()
    assert "The walking group" in page
    assert "Amara Okafor" in page  # she chose to be named
    assert "The night café" not in page  # waiting for the coordinator
