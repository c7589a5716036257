"""The accommodation pathway: a history of moves for each person, and the pathway's figures for any period,
worked out from each move and the one before it, as the analysts' page shows them."""

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.suppression import count_shown, money_per_person_shown
from livingwell.people.models import Person
from livingwell.support.models import AccommodationMove, BudgetSpend


def accommodation_move_record(
    *, actor: User, person: Person, kind: str, moved_on: datetime.date, note: str
) -> AccommodationMove:
    with transaction.atomic():
        move = AccommodationMove.objects.create(
            person=person, recorded_by=actor, kind=kind, moved_on=moved_on, note=note
        )
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            record=move,
            person_id=person.pk,
            detail=f"accommodation: {move.kind}",
        )
    return move


Kind = AccommodationMove.Kind
RESIDENTIAL_KINDS = {Kind.RESIDENTIAL}
DISCHARGED_FROM = {Kind.HOSPITAL, Kind.RESIDENTIAL}


@dataclass(frozen=True)
class PathwayFigures:
    starts_on: datetime.date
    ends_on: datetime.date
    into_own_home: int
    into_own_home_from_residential: int
    new_residential_entries: int
    discharges: int
    people_with_spending: int
    spending: Decimal
    # Who each count is of, once for each move counted: "into_own_home", "from_residential",
    # "residential_entries", "discharges" and "people_spending" (for the figures by group).
    people: dict[str, list[uuid.UUID]] = field(default_factory=dict, compare=False)

    @property
    def cost_per_person(self) -> Decimal | None:
        if not self.people_with_spending:
            return None
        return (self.spending / self.people_with_spending).quantize(Decimal("0.01"))


def pathway_figures(starts_on: datetime.date, ends_on: datetime.date) -> PathwayFigures:
    """The accommodation pathway for moves dated in the period, each judged against the person's move before.

    Into their own home: a move to their own tenancy from anywhere else. New residential entry: a move into
    residential care or rehabilitation from anywhere else (or as the first known place). Discharge: a move
    out of hospital or residential care, except into hospital (an admission, not a discharge). Cost per
    person: budget spending in the period over the people who spent.
    """
    movers = AccommodationMove.objects.filter(moved_on__range=(starts_on, ends_on)).values("person_id")
    history: dict[uuid.UUID, list[tuple[datetime.date, str]]] = defaultdict(list)
    for person_id, moved_on, kind in (
        AccommodationMove.objects.filter(person_id__in=movers, moved_on__lte=ends_on)
        .order_by("person_id", "moved_on", "id")
        .values_list("person_id", "moved_on", "kind")
    ):
        history[person_id].append((moved_on, kind))
    people: dict[str, list[uuid.UUID]] = defaultdict(list)
    for person_id, moves in history.items():
        for index, (moved_on, kind) in enumerate(moves):
            if moved_on < starts_on:
                continue
            before = moves[index - 1][1] if index else None
            if kind == before:
                continue  # a correction or a move within the same kind of place
            if kind == Kind.OWN_TENANCY:
                people["into_own_home"].append(person_id)
                if before in RESIDENTIAL_KINDS:
                    people["from_residential"].append(person_id)
            if kind in RESIDENTIAL_KINDS:
                people["residential_entries"].append(person_id)
            if before in DISCHARGED_FROM and kind != Kind.HOSPITAL:
                people["discharges"].append(person_id)
    spending = BudgetSpend.objects.filter(spent_on__range=(starts_on, ends_on)).order_by()
    total = spending.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    people["people_spending"] = list(spending.values_list("allocation__person_id", flat=True).distinct())
    return PathwayFigures(
        starts_on,
        ends_on,
        into_own_home=len(people["into_own_home"]),
        into_own_home_from_residential=len(people["from_residential"]),
        new_residential_entries=len(people["residential_entries"]),
        discharges=len(people["discharges"]),
        people_with_spending=len(people["people_spending"]),
        spending=total,
        people=dict(people),
    )


def pathway_rows(figures: PathwayFigures, suppress: bool) -> list[tuple[str, str]]:
    """The figures as the page shows them, in words; small numbers suppressed when ``suppress``."""
    return [
        (_("Moved into their own home"), count_shown(figures.into_own_home, suppress)),
        (
            _("… of them from residential care or rehabilitation"),
            count_shown(figures.into_own_home_from_residential, suppress),
        ),
        (_("New residential entries"), count_shown(figures.new_residential_entries, suppress)),
        (_("Discharges from hospital or residential care"), count_shown(figures.discharges, suppress)),
        (_("People with budget spending"), count_shown(figures.people_with_spending, suppress)),
        (
            _("Cost per person (budget spending)"),
            money_per_person_shown(figures.cost_per_person, figures.people_with_spending, suppress),
        ),
    ]
