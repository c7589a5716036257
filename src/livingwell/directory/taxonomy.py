"""The default categories for a mental health network.

Ids are fixed (uuid5 of each code), so they are the same in every installation and stable for Open
Referral UK consumers. A migration creates them; ``default_taxonomy_ensure`` puts them back if a
database was emptied (test flushes, a fresh demo).
"""

import uuid
from typing import Any

from django.utils.translation import gettext_noop

NAMESPACE = uuid.UUID("6f1b0c52-2d7e-4a51-9b44-5f6b8e1d2c01")
# Each name is kept in English and shown in the reader's language (``TaxonomyTerm.label``).
TAXONOMY_ID = uuid.uuid5(NAMESPACE, "living-well")

TERMS = [
    ("peer-support", gettext_noop("Peer support"), "Support from people who have been through something similar."),
    ("befriending", gettext_noop("Befriending"), "Regular time with a volunteer who is there to be a friend."),
    ("crisis-support", gettext_noop("Crisis support"), "Help when things feel unbearable, including out of hours."),
    ("talking-therapies", gettext_noop("Talking therapies"), "Counselling and psychological therapies."),
    ("employment", gettext_noop("Work and employment"), "Help to find, keep or return to work, and paid jobs."),
    ("money-and-debt", gettext_noop("Money and debt"), "Advice about benefits, debt and managing money."),
    ("housing", gettext_noop("Housing"), "Help with a home: finding one, keeping one, or making it safe."),
    ("physical-activity", gettext_noop("Physical activity"), "Walking, sport, gardening and other ways to move."),
    ("arts-and-creativity", gettext_noop("Arts and creativity"), "Making music, art, writing and crafts together."),
    ("volunteering", gettext_noop("Volunteering"), "Ways to give your time and skills."),
    ("carers", gettext_noop("Carers"), "Support for people who look after someone."),
    ("learning", gettext_noop("Learning"), "Courses, training and learning for its own sake."),
    ("social-connection", gettext_noop("Meeting people"), "Groups, clubs and places to meet people and belong."),
    ("food", gettext_noop("Food"), "Community meals, food banks and cooking together."),
    ("advocacy", gettext_noop("Advocacy"), "Someone on your side to help you be heard."),
    (
        "information",
        gettext_noop("Information about mental health"),
        "Clear information about mental health and wellbeing.",
    ),
]


def default_taxonomy_ensure(*, taxonomy_model: Any = None, term_model: Any = None) -> None:
    """Create or update the default taxonomy. Migrations pass their historical models."""
    if taxonomy_model is None or term_model is None:
        from livingwell.directory.models import Taxonomy, TaxonomyTerm

        taxonomy_model, term_model = Taxonomy, TaxonomyTerm
    taxonomy, _created = taxonomy_model.objects.update_or_create(
        id=TAXONOMY_ID,
        defaults={
            "name": "Living Well categories",
            "description": "Categories for everything in the community that helps people stay well.",
            "version": "1",
        },
    )
    for code, name, description in TERMS:
        # gettext_noop gives back the English name, which is what is kept.
        term_model.objects.update_or_create(
            id=uuid.uuid5(NAMESPACE, code),
            defaults={"taxonomy": taxonomy, "code": code, "name": name, "description": description},
        )


DEFAULT_CODES = frozenset(code for code, _name, _description in TERMS)
