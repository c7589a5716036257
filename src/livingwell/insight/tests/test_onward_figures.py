"""Onward introductions with known answers: how many were sent each month and to each kind of
organisation, how many reached each step, and the days to a reply; kept up by the task worker as they move
on and as an organisation's kind changes."""

import csv
import datetime
import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.directory.models import Organization, Service
from livingwell.directory.tests.factories import OrganizationFactory, ServiceFactory
from livingwell.insight.tests.conftest import LONDON, figures_json, worker_queue
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import OnwardIntroduction, OnwardStatusChange
from livingwell.support.onward import PROVIDER_MOVES, onward_move, onward_send

Status = OnwardIntroduction.Status


def _at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, month, day, hour, minute, tzinfo=LONDON)


def _onward(service: Service, steps: list[tuple[str, datetime.datetime]]) -> None:
    """An onward introduction sent at the first step's time, moved on through the others."""
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    onward = OnwardIntroduction.objects.create(
        person=PersonFactory(),
        service=service,
        status=steps[-1][0],
        sent_at=steps[0][1],
        sent_by=guide,
        respond_by=steps[0][1].date() + datetime.timedelta(days=14),
        status_changed_at=steps[-1][1],
    )
    for status, when in steps:
        OnwardStatusChange.objects.create(onward=onward, status=status, changed_at=when, changed_by=guide)


@pytest.fixture
def network(db: None) -> dict[str, Service]:
    services = {
        kind: ServiceFactory(organization=OrganizationFactory(kind=kind))
        for kind in (Organization.Kind.CHARITY, Organization.Kind.NHS, "")
    }
    charity, nhs, unsaid = services.values()
    _onward(charity, [(Status.SENT, _at(1, 6)), (Status.ACCEPTED, _at(1, 8)), (Status.STARTED, _at(1, 15)),
                      (Status.FINISHED, _at(3, 1))])  # fmt: skip
    _onward(charity, [(Status.SENT, _at(1, 20, 23, 30)), (Status.DECLINED, _at(1, 21, 9))])  # the next day: 1
    _onward(nhs, [(Status.SENT, _at(1, 31, 23, 30))])  # 23:30 in London on the 31st is January: still waiting
    _onward(nhs, [(Status.SENT, _at(2, 3)), (Status.NO_RESPONSE, _at(2, 20))])  # no reply: no days to one
    # Accepted the same day (0 days: the first reply counts), then declined.
    _onward(unsaid, [(Status.SENT, _at(2, 10)), (Status.ACCEPTED, _at(2, 10, 15)), (Status.DECLINED, _at(2, 12))])
    call_command("insight_refresh", stdout=io.StringIO())
    return services


def _steps(sent: int, accepted: int, started: int, finished: int, declined: int, no_response: int, waiting: int,
           median: float | None, p90: int | None) -> dict[str, object]:  # fmt: skip
    return {
        "sent": sent, "accepted": accepted, "started": started, "finished": finished, "declined": declined,
        "no_response": no_response, "waiting": waiting, "days_to_reply": {"median": median, "p90": p90},
    }  # fmt: skip


@pytest.mark.django_db
def test_every_onward_figure_is_the_known_answer(network: dict[str, Service]) -> None:
    figures = figures_json("2025-01", "2025-03")
    assert [month["onward"] for month in figures["months"]] == [
        _steps(3, 1, 1, 1, 1, 0, 1, 1.5, 2),  # replies after 2 days and 1: an even count
        _steps(2, 1, 0, 0, 1, 1, 0, 0.0, 0),
        _steps(0, 0, 0, 0, 0, 0, 0, None, None),  # finishing in March counts in January, when it was sent
    ]
    assert figures["onward_by_organisation_kind"] == [
        {"kind": "charity", **_steps(2, 1, 1, 1, 1, 0, 0, 1.5, 2)},
        {"kind": "nhs", **_steps(2, 0, 0, 0, 0, 1, 1, None, None)},
        {"kind": None, **_steps(1, 1, 0, 0, 1, 0, 0, 0.0, 0)},
    ]


@pytest.mark.django_db
def test_the_tables_hide_small_counts_and_too_few_replies(
    network: dict[str, Service], signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.ANALYST)
    period = {"start": "2025-01", "end": "2025-02"}
    few = "fewer than 5 waits"
    by_kind = list(csv.reader(io.StringIO(client.get("/figures/onward-by-organisation.csv", period).content.decode())))
    assert by_kind == [
        ["Kind of organisation", "Sent", "Accepted", "Started", "Finished", "Declined", "No response",
         "Waiting for a reply", "Days to a reply: median", "Days to a reply: 90th percentile"],
        ["Charity or voluntary organisation", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5",
         "fewer than 5", "0", "0", few, few],
        ["NHS", "fewer than 5", "0", "0", "0", "0", "fewer than 5", "fewer than 5", "–", "–"],
        ["Not recorded", "fewer than 5", "fewer than 5", "0", "0", "fewer than 5", "0", "0", few, few],
        # Five sent is shown; the others' totals are small, or one hidden part would give them away.
        ["All kinds", "5", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5",
         "fewer than 5", few, few],
    ]  # fmt: skip
    by_month = list(csv.reader(io.StringIO(client.get("/figures/onward.csv", period).content.decode())))
    assert by_month[-1] == ["All months", *by_kind[-1][1:]]  # the same totals, hidden alike


@pytest.mark.django_db(transaction=True)
def test_the_worker_counts_an_onward_introduction_as_it_moves_on_and_as_its_organisation_changes_kind() -> None:
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    service = ServiceFactory(organization=OrganizationFactory(kind=Organization.Kind.COMMUNITY))
    onward = onward_send(actor=guide, person=PersonFactory(), service=service, shared=[], message="")
    worker_queue()
    this_month = timezone.localdate().strftime("%Y-%m")
    assert figures_json(this_month, this_month)["months"][0]["onward"] == _steps(1, 0, 0, 0, 0, 0, 1, None, None)
    onward_move(actor=guide, onward=onward, status=Status.ACCEPTED, note="", moves=PROVIDER_MOVES)
    worker_queue()
    figures = figures_json(this_month, this_month)
    assert figures["months"][0]["onward"] == _steps(1, 1, 0, 0, 0, 0, 0, 0.0, 0)
    assert [kind["kind"] for kind in figures["onward_by_organisation_kind"]] == ["community"]
    organisation = service.organization
    organisation.kind = Organization.Kind.FAITH
    organisation.save()
    worker_queue()
    figures = figures_json(this_month, this_month)
    assert [kind["kind"] for kind in figures["onward_by_organisation_kind"]] == ["faith"]
