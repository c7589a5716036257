"""What voice holds about a person: the stories they sent through their account, and the invitations to
evaluations they had as a member of the Collaborative (``core.personal_data``). Erasing withdraws their
stories and clears every word of them; an invitation keeps only that it was answered, for the response rate.
Answers to the experience questions are anonymous from the start, so they are nobody's to give or erase."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.core.personal_data import ERASED, Held, fields_blank, held_as, messages_about, of_account
from livingwell.people.models import Person
from livingwell.voice.models import Invitation, Story

MODELS = (Story, Invitation)


def _stories(person: Person) -> QuerySet[Story]:
    return of_account(Story.objects.all(), person)


def _invitations(person: Person) -> QuerySet[Invitation]:
    return of_account(Invitation.objects.all(), person, "member__user_id")


def held(person: Person) -> list[Held]:
    stories = _stories(person).order_by("created_at")
    invitations = _invitations(person).order_by("created_at")
    return [
        held_as(_("Your stories"), stories),
        held_as(_("Your invitations to evaluations"), invitations),
        messages_about(
            _("Messages about your stories and invitations"),
            story_id=stories.values_list("pk", flat=True),
            invitation_id=invitations.values_list("pk", flat=True),
        ),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    stories = _stories(person)
    stories.filter(status=Story.Status.PUBLISHED).update(status=Story.Status.WITHDRAWN, withdrawn_at=timezone.now())
    return [
        (
            "voice.story",
            fields_blank(
                stories, "text", "name", "email", "suggested", "note", "approved_text", title=ERASED, in_report=False
            ),
        ),
        ("voice.invitation", fields_blank(_invitations(person), "email", name=ERASED)),
    ]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return []
