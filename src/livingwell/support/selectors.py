"""Reading support records in as few queries as the page needs. Reached only through ``support.access``."""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.frontdoor.models import Introduction
from livingwell.people.models import Person
from livingwell.support.models import Action, ContactLogEntry, Episode, EpisodeChange


@dataclass(frozen=True)
class CaseloadRow:
    episode: Episode
    next_action: str | None
    next_action_due: datetime.date | None
    last_contact: datetime.datetime | None

    @property
    def action_overdue(self) -> bool:
        return self.next_action_due is not None and self.next_action_due < timezone.localdate()

    @property
    def review_overdue(self) -> bool:
        review = self.episode.next_review_on
        return review is not None and review < timezone.localdate()


def caseload_rows(episodes: QuerySet[Episode]) -> list[CaseloadRow]:
    """Each episode with its earliest action still to do and its last contact, in one query."""
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
    return [
        CaseloadRow(
            episode=episode,
            next_action=episode.next_action,  # type: ignore[attr-defined]
            next_action_due=episode.next_action_due,  # type: ignore[attr-defined]
            last_contact=episode.last_contact,  # type: ignore[attr-defined]
        )
        for episode in annotated
    ]


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime.datetime
    kind: str
    title: str
    detail: str
    by: str


Timeline = list[TimelineEntry]


def _name(user: object) -> str:
    if user is None:
        return _("the person")
    profile = getattr(user, "guide_profile", None)
    return profile.name if profile is not None else str(user)


def person_timeline(person: Person) -> Timeline:
    """Everything in the person's support, newest first: introductions, episode changes, contacts, actions.

    Four queries, whatever the length.
    """
    entries = [
        TimelineEntry(
            introduction.created_at,
            "introduction",
            _("Introduction %(reference)s") % {"reference": introduction.reference},
            introduction.get_route_display() if introduction.route else _("Waiting for the Hub"),
            "",
        )
        for introduction in Introduction.objects.filter(person=person).only(
            "created_at", "reference", "route", "person"
        )
    ]
    entries += [
        TimelineEntry(change.changed_at, "episode", change.get_kind_display(), change.reason, _name(change.changed_by))
        for change in EpisodeChange.objects.filter(episode__person=person).select_related("changed_by__guide_profile")
    ]
    entries += [
        TimelineEntry(
            contact.happened_at, "contact", contact.get_kind_display(), contact.note, _name(contact.recorded_by)
        )
        for contact in ContactLogEntry.objects.filter(episode__person=person).select_related(
            "recorded_by__guide_profile"
        )
    ]
    for action in Action.objects.filter(episode__person=person).select_related("created_by__guide_profile"):
        entries.append(
            TimelineEntry(
                action.created_at,
                "action",
                _("Next step agreed"),
                _("%(what)s (%(who)s, by %(due)s)")
                % {"what": action.what, "who": action.who, "due": action.due_on.strftime("%d/%m/%Y")},
                _name(action.created_by),
            )
        )
        if action.done_at is not None:
            entries.append(TimelineEntry(action.done_at, "action", _("Step done"), action.what, ""))
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
