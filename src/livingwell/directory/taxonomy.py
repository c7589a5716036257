"""The default categories for a mental health network, and the published lists they map to.

Ids are fixed (uuid5 of each code), so they are the same in every installation and stable for Open
Referral UK consumers. A migration creates them; ``default_taxonomy_ensure`` puts them back if a
database was emptied (test flushes, a fresh demo).

People choose among our categories, named in plain words. Machines also get, for each listing, the terms
of the lists Open Referral UK asks for (decision 0065): the LGA Services List and the LGA Needs List
(esd.org.uk), and the OpenActive Activity List for physical activities. Each term below is copied, identifier
and label, from the list's own published data; none is made up:

- LGA Services List and Needs List: the ESD Toolkit's ``services.csv`` and ``needs.csv``, as published in
  github.com/BforBen/service-explorer, ``_data/esdToolkit/`` (commit ea497b2), with term addresses
  ``http://id.esd.org.uk/service/<identifier>`` and ``http://id.esd.org.uk/need/<identifier>``;
- OpenActive: ``data/activity-list.jsonld`` of github.com/openactive/activity-list (commit abbf7bc, CC BY
  4.0), each concept's ``id`` its address.
"""

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
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


def category_id(code: str) -> uuid.UUID:
    """The id of our category with ``code``, the same in every installation."""
    return uuid.uuid5(NAMESPACE, code)


@dataclass(frozen=True)
class StandardList:
    """A published list of terms, each term at ``term_uri`` with its identifier put in."""

    key: str
    name: str
    description: str
    uri: str
    term_uri: str

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, f"list:{self.key}")

    @cached_property
    def _term_pattern(self) -> re.Pattern[str]:
        return re.compile(re.escape(self.term_uri).replace(re.escape("{}"), r"([A-Za-z0-9-]{1,64})"))

    def term_identifier(self, term_uri: str) -> str | None:
        """The identifier in one of this list's term addresses, or None when the address is not this list's."""
        # esd.org.uk's addresses are http; a feed may write them https, and means the same term.
        found = self._term_pattern.fullmatch(term_uri.strip().replace("https://id.esd", "http://id.esd"))
        return found.group(1) if found else None


LGA_SERVICES = StandardList(
    "lga-services",
    "LGA Services List",
    "The Local Government Association's list of services (esd.org.uk).",
    "http://id.esd.org.uk/list/services",
    "http://id.esd.org.uk/service/{}",
)
LGA_NEEDS = StandardList(
    "lga-needs",
    "LGA Needs List",
    "The Local Government Association's list of the needs services meet (esd.org.uk).",
    "https://standards.esd.org.uk/?uri=list%2Fneeds",
    "http://id.esd.org.uk/need/{}",
)
OPENACTIVE = StandardList(
    "openactive",
    "OpenActive Activity List",
    "OpenActive's list of physical activities.",
    "https://openactive.io/activity-list",
    "https://openactive.io/activity-list#{}",
)
STANDARD_LISTS = (LGA_SERVICES, LGA_NEEDS, OPENACTIVE)
STANDARD_TAXONOMY_IDS = frozenset(standard.id for standard in STANDARD_LISTS)


@dataclass(frozen=True)
class StandardTerm:
    standard: StandardList
    identifier: str
    name: str
    code: str = ""

    @property
    def term_uri(self) -> str:
        return self.standard.term_uri.format(self.identifier)

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, self.term_uri)

    def values(self) -> dict[str, Any]:
        """Its row's fields, as kept here."""
        return {
            "taxonomy_id": self.standard.id,
            "code": self.code or self.identifier,
            "name": self.name,
            "description": self.name,
            "term_uri": self.term_uri,
        }


def _services(*terms: tuple[str, str]) -> list[StandardTerm]:
    return [StandardTerm(LGA_SERVICES, identifier, name) for identifier, name in terms]


def _needs(*terms: tuple[str, str]) -> list[StandardTerm]:
    return [StandardTerm(LGA_NEEDS, identifier, name) for identifier, name in terms]


IMPROVING_MENTAL_HEALTH = ("36", "Improving mental health")
EMOTIONAL_WELLBEING = ("111", "Emotional wellbeing")
SOCIAL_INCLUSION = ("69", "Social inclusion")

# What each of our categories is in the published lists. Where a list has nothing that fits, nothing is
# given: the LGA lists have no food bank or community meal (their "Mobile meals" is meals taken to older
# people's homes), and no peer support. OpenActive names single activities, never "physical activity" as a
# whole, so it is given listing by listing (a walking group is "Walking"), not for the category.
MAPPINGS: dict[str, list[StandardTerm]] = {
    "peer-support": _needs(EMOTIONAL_WELLBEING, IMPROVING_MENTAL_HEALTH),
    "befriending": _needs(SOCIAL_INCLUSION, EMOTIONAL_WELLBEING),
    "crisis-support": _needs(IMPROVING_MENTAL_HEALTH),
    "talking-therapies": _services(("163", "Counselling")) + _needs(IMPROVING_MENTAL_HEALTH),
    "employment": _services(("343", "Employment and training initiatives")) + _needs(("11", "Employment")),
    "money-and-debt": _services(
        ("190", "Benefits advice and assessment"), ("651", "Debt counselling"), ("189", "Welfare rights advice")
    )
    + _needs(("9", "Financial support")),
    "housing": _services(("112", "Homelessness support"), ("652", "Private housing advice"))
    + _needs(("42", "Housing support"), ("73", "Somewhere to live")),
    "physical-activity": _needs(("67", "Sports and physical activity")),
    "arts-and-creativity": _services(("1791", "Arts and creative classes"), ("838", "Arts organisations and events"))
    + _needs(("115", "Hobbies and interests")),
    "volunteering": _services(("1113", "Volunteering")),
    "carers": _services(("298", "Carers support groups"), ("225", "Adult carers")) + _needs(("101", "Help with care")),
    "learning": _services(("27", "Adult education courses")) + _needs(("94", "Adult education")),
    "social-connection": _services(("241", "Leisure and social activities inclusion"), ("1149", "Community centres"))
    + _needs(SOCIAL_INCLUSION, ("71", "Community facilities")),
    "food": [],
    "advocacy": _services(("728", "Advocacy for social care clients")) + _needs(("48", "Access to advocacy")),
    "information": _services(("199", "Health advice")) + _needs(IMPROVING_MENTAL_HEALTH),
}
# The OpenActive activities the demo's listings use; the importer adds any other as a feed first uses it.
ACTIVITIES = [
    StandardTerm(OPENACTIVE, "95092977-5a20-4d6e-b312-8fddabe71544", "Walking", "walking"),
    StandardTerm(OPENACTIVE, "72ddb2dc-7d75-424e-880a-d90eabe91381", "Running", "running"),
    StandardTerm(OPENACTIVE, "5b880e93-4a16-4c37-86ac-ba2ffba68358", "Gardening", "gardening"),
]
STANDARD_TERMS = list({term.id: term for terms in [*MAPPINGS.values(), ACTIVITIES] for term in terms}.values())


def _one_category_each() -> dict[uuid.UUID, str]:
    """For a term of a published list that stands for one of our categories alone, that category; for each
    activity shipped, physical activity."""
    categories: dict[uuid.UUID, set[str]] = {term.id: {"physical-activity"} for term in ACTIVITIES}
    for code, terms in MAPPINGS.items():
        for term in terms:
            categories.setdefault(term.id, set()).add(code)
    return {term_id: codes.pop() for term_id, codes in categories.items() if len(codes) == 1}


CATEGORY_OF = _one_category_each()


def categories_standing_for(
    *, term_id: uuid.UUID | None = None, taxonomy_id: uuid.UUID | None = None
) -> list[uuid.UUID]:
    """Our categories that stand for a published list's term, or for some term of a published list."""
    return [
        category_id(code)
        for code, terms in MAPPINGS.items()
        if any(term.id == term_id or term.standard.id == taxonomy_id for term in terms)
    ]


def terms_stood_for(term_ids: Iterable[object]) -> set[uuid.UUID]:
    """The published lists' terms that these of our categories stand for."""
    ids = set(term_ids)
    return {term.id for code, terms in MAPPINGS.items() if category_id(code) in ids for term in terms}


def standard_list_of(term_uri: str) -> tuple[StandardList, str] | None:
    """The published list a term's address belongs to, and its identifier there."""
    for standard in STANDARD_LISTS:
        identifier = standard.term_identifier(term_uri)
        if identifier is not None:
            return standard, identifier
    return None


def category_for(term_id: object, term_uri: object = None) -> str | None:
    """Which of our categories a listing with this term belongs in, where that is plain: every OpenActive
    activity is a physical activity; an LGA term only where it stands for one category alone. A term given by
    id alone is known by the ids shipped here."""
    found = standard_list_of(term_uri) if isinstance(term_uri, str) else None
    if found is not None and found[0] is OPENACTIVE:
        return "physical-activity"
    return CATEGORY_OF.get(term_id) if isinstance(term_id, uuid.UUID) else None


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
            id=category_id(code),
            defaults={"taxonomy": taxonomy, "code": code, "name": name, "description": description},
        )
    for standard in STANDARD_LISTS:
        taxonomy_model.objects.update_or_create(
            id=standard.id, defaults={"name": standard.name, "description": standard.description, "uri": standard.uri}
        )
    for term in STANDARD_TERMS:
        term_model.objects.update_or_create(id=term.id, defaults=term.values())


# The default categories' English names, which people read in their own language (``TaxonomyTerm.label``).
DEFAULT_NAMES = frozenset(name for _code, name, _description in TERMS)
