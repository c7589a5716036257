"""Parts that apps above ``people`` add to a person's own "Your details" page.

The page belongs to ``people``, which comes before the apps that know more about the person (decision
0019), so it cannot ask them. Instead each such app adds a section when it starts (its ``AppConfig.ready``):
a template and a function that reads, through that app's ``access.py``, what the template shows.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from livingwell.accounts.models import User


@dataclass(frozen=True)
class OwnSection:
    template_name: str
    # What the template shows, read (and audited) for the signed-in person.
    data: Callable[[User], Mapping[str, object]]


@dataclass(frozen=True)
class ShownSection:
    template_name: str
    data: Mapping[str, object]


_SECTIONS: list[OwnSection] = []


def own_section_add(section: OwnSection) -> None:
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def own_sections_for(user: User) -> list[ShownSection]:
    return [ShownSection(section.template_name, section.data(user)) for section in _SECTIONS]
