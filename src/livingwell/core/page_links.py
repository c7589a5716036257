"""Links that an app adds to a lower app's page: a body's pages, a person's episode. The page belongs to the
lower app, which cannot ask the apps above it (decision 0019); each such app adds its links when it starts
(its ``AppConfig.ready``). A page names itself, such as "collaborative.body", and gives the arguments its
links' URLs take, such as the body's slug."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class PageLink:
    page: str
    url_name: str
    label: str | Promise


@dataclass(frozen=True)
class ShownLink:
    url: str
    label: str


_LINKS: list[PageLink] = []


def page_link_add(link: PageLink) -> None:
    if link not in _LINKS:
        _LINKS.append(link)


def page_links(page: str, *args: object) -> list[ShownLink]:
    return [ShownLink(reverse(link.url_name, args=args), str(link.label)) for link in _LINKS if link.page == page]
