"""The accommodation pathway and personal budgets month by month, with known answers: counted by the
pathway's own rules, beside the baseline, with money hidden beside a small count of people; kept up by the
task worker as moves and spending are recorded."""

import csv
import datetime
import io
import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.insight.tests.conftest import figures_json, worker_queue
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import AccommodationMove, BudgetAllocation, BudgetSpend


def _moves(recorder: User, *moves: tuple[str, datetime.date]) -> Person:
    person = PersonFactory()
    for kind, moved_on in moves:
        AccommodationMove.objects.create(person=person, kind=kind, moved_on=moved_on, recorded_by=recorder)
    return person


def _spent(recorder: User, allocation: BudgetAllocation, amount: int, spent_on: datetime.date) -> None:
    BudgetSpend.objects.create(
        allocation=allocation, spent_on=spent_on, what="-", amount=Decimal(amount), recorded_by=recorder,
        submission_token=uuid.uuid4(),
    )  # fmt: skip


@pytest.fixture
def pathway(db: None) -> None:
    worker = UserFactory(role=Role.PERSONAL_GUIDE)
    day = datetime.date
    _moves(worker, ("residential", day(2024, 6, 1)), ("own_tenancy", day(2025, 1, 10)))  # home, from rehab
    _moves(worker, ("hospital", day(2024, 6, 1)), ("residential", day(2025, 2, 3)))  # a discharge and an entry
    _moves(worker, ("supported", day(2024, 6, 1)), ("own_tenancy", day(2025, 2, 20)))  # home, not from rehab
    _moves(worker, ("residential", day(2025, 2, 25)))  # first known place: a new entry
    allocations = [
        BudgetAllocation.objects.create(person=PersonFactory(), source="health", starts_on=day(2025, 1, 1),
                                        ends_on=day(2025, 12, 31), amount=Decimal(1200), created_by=worker)
        for _person in range(6)
    ]  # fmt: skip
    for allocation in allocations:  # six people spend £50 in January, one £70 in February
        _spent(worker, allocation, 50, day(2025, 1, 15))
    _spent(worker, allocations[0], 70, day(2025, 2, 2))
    call_command("insight_refresh", stdout=io.StringIO())


@pytest.mark.django_db
def test_every_pathway_figure_is_the_known_answer(pathway: None) -> None:
    january, february = (month["pathway"] for month in figures_json("2025-01", "2025-02")["months"])
    assert january == {
        "into_own_home": 1, "into_own_home_from_residential": 1, "residential_entries": 0, "discharges": 1,
        "people_with_budget_spending": 6, "budget_spent": 300.0, "people_with_budget_allocated": 6,
        "budget_allocated": 7200.0,
    }  # fmt: skip
    assert february == {
        "into_own_home": 1, "into_own_home_from_residential": 0, "residential_entries": 2, "discharges": 1,
        "people_with_budget_spending": 1, "budget_spent": 70.0, "people_with_budget_allocated": 0,
        "budget_allocated": 0.0,
    }  # fmt: skip


@pytest.mark.django_db
def test_the_table_hides_small_counts_and_the_money_of_few_people(
    pathway: None, signed_in_client: Callable[[Role], Client]
) -> None:
    response = signed_in_client(Role.ANALYST).get("/figures/pathway.csv", {"start": "2025-01", "end": "2025-02"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    few = "fewer than 5"
    assert rows[1] == ["Jan 2025", few, few, "0", few, "6", "£300.00", "£50.00", "6", "£7,200.00"]
    assert rows[2] == ["Feb 2025", few, "0", few, few, few, "not shown", "not shown: fewer than 5 people", "0", "–"]
    assert rows[3][:5] == ["All months", few, few, few, few]


@pytest.mark.django_db(transaction=True)
def test_the_worker_counts_a_move_and_the_month_of_the_person_s_next() -> None:
    worker = UserFactory(role=Role.PERSONAL_GUIDE)
    person = _moves(worker, ("own_tenancy", datetime.date(2025, 3, 1)))
    worker_queue()
    assert figures_json("2025-03", "2025-03")["months"][0]["pathway"]["into_own_home"] == 1
    # Recorded late: before that move they were in residential care, so March's move was from rehab too.
    AccommodationMove.objects.create(
        person=person, kind="residential", moved_on=datetime.date(2025, 1, 5), recorded_by=worker
    )
    worker_queue()
    january, _february, march = (month["pathway"] for month in figures_json("2025-01", "2025-03")["months"])
    assert (january["residential_entries"], march["into_own_home_from_residential"]) == (1, 1)
