"""Reading support records in as few queries, and as little work a row, as the page needs.

Reached only through ``support.access``. The caseload and the timeline can run to hundreds of rows, so
their words and dates are worked out here once (each date formatted once however many rows share it),
and the templates only place them.
"""

import datetime
import functools
import uuid
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.models import Action, ContactLogEntry, Episode, EpisodeChange

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


def caseload_rows(episodes: QuerySet[Episode]) -> list[CaseloadRow]:
    """Each episode with its earliest step still to do and its last contact, in one query."""
    to_do = Action.objects.filter(episode=OuterRef("pk"), done_at__isnull=True).order_by("due_on", "id")
    latest = ContactLogEntry.objects.filter(episode=OuterRef("pk")).order_by("-happened_at")
    annotated = (
        episodes.select_related("person", "guide__guide_profile")
        .annotate(
            next_action=Subquery(to_do.values("what")[:1]),
            next_action_due=Subquery(to_do.values("due_on")[:1]),
            last_contact=Subquery(latest.values("happened_at")[:1]),
        )
        .order_by("person__preferred_name", "id")
    )
    today = timezone.localdate()
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
