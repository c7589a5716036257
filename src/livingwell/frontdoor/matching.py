"""Possible matches between an introduction and people already known, or earlier introductions.

The comparing itself is ``livingwell.people.matching``; this finds the candidates. The duty worker
reads them through ``access.access_possible_matches_for``, which audits what it shows.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from livingwell.frontdoor.models import Introduction
from livingwell.people.matching import Facts, Likeness, likeness
from livingwell.people.models import Person

# Enough for any real place: candidates share a phone, an email or a date of birth within one slip.
CANDIDATES_AT_MOST = 200


@dataclass(frozen=True)
class PossibleMatch:
    likeness: Likeness
    # A person already known, or another introduction not yet linked to anyone.
    record: Person | Introduction

    @property
    def is_person(self) -> bool:
        return isinstance(self.record, Person)

    @property
    def key(self) -> str:
        """How the link form names this match; never a name or contact detail."""
        return f"{'person' if self.is_person else 'introduction'}:{self.record.pk}"


def possible_matches(introduction: Introduction) -> list[PossibleMatch]:
    """Known people and unlinked introductions that may be the same person, likeliest first."""
    facts = Facts.of(introduction)
    terms = facts.candidates()
    if terms is None or introduction.person_id is not None:
        return []
    known: list[QuerySet[Person] | QuerySet[Introduction]] = [
        Person.objects.filter(terms),
        Introduction.objects.filter(terms, person__isnull=True).exclude(pk=introduction.pk),
    ]
    found = [
        PossibleMatch(alike, record)
        for records in known
        for record in records.order_by("-created_at")[:CANDIDATES_AT_MOST]
        if (alike := likeness(facts, Facts.of(record))).is_possible
    ]
    return sorted(found, key=lambda match: -match.likeness.signals)
