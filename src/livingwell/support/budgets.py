"""Personal budgets: writing them, and reading them as the pages need.

A budget is an allocation for a period from health or social care; planned supports say what it is for
(linked to a goal); spending lines use it up. The balance is the allocation less what is spent; spending
past it is flagged, never refused (the money may already be gone). The accommodation pathway is
``support/accommodation.py``.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.exports import csv_text
from livingwell.core.submissions import created_once
from livingwell.people.models import Person
from livingwell.support.models import BudgetAllocation, BudgetSpend, Goal, PlannedSupport


def _created(actor: User, record: Any, person_id: uuid.UUID, detail: str) -> None:
    audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=record, person_id=person_id, detail=detail)


def allocation_add(
    *,
    actor: User,
    person: Person,
    source: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    amount: Decimal,
) -> BudgetAllocation:
    with transaction.atomic():
        allocation = BudgetAllocation.objects.create(
            person=person, created_by=actor, source=source, starts_on=starts_on, ends_on=ends_on, amount=amount
        )
        _created(actor, allocation, person.pk, "budget allocation")
    return allocation


def planned_support_add(
    *, actor: User, allocation: BudgetAllocation, what: str, goal: Goal | None, planned_cost: Decimal
) -> PlannedSupport:
    with transaction.atomic():
        planned = PlannedSupport.objects.create(allocation=allocation, what=what, goal=goal, planned_cost=planned_cost)
        _created(actor, planned, allocation.person_id, "planned support")
    return planned


def spend_record(
    *,
    actor: User,
    allocation: BudgetAllocation,
    planned_support: PlannedSupport | None,
    spent_on: datetime.date,
    what: str,
    amount: Decimal,
    token: uuid.UUID,
) -> BudgetSpend:
    """Record a line of spending once per form (a double submit makes one line)."""

    def create() -> BudgetSpend:
        spend = BudgetSpend.objects.create(
            allocation=allocation,
            recorded_by=actor,
            submission_token=token,
            planned_support=planned_support,
            spent_on=spent_on,
            what=what,
            amount=amount,
        )
        _created(actor, spend, allocation.person_id, "budget spend")
        return spend

    return created_once(BudgetSpend, create, submission_token=token)


@dataclass(frozen=True)
class AllocationView:
    allocation: BudgetAllocation
    planned: list[PlannedSupport]
    spends: list[BudgetSpend]
    planned_total: Decimal
    spent: Decimal
    balance: Decimal

    @property
    def overspent(self) -> bool:
        return self.balance < 0

    @property
    def overplanned(self) -> bool:
        return self.planned_total > self.allocation.amount


def budget_views(person: Person) -> list[AllocationView]:
    """Each allocation with its plans, spending and balance: three queries."""
    allocations = BudgetAllocation.objects.filter(person=person).prefetch_related(
        Prefetch("planned", PlannedSupport.objects.select_related("goal")),
        Prefetch("spends", BudgetSpend.objects.select_related("planned_support")),
    )
    views = []
    for allocation in allocations:
        planned, spends = list(allocation.planned.all()), list(allocation.spends.all())
        spent = sum((spend.amount for spend in spends), Decimal(0))
        views.append(
            AllocationView(
                allocation=allocation,
                planned=planned,
                spends=spends,
                planned_total=sum((item.planned_cost for item in planned), Decimal(0)),
                spent=spent,
                balance=allocation.amount - spent,
            )
        )
    return views


CSV_COLUMNS = ["allocation_source", "allocation_from", "allocation_to", "date", "what", "amount", "planned_for", "goal"]


def budget_csv(views: list[AllocationView]) -> str:
    """Every spending line, for finance: one row a line, with its allocation and what it was planned for."""
    return csv_text(
        ["allocation_source", "allocation_from", "allocation_to", "date", "what", "amount", "planned_for", "goal"],
        (
            [
                view.allocation.get_source_display(),
                view.allocation.starts_on.isoformat(),
                view.allocation.ends_on.isoformat(),
                spend.spent_on.isoformat(),
                spend.what,
                f"{spend.amount:.2f}",
                spend.planned_support.what if spend.planned_support else "",
                spend.planned_support.goal.what if spend.planned_support and spend.planned_support.goal else "",
            ]
            for view in views
            for spend in view.spends
        ),
    )
