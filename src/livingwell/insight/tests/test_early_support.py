"""Early support with known answers: people in Hub support each month, the episodes opened, reopened and
closed, and people per guide, from episodes whose every change is dated; kept up by the task worker as
episodes change, and by housekeeping as a month begins."""

import csv
import datetime
import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.core.months import month_of
from livingwell.core.tasks import housekeeping
from livingwell.insight.models import MonthCount, MonthSummarised
from livingwell.insight.summaries import this_month_summarise_once
from livingwell.insight.tests.conftest import LONDON, figures_json, worker_queue
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Episode, EpisodeChange
from livingwell.support.services import episode_open, episode_status_change

Kind = EpisodeChange.Kind


def _at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def _episode(guide: User, changes: list[tuple[str, datetime.datetime, User]]) -> Episode:
    """An episode with its history as given, its state as the last change left it."""
    closed = changes[-1][0] == Kind.CLOSED
    episode = Episode.objects.create(
        person=PersonFactory(),
        guide=changes[-1][2],
        opened_at=changes[0][1],
        status=Episode.Status.CLOSED if closed else Episode.Status.OPEN,
        closed_at=changes[-1][1] if closed else None,
    )
    for kind, when, by in changes:
        EpisodeChange.objects.create(episode=episode, kind=kind, reason="-", changed_at=when, guide=by)
    return episode


@pytest.fixture
def hub(db: None) -> None:
    """Four people's support. In London, 23:30 on 31 January is still January, and 23:30 on 31 March
    (summer time) is 22:30 UTC: still March."""
    first, second = UserFactory(role=Role.PERSONAL_GUIDE), UserFactory(role=Role.PERSONAL_GUIDE)
    _episode(first, [(Kind.OPENED, _at(2024, 12, 20), first), (Kind.CLOSED, _at(2024, 12, 28), first)])
    _episode(
        first,
        [
            (Kind.OPENED, _at(2025, 1, 10), first),
            (Kind.CLOSED, _at(2025, 2, 5), first),
            (Kind.REOPENED, _at(2025, 4, 3), first),
        ],
    )
    _episode(
        second,
        [
            (Kind.OPENED, _at(2025, 1, 31, 23, 30), second),
            (Kind.ON_HOLD, _at(2025, 2, 10), second),
            (Kind.RESUMED, _at(2025, 3, 1), second),
            (Kind.GUIDE_CHANGED, _at(2025, 3, 15), first),
        ],
    )
    _episode(second, [(Kind.OPENED, _at(2025, 3, 31, 23, 30), second)])
    call_command("insight_refresh", stdout=io.StringIO())


def _support(in_support: int, opened: int, reopened: int, closed: int, guides: int) -> dict[str, object]:
    return {
        "in_support": in_support,
        "opened": opened,
        "reopened": reopened,
        "closed": closed,
        "guides": guides,
        "people_per_guide": round(in_support / guides, 1) if guides else None,
    }


@pytest.mark.django_db
def test_every_month_of_early_support_is_the_known_answer(hub: None) -> None:
    months = figures_json("2024-11", "2025-05")["months"]
    assert [month["early_support"] for month in months] == [
        _support(0, 0, 0, 0, 0),  # November: nothing yet, and every figure nought
        _support(1, 1, 0, 1, 1),  # December: opened and closed within the month
        _support(2, 2, 0, 0, 2),  # January: two opened, one at 23:30 on the 31st
        _support(2, 0, 0, 1, 2),  # February: one closed on the 5th (in support till then), one on hold
        _support(2, 1, 0, 0, 2),  # March: the closed one is not; the one handed over counts with its new guide
        _support(3, 0, 1, 0, 2),  # April: one back through the way back; three people, two guides
        _support(3, 0, 0, 0, 2),  # May: nothing changed, everyone carried over
    ]


@pytest.mark.django_db
def test_the_table_hides_small_counts_and_the_people_per_guide_beside_them(
    hub: None, signed_in_client: Callable[[Role], Client]
) -> None:
    response = signed_in_client(Role.ANALYST).get("/figures/early-support.csv", {"start": "2025-03", "end": "2025-04"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["Month", "People in Hub support", "Episodes opened", "Episodes reopened (the way back)",
         "Episodes closed", "Guides", "People per guide"],
        ["Mar 2025", "fewer than 5", "fewer than 5", "0", "0", "2", "–"],
        ["Apr 2025", "fewer than 5", "0", "fewer than 5", "0", "2", "–"],
        # The period's totals are small too. People are not added up: the same person is in both months.
        ["All months", "–", "fewer than 5", "fewer than 5", "0", "–", "–"],
    ]  # fmt: skip


@pytest.mark.django_db
def test_people_per_guide_shows_beside_a_shown_count_and_a_total_with_one_small_month_is_hidden(
    signed_in_client: Callable[[Role], Client],
) -> None:
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    for day in range(1, 8):
        _episode(guide, [(Kind.OPENED, _at(2025, 6, day), guide)])
    for day in range(1, 3):
        _episode(guide, [(Kind.OPENED, _at(2025, 7, day), guide)])
    call_command("insight_refresh", stdout=io.StringIO())
    june, july = figures_json("2025-06", "2025-07")["months"]
    assert (june["early_support"], july["early_support"]) == (_support(7, 7, 0, 0, 1), _support(9, 2, 0, 0, 1))
    response = signed_in_client(Role.ANALYST).get("/figures/early-support.csv", {"start": "2025-06", "end": "2025-07"})
    assert list(csv.reader(io.StringIO(response.content.decode())))[1:] == [
        ["Jun 2025", "7", "7", "0", "0", "1", "7"],
        ["Jul 2025", "9", "fewer than 5", "0", "0", "1", "9"],
        ["All months", "–", "not shown", "0", "0", "–", "–"],  # 9 less June's 7 would give July's 2
    ]


@pytest.mark.django_db(transaction=True)
def test_the_worker_sums_up_the_month_as_an_episode_opens_and_closes(user_with_role: Callable[[Role], User]) -> None:
    guide = user_with_role(Role.PERSONAL_GUIDE)
    episode = episode_open(
        actor=guide, person=PersonFactory(), guide=guide, chosen_by_person=False, introduction=None, reason="-"
    )
    worker_queue()
    this_month = timezone.localdate().strftime("%Y-%m")
    assert figures_json(this_month, this_month)["months"][0]["early_support"] == _support(1, 1, 0, 0, 1)
    episode_status_change(actor=guide, episode=episode, change="close", reason="-")
    worker_queue()
    assert figures_json(this_month, this_month)["months"][0]["early_support"] == _support(1, 1, 0, 1, 1)


@pytest.mark.django_db(transaction=True)
def test_housekeeping_sums_up_a_new_month_once_so_people_carried_over_count(
    user_with_role: Callable[[Role], User],
) -> None:
    guide = user_with_role(Role.PERSONAL_GUIDE)
    long_ago = timezone.now() - datetime.timedelta(days=70)
    _episode(guide, [(Kind.OPENED, long_ago, guide)])
    this_month = month_of(timezone.localdate())
    MonthCount.objects.filter(month=this_month).delete()
    MonthSummarised.objects.filter(month=this_month).delete()  # as if the month had only just begun
    housekeeping.enqueue()
    worker_queue()
    assert MonthCount.objects.get(month=this_month, measure=MonthCount.Measure.IN_SUPPORT).count == 1
    assert this_month_summarise_once() is False  # once is enough: changes from now on sum it up again
