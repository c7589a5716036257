"""What the front door holds about a person: their introductions, the calls about them, the first
conversation, their equality answers and the links to their record sent to them (``core.personal_data``)."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.core.personal_data import ERASED, Held, counts_merge, fields_blank, held_as, messages_about
from livingwell.frontdoor.models import (
    ContactAttempt,
    FirstConversation,
    Introduction,
    IntroductionEquality,
    RecordLink,
)
from livingwell.people.models import Person

MODELS = (Introduction, ContactAttempt, FirstConversation, IntroductionEquality, RecordLink)
# What an introduction says of someone, or in their words; its dates, route and whether it was urgent stay.
INTRODUCTION_WORDS = (
    "introducer_name",
    "introducer_contact",
    "date_of_birth",
    "contact_methods",
    "email",
    "phone",
    "address",
    "phone_key",
    "email_key",
    "safe_times",
    "in_their_words",
    "what_matters",
    "enjoys",
    "good_at",
    "would_help_other",
    "access_needs",
    "gp_practice",
    "urgent_phrases",
    "route_reason",
)


def held(person: Person) -> list[Held]:
    introductions = Introduction.objects.filter(person=person).order_by("created_at")
    ids = list(introductions.values_list("pk", flat=True))
    return [
        held_as(_("Your introductions"), introductions),
        held_as(_("Calls and messages to reach you"), ContactAttempt.objects.filter(introduction__in=ids)),
        held_as(_("Your first conversation"), FirstConversation.objects.filter(introduction__in=ids)),
        held_as(_("Your equality monitoring answers"), IntroductionEquality.objects.filter(introduction__in=ids)),
        held_as(_("Links to your record sent to you"), RecordLink.objects.filter(introduction__in=ids)),
        messages_about(_("Messages about your introductions"), introduction_id=ids),
    ]


def introductions_erase(introductions: QuerySet[Introduction]) -> list[tuple[str, int]]:
    """Clear what ``introductions`` say of someone and all that hangs off them. Also used by the retention
    rules for introductions that never became anyone's record."""
    ids = list(introductions.values_list("pk", flat=True))
    answers, _by_model = IntroductionEquality.objects.filter(introduction__in=ids).delete()
    return [
        (
            "frontdoor.introduction",
            fields_blank(Introduction.objects.filter(pk__in=ids), *INTRODUCTION_WORDS, preferred_name=ERASED),
        ),
        ("frontdoor.contactattempt", fields_blank(ContactAttempt.objects.filter(introduction__in=ids), "note")),
        (
            "frontdoor.firstconversation",
            fields_blank(
                FirstConversation.objects.filter(introduction__in=ids), "what_matters", "strengths", "next_step"
            ),
        ),
        ("frontdoor.recordlink", fields_blank(RecordLink.objects.filter(introduction__in=ids), "sent_to")),
        ("frontdoor.introductionequality", answers),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    return list(counts_merge(introductions_erase(Introduction.objects.filter(person=person))).items())


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [Introduction.objects.filter(created_at__gte=moment).values("person_id")]
