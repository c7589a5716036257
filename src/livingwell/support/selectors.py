"""Reading support records in as few queries, and as little work a row, as the page needs.

Reached only through ``support.access``. The caseload and the timeline can run to hundreds of rows, so
their words and dates are worked out here once (each date formatted once however many rows share it),
and the templates only place them.
"""

import dataclasses
import datetime
import functools
import math
import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from livingwell.accounts.models import User
from livingwell.core.outcomes import Big3Outcome
from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.instruments import FOR_THE_PERSON, name_for_the_person, words_for_the_person
from livingwell.support.measures import Change, band, changes
from livingwell.support.models import (
    Action,
    Connection,
    ContactLogEntry,
    Episode,
    EpisodeChange,
    Goal,
    GoalReview,
    Instrument,
    Measurement,
    OnwardIntroduction,
    Plan,
    PlanComment,
)

_PLACEHOLDER = uuid.UUID(int=0)


@functools.lru_cache(maxsize=1024)
def _day(date: datetime.date, format_string: str) -> str:
    return str(dateformat.format(date, format_string))


def _when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{_day(local.date(), 'j F Y')}, {local:%H:%M}"


def _ago(moment: datetime.datetime | None, today: datetime.date) -> str:
    if moment is None:
        return _("None yet")
    days = (today - timezone.localtime(moment).date()).days
    if days <= 0:
        return _("Today")
    return ngettext("%(days)d day ago", "%(days)d days ago", days) % {"days": days}


def _episode_url(episode_id: uuid.UUID) -> str:
    return _episode_url_pattern().replace(str(_PLACEHOLDER), str(episode_id))


@functools.cache
def _episode_url_pattern() -> str:
    return reverse("support:episode", kwargs={"episode_id": _PLACEHOLDER})


@dataclass(frozen=True)
class CaseloadRow:
    episode: Episode
    url: str
    next_step: str
    action_overdue: bool
    review: str
    review_overdue: bool
    last_contact: str
    guide_name: str
    onward_overdue: bool


def caseload_rows(episodes: QuerySet[Episode]) -> list[CaseloadRow]:
    """Each episode with its earliest step still to do and its last contact, in one query."""
    to_do = Action.objects.filter(episode=OuterRef("pk"), done_at__isnull=True).order_by("due_on", "id")
    latest = ContactLogEntry.objects.filter(episode=OuterRef("pk")).order_by("-happened_at")
    today = timezone.localdate()
    late = OnwardIntroduction.objects.filter(
        episode=OuterRef("pk"), status=OnwardIntroduction.Status.SENT, respond_by__lt=today
    )
    annotated = (
        episodes.select_related("person", "guide__guide_profile")
        .annotate(
            onward_overdue=Exists(late),
            next_action=Subquery(to_do.values("what")[:1]),
            next_action_due=Subquery(to_do.values("due_on")[:1]),
            last_contact=Subquery(latest.values("happened_at")[:1]),
        )
        .order_by("person__preferred_name", "id")
    )
    rows = []
    for episode in annotated:
        what, due = episode.next_action, episode.next_action_due  # type: ignore[attr-defined]
        review = episode.next_review_on
        profile = getattr(episode.guide, "guide_profile", None)
        rows.append(
            CaseloadRow(
                episode=episode,
                url=_episode_url(episode.pk),
                next_step=f"{what}, {_day(due, 'j M')}" if what else _("None agreed"),
                action_overdue=due is not None and due < today,
                review=_day(review, "j M Y") if review else _("Not set"),
                review_overdue=review is not None and review < today,
                last_contact=_ago(episode.last_contact, today),  # type: ignore[attr-defined]
                guide_name=profile.name if profile is not None else str(episode.guide),
                onward_overdue=episode.onward_overdue,  # type: ignore[attr-defined]
            )
        )
    return rows


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime.datetime
    when: str
    title: str
    # The detail's lines, so that the page keeps its line breaks without a filter on every entry.
    lines: list[str]
    by: str


Timeline = list[TimelineEntry]


def colleagues_of(user: User) -> QuerySet[User]:
    """Everyone who acts for one of ``user``'s organisations (for a Hub worker, the Hub's team)."""
    return User.objects.filter(organisations__in=user.organisations.all()).distinct()


def _by(profile_name: str | None, username: str | None) -> str:
    if username is None:
        return _("the person")
    return profile_name or username


def person_timeline(person: Person) -> Timeline:
    """Everything in the person's support, newest first: introductions, episode changes, contacts, steps.

    Four queries, whatever the length; rows come as plain values, not model instances.
    """
    routes = dict(Introduction.Route.choices)
    kinds = dict(EpisodeChange.Kind.choices)
    contact_kinds = dict(ContactLogEntry.Kind.choices)
    entries: list[tuple[datetime.datetime, str, str, str]] = [
        (
            at,
            _("Introduction %(reference)s") % {"reference": reference},
            str(routes.get(route, _("Waiting for the Hub"))),
            "",
        )
        for at, reference, route in Introduction.objects.filter(person=person).values_list(
            "created_at", "reference", "route"
        )
    ]
    entries += [
        (at, str(kinds.get(kind, kind)), reason, _by(name, username))
        for at, kind, reason, name, username in EpisodeChange.objects.filter(episode__person=person).values_list(
            "changed_at", "kind", "reason", "changed_by__guide_profile__name", "changed_by__username"
        )
    ]
    entries += [
        (at, str(contact_kinds.get(kind, kind)), note, _by(name, username))
        for at, kind, note, name, username in ContactLogEntry.objects.filter(episode__person=person).values_list(
            "happened_at", "kind", "note", "recorded_by__guide_profile__name", "recorded_by__username"
        )
    ]
    agreed, done = _("Next step agreed"), _("Step done")
    for created, what, who, due, done_at, name, username in Action.objects.filter(episode__person=person).values_list(
        "created_at", "what", "who", "due_on", "done_at", "created_by__guide_profile__name", "created_by__username"
    ):
        entries.append((created, agreed, f"{what} ({who}, {_day(due, 'j M Y')})", _by(name, username)))
        if done_at is not None:
            entries.append((done_at, done, what, ""))
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return [TimelineEntry(at, _when(at), title, detail.splitlines(), by) for at, title, detail, by in entries]


# The plan ---------------------------------------------------------------------------------------------

RING_RADIUS = {"close": 70, "middle": 120, "wider": 170}
PICTURE_CENTRE = 200


@dataclass(frozen=True)
class Dot:
    """One connection in the picture: where it sits on its ring."""

    x: int
    y: int
    label_y: int
    name: str


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    steps: list[Action]
    last_review: GoalReview | None


ABOUT_ME = ["strengths", "interests", "skills", "what_matters", "keeps_me_well", "early_signs", "crisis_plan"]


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    about_me: list[tuple[str, str]]
    connections: list[Connection]
    dots: list[Dot]
    goals_by_outcome: list[tuple[str, list[GoalView]]]
    comments: list[PlanComment]


def connections_picture(connections: list[Connection]) -> list[Dot]:
    """Place each connection on its ring (very close, close, further away), spread evenly round it."""
    dots = []
    for closeness, radius in RING_RADIUS.items():
        on_ring = [connection for connection in connections if connection.closeness == closeness]
        for number, connection in enumerate(on_ring):
            angle = 2 * math.pi * number / len(on_ring) - math.pi / 2 + (0.4 if closeness == "middle" else 0)
            x = round(PICTURE_CENTRE + radius * math.cos(angle))
            y = round(PICTURE_CENTRE + radius * math.sin(angle))
            dots.append(Dot(x, y, y + 22, connection.name))
    return dots


def plan_view(plan: Plan) -> PlanView:
    """The whole plan, in four queries: connections, goals with their steps and last review, comments."""
    connections = list(plan.connections.all())
    goals = list(
        plan.goals.prefetch_related(
            Prefetch("steps", Action.objects.order_by("done_at", "due_on", "id")),
            Prefetch("reviews", GoalReview.objects.order_by("-reviewed_at", "-id")),
        )
    )
    by_outcome = []
    for outcome, label in Big3Outcome.choices:
        views = [
            GoalView(goal, list(goal.steps.all()), next(iter(goal.reviews.all()), None))
            for goal in goals
            if goal.outcome == outcome
        ]
        by_outcome.append((str(label), views))
    comments = list(plan.comments.select_related("author__guide_profile"))
    about_me = []
    for name in ABOUT_ME:
        words = str(getattr(Plan._meta.get_field(name), "verbose_name", name))
        about_me.append((words[:1].upper() + words[1:], getattr(plan, name)))
    return PlanView(plan, about_me, connections, connections_picture(connections), by_outcome, comments)


# Outcome measures -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InstrumentResults:
    instrument: Instrument
    measurements: list[Measurement]
    changes: list[Change]
    labels: list[str]
    # Each measurement with its reported scores, in the order of ``labels``, band and all.
    rows: list[tuple[Measurement, list[str]]]
    name: str = ""
    about: str = ""


def _shown(instrument: Instrument, key: str, value: float | None) -> str:
    if value is None:
        return ""
    number = f"{value:g}"
    words = band(instrument, key, value)
    return f"{number} ({words})" if words else number


def measure_results(person: Person, *, for_the_person: bool = False) -> list[InstrumentResults]:
    """Each instrument with the person's measurements, oldest first, and the change from the first to the
    latest. Two queries, however many. ``for_the_person``: in plain words, without the scores only their
    guide needs (``instruments.FOR_THE_PERSON``)."""
    instruments = list(Instrument.objects.order_by("name"))
    taken: dict[int, list[Measurement]] = {}
    for measurement in Measurement.objects.filter(person=person).order_by("taken_at", "id"):
        taken.setdefault(measurement.instrument_id, []).append(measurement)
    results = []
    for instrument in instruments:
        measurements = taken.get(instrument.pk, [])
        found = changes(instrument, measurements[0], measurements[-1]) if len(measurements) > 1 else []
        keys = list(instrument.scores)
        labels = [str(instrument.scores[key].get("label", key)) for key in keys]
        plain = FOR_THE_PERSON.get(instrument.code, {}) if for_the_person else {}
        if plain:
            keys = [key for key in keys if key in plain]
            labels = [words_for_the_person(instrument.code, key) for key in keys]
            found = [
                dataclasses.replace(change, label=words_for_the_person(instrument.code, change.key))
                for change in found
                if change.key in plain
            ]
        rows = [
            (measurement, [_shown(instrument, key, measurement.scores.get(key)) for key in keys])
            for measurement in measurements
        ]
        results.append(
            InstrumentResults(
                instrument,
                measurements,
                found,
                labels,
                rows,
                name_for_the_person(instrument.code, instrument.name) if for_the_person else instrument.name,
                words_for_the_person(instrument.code, "about") if plain else "",
            )
        )
    return results


def has_own_plan(user: User) -> bool:
    """The signed-in user is someone we support with a plan of their own (to add connections to)."""
    return Plan.objects.filter(person__user_id=user.pk).exists()


def current_guide(person: Person) -> User | None:
    """The personal guide of the person's open (or on hold) episode, if they have one."""
    episode = (
        Episode.objects.filter(person=person)
        .exclude(status=Episode.Status.CLOSED)
        .select_related("guide")
        .order_by("-opened_at")
        .first()
    )
    return episode.guide if episode is not None else None


def arrivals_of(episode: Episode) -> list[Introduction]:
    """The introductions that opened or joined this episode, newest first, each with its first conversation
    (``first_conversation``, read in the same query): what the person wrote, and what the duty worker heard."""
    linked = EpisodeChange.objects.filter(episode=episode, introduction__isnull=False).values("introduction")
    introductions = Introduction.objects.filter(pk__in=linked).select_related("first_conversation__held_by")
    return list(introductions.order_by("-created_at"))
