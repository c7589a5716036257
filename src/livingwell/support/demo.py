"""Demo support: guides' profiles, a caseload for Gabriel (sign in as "guide"), and Kit's closed episode.

Safe to run again: everything is found by its user or person and updated, never added twice.
"""

import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.core.outcomes import Big3Outcome
from livingwell.directory.models import Service
from livingwell.people.models import Person
from livingwell.support.instruments import instruments_load
from livingwell.support.measures import score
from livingwell.support.models import (
    AccommodationMove,
    Action,
    BudgetAllocation,
    BudgetSpend,
    Connection,
    ContactLogEntry,
    Episode,
    EpisodeChange,
    Goal,
    GuideProfile,
    Instrument,
    InstrumentItem,
    Measurement,
    OnwardIntroduction,
    OnwardStatusChange,
    Plan,
    PlannedSupport,
)

GUIDES = [
    ("guide", "Gabriel", "I spent ten years as a youth worker. I like football, cooking and a good walk.", "English"),
    (
        "peer",
        "Priya",
        "I have used mental health services myself. I listen first, and I know the area well.",
        "English, Gujarati",
    ),
    ("duty", "Dana", "I used to be a housing officer, so I know my way round forms and landlords.", "English, Polish"),
]
# name, status, days open, review in days (negative: overdue), next step, due in days, last contact days ago
CASELOAD = [
    ("Jo", Episode.Status.OPEN, 40, 10, "Go to the Canal Side kitchen on Tuesday", 3, 2),
    ("Olu", Episode.Status.ON_HOLD, 90, 20, "", 0, 30),
    ("Marta", Episode.Status.OPEN, 60, -4, "Call the housing officer together", -1, 9),
]


def support_demo_load() -> int:
    """Load the demo and return how many episodes Gabriel has."""
    for username, name, about, languages in GUIDES:
        user = User.objects.get(username=username)
        GuideProfile.objects.update_or_create(
            user=user, defaults={"name": name, "about": about, "languages": languages}
        )
    gabriel = User.objects.get(username="guide")
    now = timezone.now()
    today = timezone.localdate()
    for name, status, days_open, review_in, step, due_in, contacted_ago in CASELOAD:
        person = Person.objects.get(preferred_name=name)
        if Episode.objects.filter(person=person).exists():
            continue
        episode = Episode.objects.create(
            person=person,
            guide=gabriel,
            status=status,
            opened_at=now - datetime.timedelta(days=days_open),
            next_review_on=today + datetime.timedelta(days=review_in),
        )
        EpisodeChange.objects.create(
            episode=episode,
            kind=EpisodeChange.Kind.OPENED,
            reason="Hub support",
            changed_at=episode.opened_at,
            changed_by=gabriel,
            guide=gabriel,
        )
        ContactLogEntry.objects.create(
            episode=episode,
            kind=ContactLogEntry.Kind.CALL,
            happened_at=now - datetime.timedelta(days=contacted_ago),
            note="Caught up on the week",
            recorded_by=gabriel,
        )
        if step:
            Action.objects.create(
                episode=episode,
                what=step,
                who=f"{name} and Gabriel",
                due_on=today + datetime.timedelta(days=due_in),
                created_by=gabriel,
            )
    _kit_known_before(gabriel)
    _jos_plan_and_introduction(gabriel)
    _jos_measures_budget_and_home(gabriel)
    return Episode.objects.filter(guide=gabriel).exclude(status=Episode.Status.CLOSED).count()


def _kit_known_before(gabriel: User) -> None:
    """Kit was supported last year; the demo's new introduction from Kit shows easy in."""
    kit = Person.objects.get(preferred_name="Kit")
    kit.date_of_birth = datetime.date(1990, 6, 14)
    kit.phone = "07700 900005"
    kit.save(update_fields=["date_of_birth", "phone"])
    if Episode.objects.filter(person=kit).exists():
        return
    opened = timezone.now() - datetime.timedelta(days=400)
    closed = timezone.now() - datetime.timedelta(days=120)
    episode = Episode.objects.create(
        person=kit, guide=gabriel, opened_at=opened, status=Episode.Status.CLOSED, closed_at=closed
    )
    for kind, when, reason in (
        (EpisodeChange.Kind.OPENED, opened, "Hub support"),
        (EpisodeChange.Kind.CLOSED, closed, "Back at work and feeling well"),
    ):
        EpisodeChange.objects.create(
            episode=episode, kind=kind, reason=reason, changed_at=when, changed_by=gabriel, guide=gabriel
        )


def _jos_plan_and_introduction(gabriel: User) -> None:
    """Jo's plan, with a goal under each Big 3 outcome, and an introduction to the community kitchen."""
    jo = Person.objects.get(preferred_name="Jo")
    plan, created = Plan.objects.get_or_create(person=jo)
    if created:
        plan.strengths = "Kind, a good listener, great at fixing things"
        plan.keeps_me_well = "Walking the dog every morning; cooking for friends"
        plan.crisis_plan = "Call my brother Sam first. Then the crisis line."
        plan.save()
        Connection.objects.create(plan=plan, name="My brother Sam", kind="family", closeness="close", may_share=True)
        Connection.objects.create(plan=plan, name="Dr Okafor", kind="gp", closeness="middle")
        Connection.objects.create(plan=plan, name="Dog walkers in the park", kind="community", closeness="wider")
        for outcome, what, progress in [
            (Big3Outcome.STAY_WELL, "Sleep through the night most nights", 4),
            (Big3Outcome.OWN_CHOICES, "Decide whether to go back to college", 2),
            (Big3Outcome.TAKING_PART, "Cook at the community kitchen each week", 6),
        ]:
            Goal.objects.create(plan=plan, outcome=outcome, what=what, progress=progress, who_helps="Gabriel")
    kitchen = Service.objects.filter(organization__name="Canal Side Community Kitchen").order_by("name").first()
    episode = Episode.objects.filter(person=jo).first()
    if kitchen is not None and episode is not None and not OnwardIntroduction.objects.filter(person=jo).exists():
        now = timezone.now()
        onward = OnwardIntroduction.objects.create(
            person=jo,
            episode=episode,
            service=kitchen,
            shared=[OnwardIntroduction.Shared.CONTACT, OnwardIntroduction.Shared.GOALS],
            message="Jo would like to cook with others on Tuesdays.",
            sent_at=now,
            sent_by=gabriel,
            respond_by=timezone.localdate() + datetime.timedelta(days=10),
            status_changed_at=now,
        )
        OnwardStatusChange.objects.create(onward=onward, status="sent", changed_at=now, changed_by=gabriel)


def _jos_measures_budget_and_home(gabriel: User) -> None:
    """ONS4 twice, a personal budget with some spending, and where Jo has lived: each page has something."""
    jo = Person.objects.get(preferred_name="Jo")
    if Measurement.objects.filter(person=jo).exists():
        return
    instruments_load(Instrument, InstrumentItem)  # as the migration did: the demo needs them, whatever happened since
    ons4 = Instrument.objects.get(code="ons4")
    items = list(ons4.items.all())
    now, today = timezone.now(), timezone.localdate()
    for days_ago, occasion, values in [(35, "start", [3, 4, 3, 8]), (5, "review", [6, 6, 7, 4])]:
        answers = {str(number): value for number, value in enumerate(values, start=1)}
        Measurement.objects.create(
            person=jo,
            instrument=ons4,
            occasion=occasion,
            taken_at=now - datetime.timedelta(days=days_ago),
            answers=answers,
            scores=score(ons4, items, answers),
            recorded_by=gabriel,
            submission_token=uuid.uuid4(),
        )
    allocation = BudgetAllocation.objects.create(
        person=jo,
        source=BudgetAllocation.Source.SOCIAL_CARE,
        starts_on=today.replace(month=4, day=1)
        if today.month >= 4
        else today.replace(year=today.year - 1, month=4, day=1),
        ends_on=today + datetime.timedelta(days=120),
        amount=Decimal("1200.00"),
        created_by=gabriel,
    )
    cooking = PlannedSupport.objects.create(
        allocation=allocation, what="Cookery course", planned_cost=Decimal("400.00")
    )
    BudgetSpend.objects.create(
        allocation=allocation,
        planned_support=cooking,
        spent_on=today - datetime.timedelta(days=20),
        what="Cookery course, first term",
        amount=Decimal("200.00"),
        recorded_by=gabriel,
        submission_token=uuid.uuid4(),
    )
    for kind, days_ago in [(AccommodationMove.Kind.SUPPORTED, 500), (AccommodationMove.Kind.OWN_TENANCY, 60)]:
        AccommodationMove.objects.create(
            person=jo, kind=kind, moved_on=today - datetime.timedelta(days=days_ago), recorded_by=gabriel
        )


def support_demo() -> list[str]:
    return [f"Loaded the personal guides, and {support_demo_load()} people for Gabriel."]
