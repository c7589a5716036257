"""Links that apps above ``collaborative`` add to a body's pages: its public page and the page of who runs
it. The pages belong to ``collaborative``, which cannot ask the apps above it (decision 0019); each such app
adds its links when it starts (its ``AppConfig.ready``). A link's URL takes the body's slug."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class BodyLink:
    url_name: str
    label: str | Promise
    # On the page of who runs the body; otherwise on its public page.
    running: bool


@dataclass(frozen=True)
class ShownLink:
    url: str
    label: str


_LINKS: list[BodyLink] = []


def body_link_add(link: BodyLink) -> None:
    if link not in _LINKS:
        _LINKS.append(link)


def body_links(slug: str, *, running: bool) -> list[ShownLink]:
    return [
        ShownLink(reverse(link.url_name, args=[slug]), str(link.label)) for link in _LINKS if link.running == running
    ]
