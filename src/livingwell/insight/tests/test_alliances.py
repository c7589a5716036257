"""Alliance reporting with known answers: each partner's budget and spend within the period, the people it
supported, the cost per person a year beside the baseline, and its people's wellbeing, suppressed; set up
by analysts, with bad input refused and nothing saved twice."""

import csv
import datetime
import io
import uuid
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from livingwell.audit.models import AuditEvent
from livingwell.directory.models import Service
from livingwell.directory.tests.factories import OrganizationFactory, ServiceFactory
from livingwell.insight.alliances import alliance_figures
from livingwell.insight.models import Alliance, AlliancePartner, PartnerFinance, PersonWellbeing, WellbeingScore
from livingwell.insight.tests.conftest import LONDON, wellbeing_measured
from livingwell.insight.wellbeing import wellbeing_scores_fill
from livingwell.people.models import Person
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Instrument, Measurement, OnwardIntroduction, OnwardStatusChange

Status = OnwardIntroduction.Status
PERIOD = {"start": "2025-01", "end": "2025-03"}


def _at(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, tzinfo=LONDON)


def _supported(person: Person, service: Service, started: datetime.datetime, finished: datetime.datetime | None = None):
    guide = UserFactory(role=Role.PERSONAL_GUIDE)
    steps = [(Status.SENT, started - datetime.timedelta(days=5)), (Status.STARTED, started)]
    if finished:
        steps.append((Status.FINISHED, finished))
    onward = OnwardIntroduction.objects.create(
        person=person, service=service, status=steps[-1][0], sent_at=steps[0][1], sent_by=guide,
        respond_by=steps[0][1].date(), status_changed_at=steps[-1][1],
    )  # fmt: skip
    for status, when in steps:
        OnwardStatusChange.objects.create(onward=onward, status=status, changed_at=when, changed_by=guide)


@pytest.fixture
def alliance(db: None) -> Alliance:
    Instrument.objects.filter(code="swemwbs").update(meaningful_change={"metric": 3})
    homes, steps = (ServiceFactory(organization=OrganizationFactory(name=name)) for name in ("Homes First", "Steps"))
    made = Alliance.objects.create(
        name="Supported living", outcomes="Homes of their own.", baseline_cost_per_person=12000
    )
    first, second = (AlliancePartner.objects.create(alliance=made, organisation=s.organization) for s in (homes, steps))
    people = [PersonFactory() for _ in range(8)]
    for person in people[:6]:
        _supported(person, homes.organization.services.get(), _at(2025, 1, 10))
    for person in people[:5]:  # 2 then 4: 15.32 to 25.03, better by 9.71
        wellbeing_measured(person, _at(2024, 12, 1), 2)
        wellbeing_measured(person, _at(2025, 2, 1), 4)
    wellbeing_measured(people[5], _at(2025, 2, 1), 3)  # once: not counted
    _supported(people[6], homes.organization.services.get(), _at(2024, 10, 1), _at(2024, 12, 20))  # ended before
    _supported(people[0], steps.organization.services.get(), _at(2025, 2, 3))  # with both partners
    _supported(people[7], steps.organization.services.get(), _at(2025, 2, 3))
    analyst = UserFactory(role=Role.ANALYST)
    for partner, first_month, last_month, budget, spent in [
        (first, (2025, 1), (2025, 3), 30000, 24000),
        (first, (2025, 4), (2025, 6), 99999, 99999),  # after the period
        (second, (2025, 1), (2025, 3), 10000, 9000),
        (second, (2024, 12), (2025, 2), 55555, 55555),  # runs over the period's start
    ]:
        PartnerFinance.objects.create(
            partner=partner, first_month=datetime.date(*first_month, 1), last_month=datetime.date(*last_month, 1),
            budget=budget, spent=spent, recorded_by=analyst, submission_id=uuid.uuid4(),
        )  # fmt: skip
    return made


def _csv(client: Client, alliance: Alliance, slug: str) -> list[list[str]]:
    response = client.get(f"/figures/alliances/{alliance.pk}/{slug}.csv", PERIOD)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_budget_spend_and_cost_per_person_are_the_known_answers(
    alliance: Alliance, signed_in_client: Callable[[Role], Client]
) -> None:
    rows = _csv(signed_in_client(Role.ANALYST), alliance, "alliance-spend")
    assert rows[1:] == [
        # £24,000 for 6 people over 3 months: £16,000 a person a year, a third more than £12,000 before.
        ["Homes First", "£30,000.00", "£24,000.00", "6", "£16,000.00", "33% more"],
        ["Steps", "£10,000.00", "£9,000.00", "fewer than 5", "not shown", "–"],
        # 7 people (one with both): hidden, as Steps' count would be the total less Homes First's.
        ["All partners", "£40,000.00", "£33,000.00", "not shown", "not shown", "–"],
    ]


@pytest.mark.django_db
def test_the_wellbeing_of_each_partner_s_people_is_suppressed(
    alliance: Alliance, signed_in_client: Callable[[Role], Client]
) -> None:
    rows = _csv(signed_in_client(Role.HUB_MANAGER), alliance, "alliance-outcomes")
    assert rows[1:] == [["Homes First", "5", "9.7", "5"], ["Steps", "fewer than 5", "–", "fewer than 5"]]


@pytest.mark.django_db
def test_wellbeing_measured_again_after_the_period_is_read_as_it_was_at_its_end(alliance: Alliance) -> None:
    """Two of Homes First's people measured again in May: the first quarter's figures are as before, read from
    their scores before its end rather than from their latest now (decision 0037)."""
    for person in Person.objects.filter(measurements__isnull=False).distinct()[:2]:
        wellbeing_measured(person, _at(2025, 5, 1), 1)
    homes = alliance_figures(alliance, datetime.date(2025, 1, 1), datetime.date(2025, 3, 1)).partners[0]
    assert (homes.measured, homes.mean_change, homes.better) == (5, 9.7, 5)
    later = alliance_figures(alliance, datetime.date(2025, 1, 1), datetime.date(2025, 5, 1)).partners[0]
    assert (later.measured, later.better) == (5, 3)  # two of them now lower than at first


@pytest.mark.django_db
def test_the_page_is_audited_and_read_only_for_those_who_do_not_set_it_up(
    alliance: Alliance, signed_in_client: Callable[[Role], Client]
) -> None:
    client = signed_in_client(Role.HUB_MANAGER)
    page = client.get(f"/figures/alliances/{alliance.pk}/", PERIOD).content.decode()
    assert "Budget, spend and cost per person" in page
    assert "Before the alliance: £12,000.00 per person a year." in page
    assert "Record a partner’s budget and spend" not in page
    assert AuditEvent.objects.filter(action="aggregate", record_type=f"insight.alliance.{alliance.pk}").exists()
    assert client.post(f"/figures/alliances/{alliance.pk}/partners/", {}).status_code == 403
    assert client.get("/figures/alliances/99999/").status_code == 404


@pytest.mark.django_db
def test_an_analyst_sets_up_an_alliance_and_records_spend_once(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.ANALYST)
    name = "<b>Recovery</b> alliance '; DROP TABLE x; --"
    response = client.post("/figures/alliances/new/", {"name": name, "outcomes": "Work 💼 and homes."})
    made = Alliance.objects.get()
    assert response["Location"] == f"/figures/alliances/{made.pk}/"
    assert client.post("/figures/alliances/new/", {"name": name.upper(), "outcomes": "x"}).status_code == 400
    assert Alliance.objects.count() == 1
    organisation = OrganizationFactory(name="Canal Side Kitchen")
    for _twice in range(2):
        client.post(f"/figures/alliances/{made.pk}/partners/", {"organisation": organisation.pk})
    partner = AlliancePartner.objects.get()
    page = client.get(f"/figures/alliances/{made.pk}/").content.decode()
    assert "&lt;b&gt;Recovery&lt;/b&gt;" in page
    sent = {"partner": partner.pk, "first_month": "2025-01", "last_month": "2025-03", "budget": "1200.50",
            "spent": "999", "submission_id": str(uuid.uuid4())}  # fmt: skip
    for _twice in range(2):
        assert client.post(f"/figures/alliances/{made.pk}/finances/", sent).status_code == 302
    assert PartnerFinance.objects.count() == 1
    # The page's tables are kept a few minutes, but another budget is counted at once.
    period = {"start": "2025-01", "end": "2025-03"}
    assert "£1,200.50" in client.get(f"/figures/alliances/{made.pk}/", period).content.decode()
    client.post(f"/figures/alliances/{made.pk}/finances/", {**sent, "submission_id": str(uuid.uuid4())})
    assert "£2,401.00" in client.get(f"/figures/alliances/{made.pk}/", period).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"budget": "-5"}, "Ensure this value is greater than or equal to 0"),
        ({"budget": "lots"}, "Enter the budget in pounds, such as 12500.00"),
        ({"spent": ""}, "Enter what was spent, in pounds"),
        ({"last_month": "2024-12"}, "The last month must not be before the first"),
        ({"first_month": "2025-13"}, "Choose a month"),
        ({"partner": "1 OR 1=1"}, "Choose a partner of this alliance"),
        ({"budget": "9" * 20}, "Ensure that there are no more than 12 digits in total"),
    ],
)
def test_bad_budgets_are_refused_with_a_message_and_nothing_saved(
    alliance: Alliance, signed_in_client: Callable[[Role], Client], change: dict[str, str], message: str
) -> None:
    partner = alliance.partners.first()
    assert partner is not None
    before = PartnerFinance.objects.count()
    sent = {"partner": partner.pk, "first_month": "2025-01", "last_month": "2025-03", "budget": "100",
            "spent": "50", "submission_id": str(uuid.uuid4()), **change}  # fmt: skip
    response = signed_in_client(Role.ANALYST).post(f"/figures/alliances/{alliance.pk}/finances/", sent)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert PartnerFinance.objects.count() == before


@pytest.mark.django_db
def test_a_partner_of_another_alliance_is_not_this_one_s(
    alliance: Alliance, signed_in_client: Callable[[Role], Client]
) -> None:
    other = Alliance.objects.create(name="Other", outcomes="-")
    partner = alliance.partners.first()
    assert partner is not None
    sent = {"partner": partner.pk, "first_month": "2025-01", "last_month": "2025-03", "budget": "1",
            "spent": "1", "submission_id": str(uuid.uuid4())}  # fmt: skip
    response = signed_in_client(Role.ANALYST).post(f"/figures/alliances/{other.pk}/finances/", sent)
    assert response.status_code == 400
    assert "Choose a partner of this alliance" in response.content.decode()


@pytest.mark.django_db
def test_each_alliance_is_on_how_we_are_doing_and_in_its_open_data(alliance: Alliance, client: Client) -> None:
    """The Collaborative is the alliances' critical friend: each alliance's quarter is public, and so goes
    into the quarterly report (decision 0036), suppressed as on its own page."""
    call_command("insight_refresh", stdout=io.StringIO())
    page = client.get("/how-we-are-doing/", {"quarter": "2025-q1"}).content.decode()
    assert "Supported living: Budget, spend and cost per person" in page
    assert "Supported living: Wellbeing of the people each partner supported" in page
    data = client.get("/how-we-are-doing/2025-q1.json").json()
    spend = next(table for table in data["tables"] if table["slug"] == f"alliance-{alliance.pk}-spend")
    homes = spend["rows"][0]
    assert homes["label"] == "Homes First"
    assert [value["number"] for value in homes["values"]] == [30000, 24000, 6, 16000, None]
    assert spend["totals"][0]["values"][2] == {"text": "not shown", "number": None}
    rows = list(csv.reader(io.StringIO(client.get("/how-we-are-doing/2025-q1.csv").content.decode())))
    assert ["2025-q1", f"alliance-{alliance.pk}-outcomes", "Steps", "Mean change", "–", ""] in rows


@pytest.mark.django_db
def test_the_quarterly_report_shows_each_alliance(
    alliance: Alliance, signed_in_client: Callable[[Role], Client]
) -> None:
    call_command("insight_refresh", stdout=io.StringIO())
    client = signed_in_client(Role.ANALYST)
    assert client.post("/figures/reports/start/", {"quarter": "2025-q1"}).status_code == 302
    page = client.get("/figures/reports/2025-q1/").content.decode()
    assert "Supported living: Budget, spend and cost per person" in page


@pytest.mark.django_db
def test_each_wellbeing_score_is_kept_on_its_own_row_with_its_measurement() -> None:
    """The alliance's figures read wellbeing from narrow rows (decision 0037): kept as a measurement is saved
    or deleted, filled for measurements made in bulk, and made afresh by insight_refresh."""
    person = PersonFactory()
    wellbeing_measured(person, _at(2025, 1, 5), 2)
    measurement = Measurement.objects.get(person=person)
    assert list(WellbeingScore.objects.values_list("person_id", "score")) == [(person.pk, 15.32)]
    measurement.scores = {"metric": 19.25, "raw": 21}
    measurement.save()
    assert WellbeingScore.objects.get().score == 19.25
    wellbeing_measured(person, _at(2025, 3, 5), 4)
    span = PersonWellbeing.objects.get(person=person)
    assert (span.first_score, span.latest_score, span.measured) == (19.25, 25.03, 2)
    Measurement.objects.filter(taken_at=_at(2025, 3, 5)).delete()
    assert PersonWellbeing.objects.get(person=person).measured == 1
    ons4 = Instrument.objects.get(code="ons4")
    Measurement.objects.create(
        person=person, instrument=ons4, occasion="review", taken_at=_at(2025, 1, 5), answers={},
        scores={"happy": 7}, submission_token=uuid.uuid4(),
    )  # fmt: skip
    assert WellbeingScore.objects.count() == 1  # another measure: not wellbeing
    WellbeingScore.objects.all().delete()  # as if made in bulk, past the signal
    assert wellbeing_scores_fill() == 1
    assert wellbeing_scores_fill() == 0  # nothing missing
    WellbeingScore.objects.update(score=1)  # damaged: made afresh
    call_command("insight_refresh", stdout=io.StringIO())
    assert WellbeingScore.objects.get().score == 19.25
    measurement.delete()
    assert not WellbeingScore.objects.exists()
