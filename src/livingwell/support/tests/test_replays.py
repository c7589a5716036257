"""Every form that makes a record carries a once-only token: the same form sent again (a double click, a
replay, twelve at once) makes one record, and one email to the provider."""

import datetime
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in, worker_run
from livingwell.directory.tests.factories import ServiceFactory
from livingwell.support.models import Action, ContactLogEntry, Goal, OnwardIntroduction, Plan, PlanComment
from livingwell.support.tests.factories import EpisodeFactory


def _guide_and_episode():
    guide = UserFactory(username="gabriel", role=Role.PERSONAL_GUIDE)
    episode = EpisodeFactory(guide=guide, person__preferred_name="Robin")
    Plan.objects.create(person=episode.person)
    client = Client()
    sign_in(client, guide)
    return client, episode


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_each_creating_form_sent_again_makes_one_record(django_capture_on_commit_callbacks, mailoutbox) -> None:
    client, episode = _guide_and_episode()
    garden = ServiceFactory(name="Community garden")
    editor = UserFactory(username="pat", role=Role.PROVIDER_EDITOR, email="pat@garden.example")
    editor.organisations.add(garden.organization)
    moment = timezone.localtime()
    due = timezone.localdate() + datetime.timedelta(days=3)
    forms = [
        (
            "contact_log",
            {"kind": "call", "on": moment.strftime("%d/%m/%Y"), "at": moment.strftime("%H:%M")},
            ContactLogEntry,
        ),
        (
            "action_new",
            {"what": "Walk", "who": "Sam", "due_on_day": due.day, "due_on_month": due.month, "due_on_year": due.year},
            Action,
        ),
        ("goal_new", {"outcome": "stay_well", "what": "Sleep", "who_helps": "Ana"}, Goal),
        ("plan_comment", {"text": "Swimming?"}, PlanComment),
        ("onward_new", {"service": garden.pk, "shared": ["contact"], "agreed": "on"}, OnwardIntroduction),
    ]
    for name, data, model in forms:
        url = reverse(f"support:{name}", kwargs={"episode_id": episode.pk})
        if name == "onward_new":
            url += "?q=garden"
        token = {"submission_id": str(uuid.uuid4())}
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(3):
                assert client.post(url, {**data, **token}).status_code == 302, name
        assert model.objects.count() == 1, name
    worker_run()
    assert len([message for message in mailoutbox if message.to == ["pat@garden.example"]]) == 1


@pytest.mark.django_db(transaction=True)
def test_twelve_comments_sent_at_once_make_one() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("racing requests need PostgreSQL's concurrent writers")
    client, episode = _guide_and_episode()
    url = reverse("support:plan_comment", kwargs={"episode_id": episode.pk})
    data = {"text": "Swimming?", "submission_id": str(uuid.uuid4())}
    statuses: list[int] = []
    start = threading.Barrier(12)

    def send() -> None:
        start.wait()
        statuses.append(client.post(url, data).status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 12
    assert PlanComment.objects.count() == 1
