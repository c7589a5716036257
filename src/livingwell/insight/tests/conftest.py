"""The small borough whose every figure is known in advance: history brought in, the front door's own
introductions, a baseline. Its answers are written out in test_known_answers.py."""

import datetime
import io
import json
import uuid
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command

from livingwell.accounts.models import Role, User
from livingwell.conftest import worker_run
from livingwell.core.models import Neighbourhood
from livingwell.frontdoor.models import ContactAttempt
from livingwell.frontdoor.tests.factories import introduction_arrived
from livingwell.insight.services import counted_introductions_refresh
from livingwell.people.models import Person
from livingwell.support.measures import score
from livingwell.support.models import Instrument, Measurement

LONDON = zoneinfo.ZoneInfo("Europe/London")
HISTORY = """reference,arrived_on,first_contact_on,first_conversation_on,route,routed_on,neighbourhood,age_band,gender,ethnic_group
H1,2025-01-02,2025-01-03,2025-01-10,information,2025-01-10,Ashby Vale,25-34,Woman,White British
H2,2025-01-05,2025-01-07,2025-01-12,secondary_care,2025-01-12,brook-green,35-44,Man,
H3,2025-01-10,2025-01-14,,closed,2025-01-20,,,,
H4,2025-01-20,2025-01-27,2025-02-03,hub_support,2025-02-03,Ashby Vale,,,
H5,2025-01-30,,,,,,,,
"""
BASELINE = """month,secondary_care_referrals,introductions,median_days_to_first_contact,residential_entries,discharges
2019-01,100,120,30.5,6,4
2019-02,96,,28,,
"""


def worker_queue() -> None:
    worker_run()


def figures_json(start: str, end: str) -> dict:
    out = io.StringIO()
    call_command("insight_figures", "--from", start, "--to", end, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def borough(tmp_path: Path, user_with_role: Callable[[Role], User]) -> None:
    Neighbourhood.objects.create(name="Ashby Vale", slug="ashby-vale")
    Neighbourhood.objects.create(name="Brook Green", slug="brook-green")
    (tmp_path / "history.csv").write_text(HISTORY)
    (tmp_path / "baseline.csv").write_text(BASELINE)
    call_command("introductions_import_history", tmp_path / "history.csv", stdout=io.StringIO())
    call_command("insight_baseline_load", tmp_path / "baseline.csv", stdout=io.StringIO())
    worker = user_with_role(Role.DUTY_WORKER)
    contacted = introduction_arrived(datetime.datetime(2025, 3, 5, 9, tzinfo=LONDON))
    ContactAttempt.objects.create(
        introduction=contacted,
        outcome="no_answer",
        attempted_at=datetime.datetime(2025, 3, 6, 8, tzinfo=LONDON),
        recorded_by=worker,
    )
    # 23:30 on 31 March in London is 22:30 UTC (summer time began on the 30th): it arrived in March.
    introduction_arrived(datetime.datetime(2025, 3, 31, 22, 30, tzinfo=datetime.UTC), for_whom="someone_else",
                         introducer_confirms_agreement=True)  # fmt: skip
    # Counted here as the worker would count them: the worker itself needs a test of its own
    # (transaction=True), as it locks rows outside the test's transaction on PostgreSQL.
    counted_introductions_refresh()


def wellbeing_measured(person: Person, when: datetime.datetime, answer: int) -> None:
    """A SWEMWBS measurement with every item answered ``answer`` (2: 15.32, 3: 19.25, 4: 25.03)."""
    instrument = Instrument.objects.get(code="swemwbs")
    items = list(instrument.items.all())
    given = {str(item.number): answer for item in items}
    Measurement.objects.create(
        person=person, instrument=instrument, occasion="review", taken_at=when, answers=given,
        scores=score(instrument, items, given), submission_token=uuid.uuid4(),
    )  # fmt: skip
