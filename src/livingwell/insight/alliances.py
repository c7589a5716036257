"""An alliance's figures for a period (decision 0033): each partner's budget and spend, the people it
supported, the cost per person a year beside the alliance's baseline, and how those people's wellbeing
changed. Counted live: an alliance has a handful of partners.

- **Budget and spend** are the partner's records whose months lie wholly inside the period.
- **People supported** by a partner are those with an onward introduction to one of its services that had
  started by the period's end and had not finished before its start.
- **Wellbeing** is SWEMWBS, from each of those people's first measurement to their latest up to the
  period's end, for those with at least two; better by the deployment's threshold where one is set.
"""

import datetime
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, Model, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.months import month_bounds, months_between
from livingwell.core.refusals import Refused
from livingwell.directory.models import Organization
from livingwell.insight.models import Alliance, AlliancePartner, PartnerFinance, WellbeingScore
from livingwell.insight.outcome_summaries import WELLBEING
from livingwell.insight.wellbeing import firsts_and_latests
from livingwell.support.measures import Judgement, change_judge
from livingwell.support.models import Instrument, OnwardIntroduction, OnwardStatusChange

Status = OnwardIntroduction.Status


@dataclass
class PartnerFigures:
    partner: AlliancePartner
    budget: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    people: set[int] = field(default_factory=set)  # each person supported, by their key as a number
    measured: int = 0  # people with two wellbeing measurements or more
    change: float = 0.0  # their changes, added up
    better: int = 0  # by the threshold

    @property
    def mean_change(self) -> float | None:
        return round(self.change / self.measured, 1) if self.measured else None


@dataclass
class AllianceFigures:
    alliance: Alliance
    first: datetime.date
    last: datetime.date
    partners: list[PartnerFigures]
    threshold_set: bool = False

    @property
    def months(self) -> int:
        return len(months_between(self.first, self.last))

    def cost_per_person_year(self, spent: Decimal, people: int) -> Decimal | None:
        if not people:
            return None
        return (spent / people * 12 / self.months).quantize(Decimal("0.01"))


def _supported(
    organisations: list[uuid.UUID], start: datetime.datetime, end: datetime.datetime
) -> QuerySet[OnwardStatusChange]:
    """The starts of onward introductions to the organisations' services that were under way in the period:
    started by its end, not finished before its start."""
    finished_before = OnwardStatusChange.objects.filter(
        onward=OuterRef("onward"), status=Status.FINISHED, changed_at__lt=start
    )
    return (
        OnwardStatusChange.objects.filter(
            status=Status.STARTED, changed_at__lt=end, onward__service__organization__in=organisations
        )
        .exclude(Exists(finished_before))
        .order_by()
    )


Judged = tuple[float, bool]  # a person's wellbeing change, and whether it is better by the threshold


def _judged(judge: Callable[[float, float], Judgement], before: float, after: float) -> Judged:
    change, meaningful, better = judge(before, after)
    return change, bool(meaningful and better)


def _people_and_wellbeing(
    supported: QuerySet[OnwardStatusChange], end: datetime.datetime, instrument: Instrument | None
) -> tuple[dict[uuid.UUID, set[int]], dict[int, Judged]]:
    """Each organisation's supported people, and the wellbeing change of each of them measured twice or more
    before ``end``, in one read (decision 0037): each person's first and latest as they stand now, where the
    latest is before ``end``; for those measured again since, picked from their scores before it. People are
    kept by their key as a number, quicker to compare by the tens of thousands."""
    judge = change_judge(instrument, WELLBEING[1]) if instrument else None
    kept = "onward__person__wellbeing__"
    measured_again = Q(**{f"{kept}latest_at__gte": end})
    rows = supported.values_list(
        "onward__service__organization_id", "onward__person_id",
        f"{kept}first_score", f"{kept}latest_score", f"{kept}measured",
        ExpressionWrapper(measured_again, output_field=BooleanField()),
    )  # fmt: skip
    people: dict[uuid.UUID, set[int]] = defaultdict(set)
    wellbeing: dict[int, Judged] = {}
    measured_since = False
    for organisation, person_id, first, latest, measured, since in rows:
        person = person_id.int
        people[organisation].add(person)
        if judge is None or measured is None or measured < 2 or person in wellbeing:
            continue
        if since:
            measured_since = True
        else:
            wellbeing[person] = _judged(judge, first, latest)
    if measured_since and judge is not None:
        again = supported.filter(measured_again).values("onward__person_id")
        scores = WellbeingScore.objects.filter(taken_at__lt=end, person__in=again)
        for person_id, first, latest, _at, _taken in firsts_and_latests(scores, at_least=2):
            wellbeing[person_id.int] = _judged(judge, first, latest)
    return people, wellbeing


def alliance_figures(alliance: Alliance, first: datetime.date, last: datetime.date) -> AllianceFigures:
    start, _ = month_bounds(first)
    _, end = month_bounds(last)
    partners = list(alliance.partners.select_related("organisation"))
    by_partner = {partner.pk: PartnerFigures(partner) for partner in partners}
    finances = PartnerFinance.objects.filter(
        partner__alliance=alliance, first_month__gte=first, last_month__lte=last
    ).order_by()
    for partner_id, budget, spent in finances.values_list("partner_id", "budget", "spent"):
        by_partner[partner_id].budget += budget
        by_partner[partner_id].spent += spent
    supported = _supported([partner.organisation_id for partner in partners], start, end)
    instrument = Instrument.objects.filter(code=WELLBEING[0]).first()
    people, wellbeing = _people_and_wellbeing(supported, end, instrument)
    threshold = instrument is not None and instrument.meaningful_change.get(WELLBEING[1]) is not None
    for partner in partners:
        figures = by_partner[partner.pk]
        figures.people = people.get(partner.organisation_id, set())
        for person in figures.people & wellbeing.keys():
            change, better = wellbeing[person]
            figures.measured += 1
            figures.change += change
            figures.better += better
    return AllianceFigures(alliance, first, last, list(by_partner.values()), threshold)


def version_key(alliance_id: int) -> str:
    """Where the alliance's version is kept: its tables are cached under it (tables/alliance.py)."""
    return f"insight:alliance:{alliance_id}:version"


def _changed(alliance_id: int) -> None:
    """Count the alliance afresh when next read."""
    try:
        cache.incr(version_key(alliance_id))
    except ValueError:
        cache.set(version_key(alliance_id), 1)


# Changes: each audited, each once.


def _audit(actor: User, record: Model, what: str) -> None:
    audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=record, person_id=None, detail=what)


def alliance_create(*, actor: User, name: str, outcomes: str, baseline: Decimal | None) -> Alliance:
    with transaction.atomic():
        if Alliance.objects.filter(name__iexact=name).exists():
            raise Refused(_("There is an alliance of that name already"))
        alliance = Alliance.objects.create(name=name, outcomes=outcomes, baseline_cost_per_person=baseline)
        _audit(actor, alliance, "alliance made")
    return alliance


def partner_add(*, actor: User, alliance: Alliance, organisation: Organization) -> AlliancePartner:
    """The organisation as a partner of the alliance; adding it again changes nothing."""
    with transaction.atomic():
        partner, created = AlliancePartner.objects.get_or_create(alliance=alliance, organisation=organisation)
        if created:
            _audit(actor, partner, "partner added")
            _changed(alliance.pk)
    return partner


def finance_record(
    *,
    actor: User,
    partner: AlliancePartner,
    first_month: datetime.date,
    last_month: datetime.date,
    budget: Decimal,
    spent: Decimal,
    submission_id: uuid.UUID,
) -> PartnerFinance:
    """A partner's budget and spend for whole months; the same form sent twice records it once."""
    if last_month < first_month:
        raise Refused(_("The last month must not be before the first"))
    with transaction.atomic():
        finance, created = PartnerFinance.objects.get_or_create(
            submission_id=submission_id,
            defaults={
                "partner": partner,
                "first_month": first_month,
                "last_month": last_month,
                "budget": budget,
                "spent": spent,
                "recorded_by": actor,
            },
        )
        if created:
            _audit(actor, finance, "budget and spend recorded")
            _changed(partner.alliance_id)
    return finance
