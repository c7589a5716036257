"""Personal budgets and the accommodation pathway through HTTP, with known answers."""

import datetime
import re
import uuid
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.access import access_pathway_figures_for
from livingwell.support.models import AccommodationMove, BudgetAllocation, BudgetSpend, Episode, Goal, Plan


def _url(name: str, episode: Episode) -> str:
    return reverse(f"support:{name}", kwargs={"episode_id": episode.pk})


def _date(prefix: str, date: datetime.date) -> dict[str, str]:
    return {f"{prefix}_day": str(date.day), f"{prefix}_month": str(date.month), f"{prefix}_year": str(date.year)}


def _allocation(guide: Client, episode: Episode, amount: str = "1000") -> BudgetAllocation:
    data = {"source": "social_care", "amount": amount}
    data |= _date("starts_on", datetime.date(2026, 4, 1)) | _date("ends_on", datetime.date(2027, 3, 31))
    assert guide.post(_url("allocation_new", episode), data).status_code == 302
    return BudgetAllocation.objects.latest("id")


def _spend(guide: Client, episode: Episode, allocation: BudgetAllocation, amount: str, **extra: str) -> object:
    data = {"allocation": str(allocation.pk), "what": "Gym membership", "amount": amount, "token": str(uuid.uuid4())}
    return guide.post(_url("spend_new", episode), data | _date("spent_on", datetime.date(2026, 6, 1)) | extra)


def test_a_budget_is_planned_spent_and_warns_when_overspent(guide: Client, episode: Episode) -> None:
    allocation = _allocation(guide, episode)
    plan = Plan.objects.create(person=episode.person)
    goal = Goal.objects.create(plan=plan, outcome="taking_part", what="Get fit with friends")
    guide.post(
        _url("planned_new", episode),
        {"allocation": allocation.pk, "what": "Gym membership", "goal": goal.pk, "planned_cost": "600"},
    )
    _spend(guide, episode, allocation, "250.50")
    html = guide.get(_url("budget", episode)).content.decode()
    assert "£749.50" in html  # the balance
    assert "(for the goal: Get fit with friends)" in html
    assert "Overspent" not in html
    _spend(guide, episode, allocation, "800")
    html = guide.get(_url("budget", episode)).content.decode()
    assert "Overspent by £50.50." in html
    assert "£50.50 overspent" in html
    assert "£-" not in html


def test_a_double_submitted_spend_is_one_line(guide: Client, episode: Episode) -> None:
    allocation = _allocation(guide, episode)
    token = str(uuid.uuid4())
    _spend(guide, episode, allocation, "20", token=token)
    _spend(guide, episode, allocation, "20", token=token)
    assert BudgetSpend.objects.count() == 1


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter an amount in pounds"),
        ("abc", "Enter an amount in pounds"),
        ("0", "more than £0"),
        ("-5", "more than £0"),
        ("12.345", "Enter pounds and pence"),
        ("1e9", "£1,000,000 or less"),
        ("'; DROP TABLE support_budgetspend; --", "Enter an amount in pounds"),
    ],
)
def test_a_bad_amount_says_what_and_saves_nothing(guide: Client, episode: Episode, amount: str, message: str) -> None:
    allocation = _allocation(guide, episode)
    response = _spend(guide, episode, allocation, amount)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert message in response.content.decode()  # type: ignore[attr-defined]
    assert not BudgetSpend.objects.exists()


def test_a_budget_period_must_run_forwards(guide: Client, episode: Episode) -> None:
    data = {"source": "health", "amount": "100"}
    data |= _date("starts_on", datetime.date(2026, 4, 1)) | _date("ends_on", datetime.date(2026, 3, 1))
    assert "The end must be on or after the start" in guide.post(_url("allocation_new", episode), data).content.decode()
    assert not BudgetAllocation.objects.exists()


def test_nobody_spends_from_someone_elses_budget(guide: Client, episode: Episode) -> None:
    theirs = BudgetAllocation.objects.create(
        person=PersonFactory(),
        source="health",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        amount=Decimal(100),
        created_by=episode.guide,
    )
    response = _spend(guide, episode, theirs, "10")
    assert "Select the budget" in response.content.decode()  # type: ignore[attr-defined]
    assert not BudgetSpend.objects.exists()


def test_the_csv_export_is_for_finance_safe_in_a_spreadsheet_and_audited(guide: Client, episode: Episode) -> None:
    allocation = _allocation(guide, episode)
    _spend(guide, episode, allocation, "42.00", what='=HYPERLINK("http://evil")')
    response = guide.get(_url("budget_export", episode))
    assert response["Content-Type"].startswith("text/csv")
    assert "Robin" not in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("allocation_source,allocation_from")
    assert "'=HYPERLINK" in lines[1]
    assert "42.00" in lines[1]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, person_id=episode.person_id).exists()


def test_moves_are_recorded_and_a_future_date_refused(guide: Client, episode: Episode) -> None:
    url = _url("accommodation", episode)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert "today or earlier" in guide.post(url, {"kind": "own_tenancy"} | _date("moved_on", tomorrow)).content.decode()
    guide.post(url, {"kind": "residential", "note": "Rehab unit"} | _date("moved_on", datetime.date(2025, 1, 10)))
    guide.post(url, {"kind": "own_tenancy"} | _date("moved_on", datetime.date(2026, 5, 1)))
    html = guide.get(url).content.decode()
    assert "Residential care or rehabilitation, from 10 January 2025: Rehab unit" in html
    assert "Own tenancy, from 1 May 2026" in html


def _moves(person_moves: list[tuple[str, datetime.date]], recorder: User) -> None:
    person = PersonFactory()
    for kind, moved_on in person_moves:
        AccommodationMove.objects.create(person=person, kind=kind, moved_on=moved_on, recorded_by=recorder)


@pytest.mark.django_db
def test_the_pathway_figures_have_known_answers(user_with_role: Callable[[Role], User]) -> None:
    manager = user_with_role(Role.HUB_MANAGER)
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    before = datetime.date(2025, 6, 1)
    _moves([("residential", before), ("own_tenancy", datetime.date(2026, 3, 1))], manager)  # home from rehab
    _moves([("hospital", before), ("residential", datetime.date(2026, 2, 1))], manager)  # discharge; new entry
    _moves([("homeless", datetime.date(2026, 4, 1)), ("supported", datetime.date(2026, 5, 1))], manager)
    _moves([("supported", before), ("own_tenancy", datetime.date(2026, 7, 1))], manager)  # home, not from rehab
    _moves([("residential", datetime.date(2027, 1, 5))], manager)  # after the period: not counted
    _moves([("residential", datetime.date(2026, 6, 1))], manager)  # first known place: a new entry
    allocation = BudgetAllocation.objects.create(
        person=PersonFactory(), source="health", starts_on=start, ends_on=end, amount=Decimal(1000), created_by=manager
    )
    for amount, spent_on in [(Decimal(300), datetime.date(2026, 2, 1)), (Decimal(100), datetime.date(2025, 12, 1))]:
        BudgetSpend.objects.create(
            allocation=allocation,
            spent_on=spent_on,
            what="x",
            amount=amount,
            recorded_by=manager,
            submission_token=uuid.uuid4(),
        )
    figures = access_pathway_figures_for(manager, start, end)
    assert (figures.into_own_home, figures.into_own_home_from_residential) == (2, 1)
    assert figures.new_residential_entries == 2
    assert figures.discharges == 2  # from rehab to a home, and from hospital to residential care
    assert (figures.people_with_spending, figures.spending, figures.cost_per_person) == (1, 300, Decimal("300.00"))


@pytest.mark.django_db
def test_analysts_see_the_pathway_with_small_numbers_suppressed(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.ANALYST)
    analyst = User.objects.get(username="test-analyst")
    _moves([("residential", datetime.date(2025, 1, 1)), ("own_tenancy", timezone.localdate())], analyst)
    html = client.get(reverse("support:pathway")).content.decode()
    assert "fewer than 5" in html
    period = _date("starts_on", datetime.date(2026, 1, 1)) | _date("ends_on", datetime.date(2025, 1, 1))
    assert "The end must be on or after the start" in client.get(reverse("support:pathway"), period).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_who_reads_the_pathway_figures(user_with_role: Callable[[Role], User], role: Role) -> None:
    user = user_with_role(role)
    day = datetime.date(2026, 1, 1)
    if role in {Role.HUB_MANAGER, Role.ADMINISTRATOR, Role.ANALYST}:
        assert access_pathway_figures_for(user, day, day).discharges == 0
    else:
        with pytest.raises(PermissionDenied):
            access_pathway_figures_for(user, day, day)
    with pytest.raises(PermissionDenied):
        access_pathway_figures_for(AnonymousUser(), day, day)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_a_figure_worked_out_from_a_suppressed_count_is_suppressed_too(
    signed_in_client: Callable[[Role], Client],
) -> None:
    client = signed_in_client(Role.ANALYST)
    analyst = User.objects.get(username="test-analyst")
    today = timezone.localdate()
    allocation = BudgetAllocation.objects.create(
        person=PersonFactory(),
        source="health",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=30),
        amount=Decimal(1000),
        created_by=analyst,
    )
    BudgetSpend.objects.create(
        allocation=allocation,
        spent_on=today,
        what="x",
        amount=Decimal("437.19"),
        recorded_by=analyst,
        submission_token=uuid.uuid4(),
    )
    html = client.get(reverse("support:pathway")).content.decode()
    assert "437.19" not in html
    assert "not shown: fewer than 5 people" in html


@pytest.mark.django_db
def test_the_person_sees_their_own_budget_and_how_their_introductions_are_going(
    signed_in_client: Callable[[Role], Client],
) -> None:
    from livingwell.directory.tests.factories import ServiceFactory
    from livingwell.support.onward import onward_send

    client = signed_in_client(Role.PERSON)
    person = PersonFactory(user=User.objects.get(username="test-person"))
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    today = timezone.localdate()
    allocation = BudgetAllocation.objects.create(
        person=person,
        source="health",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=300),
        amount=Decimal(500),
        created_by=guide,
    )
    BudgetSpend.objects.create(
        allocation=allocation,
        spent_on=today,
        what="Gym",
        amount=Decimal("620.00"),
        recorded_by=guide,
        submission_token=uuid.uuid4(),
    )
    garden = ServiceFactory(name="Community garden")
    onward_send(actor=guide, person=person, service=garden, shared=["contact"], message="")
    before = AuditEvent.objects.filter(actor__username="test-person", action="read").count()
    html = client.get(reverse("support:my_support")).content.decode()
    assert "Community garden" in html
    assert re.search(r"Sent\s+\(since", html)  # how it is going, and since when
    assert "£500.00" in html
    assert "£120.00 overspent" in html
    assert "£-" not in html
    assert AuditEvent.objects.filter(actor__username="test-person", action="read").count() == before + 2
    someone_else = PersonFactory()
    onward_send(actor=guide, person=someone_else, service=ServiceFactory(name="Choir"), shared=[], message="")
    assert "Choir" not in client.get(reverse("support:my_support")).content.decode()
