"""The Hub manager's own team today, through HTTP: each guide's people and what is waiting on them, nobody
from another team, no person named, and every view and download audited."""

import csv
import datetime
import io
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.directory.tests.factories import OrganizationFactory, ServiceFactory
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Action, ContactLogEntry, Episode, EpisodeChange, GuideProfile, OnwardIntroduction

HEADER = ["Guide", "Open", "On hold", "Reviews overdue", "Safety conversations due", "Next steps overdue",
          "Onward replies overdue", "No contact in 28 days", "Opened or reopened", "Closed"]  # fmt: skip


def _episode(guide: User, status: str, opened_days_ago: int, **fields: object) -> Episode:
    now = timezone.now()
    episode = Episode.objects.create(
        person=PersonFactory(preferred_name="Robin Secret"),
        guide=guide,
        status=status,
        opened_at=now - datetime.timedelta(days=opened_days_ago),
        **fields,
    )
    EpisodeChange.objects.create(
        episode=episode, kind=EpisodeChange.Kind.OPENED, reason="-", changed_at=episode.opened_at, guide=guide
    )
    return episode


def _contact(episode: Episode, days_ago: int) -> None:
    ContactLogEntry.objects.create(
        episode=episode,
        kind=ContactLogEntry.Kind.CALL,
        happened_at=timezone.now() - datetime.timedelta(days=days_ago),
        recorded_by=episode.guide,
    )


@pytest.fixture
def team(user_with_role: Callable[[Role], User]) -> None:
    hub, elsewhere = OrganizationFactory(name="The Hub"), OrganizationFactory(name="Elsewhere")
    user_with_role(Role.HUB_MANAGER).organisations.add(hub)
    ash = UserFactory(role=Role.PERSONAL_GUIDE, username="ash")
    ash.organisations.add(hub)
    GuideProfile.objects.create(user=ash, name="Ash", about="-")
    bo = UserFactory(role=Role.DUTY_WORKER, username="bo", first_name="Bo")
    bo.organisations.add(hub)
    cy = UserFactory(role=Role.PERSONAL_GUIDE, username="cy", first_name="Cyrenna Elsewhere")
    cy.organisations.add(elsewhere)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    waiting = _episode(ash, Episode.Status.OPEN, 5, next_review_on=yesterday, safety_conversation_due=True)
    Action.objects.create(episode=waiting, what="-", due_on=yesterday, who="-", created_by=ash)
    _contact(_episode(ash, Episode.Status.ON_HOLD, 60), days_ago=1)
    _episode(ash, Episode.Status.CLOSED, 90, closed_at=timezone.now() - datetime.timedelta(days=3))
    quiet = _episode(bo, Episode.Status.OPEN, 40)
    _contact(quiet, days_ago=30)
    OnwardIntroduction.objects.create(
        person=quiet.person, episode=quiet, service=ServiceFactory(), sent_at=timezone.now(), sent_by=bo,
        respond_by=yesterday, status_changed_at=timezone.now(),
    )  # fmt: skip
    _episode(cy, Episode.Status.OPEN, 2)


@pytest.mark.django_db
def test_the_hub_manager_sees_each_guide_in_their_team_and_nobody_named(
    team: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    page = client.get("/figures/team/").content.decode()
    assert "Your team today" in page
    assert "Robin Secret" not in page
    assert "Cyrenna" not in page  # another organisation's guide (a long name: a short one can turn up in a nonce)
    rows = list(csv.reader(io.StringIO(client.get("/figures/team.csv").content.decode())))
    assert rows == [
        HEADER,
        # Ash: one open (its review, its safety conversation and its next step overdue, never contacted),
        # one on hold (called yesterday), one closed three days ago; one of the three opened in 28 days.
        ["Ash", "1", "1", "1", "1", "1", "0", "1", "1", "1"],
        # Bo: one open, last called 30 days ago, an onward introduction past its reply date.
        ["Bo", "1", "0", "0", "0", "0", "1", "1", "0", "0"],
        ["The team", "2", "1", "1", "1", "1", "1", "2", "1", "1"],
    ]
    details = set(AuditEvent.objects.filter(action=AuditEvent.Action.AGGREGATE).values_list("detail", flat=True))
    assert {"page", "csv"} <= details


@pytest.mark.django_db
def test_the_figures_page_links_the_team_for_the_hub_manager_only(
    signed_in_client: Callable[[Role], Client],
) -> None:
    assert "Your team today" in signed_in_client(Role.HUB_MANAGER).get("/figures/").content.decode()
    assert "Your team today" not in signed_in_client(Role.ANALYST).get("/figures/").content.decode()


@pytest.mark.django_db
def test_the_team_page_takes_the_same_queries_however_many_guides(
    team: None, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    client.get("/figures/team/")  # the session's first request reads more
    counts = []
    for _more in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/figures/team/").status_code == 200
        counts.append(len(queries.captured_queries))
        for _guide in range(5):  # five more guides, each with someone in support
            guide = UserFactory(role=Role.PERSONAL_GUIDE)
            guide.organisations.add(*User.objects.get(username="test-hub_manager").organisations.all())
            _episode(guide, Episode.Status.OPEN, 3)
    assert counts[0] == counts[1]
