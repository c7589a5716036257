"""Navigation by role: each signed-in user sees links to exactly the views their role may open.

Each app names its own links in its ``AppConfig`` (``navigation``), so a new app adds to the menu without
changing this file."""

import functools
from dataclasses import dataclass

from django.apps import apps
from django.http import HttpRequest
from django.urls import resolve, reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavigationItem:
    url: str
    label: str | Promise
    current: bool


@dataclass(frozen=True)
class NavLink:
    """A link an app puts in the menu. Public links show to everyone; the others to a signed-in user whose
    role the view lets in (read from ``role_required``), and, when ``shown_if`` names a function of the user
    (a dotted path), only if it says so. ``place`` orders the menu across apps."""

    place: int
    url_name: str
    label: str | Promise
    public: bool = False
    shown_if: str = ""


# ``shown_if`` for the pages of someone we support: a Collaborative or time bank member's account is of the same
# role (a person's) and may have no record behind it.
OWN_RECORD = "livingwell.people.access.has_own_record"

SIGNED_OUT = NavLink(900, "accounts:sign_in", _("Sign in"))


@functools.cache
def nav_links() -> tuple[NavLink, ...]:
    """Every app's menu links (its ``AppConfig.navigation``), in menu order."""
    links = [link for config in apps.get_app_configs() for link in getattr(config, "navigation", ())]
    return tuple(sorted(links, key=lambda link: link.place))


@functools.cache
def _allowed_roles(url_name: str) -> frozenset[str] | None:
    """The roles a view lets in (read from role_required), worked out once: the URLs do not change."""
    view = resolve(reverse(url_name)).func
    return getattr(view, "allowed_roles", None)


def _allowed(url_name: str, role: str) -> bool:
    allowed_roles = _allowed_roles(url_name)
    if allowed_roles is None:
        # The admin checks its own permission: only administrators are admin staff.
        return role == "administrator"
    return role in allowed_roles


def navigation_for(request: HttpRequest) -> list[NavigationItem]:
    user = request.user
    links = [link for link in nav_links() if link.public]
    if user.is_authenticated:
        allowed = [link for link in nav_links() if not link.public and _allowed(link.url_name, user.role)]
        # Each condition asked once a page, and only of a role that may open a link it guards.
        shown = {path: bool(import_string(path)(user)) for path in {link.shown_if for link in allowed} - {""}}
        links += [link for link in allowed if not link.shown_if or shown[link.shown_if]]
    else:
        links.append(SIGNED_OUT)
    items = []
    for name, label in ((link.url_name, link.label) for link in links):
        url = reverse(name)
        items.append(NavigationItem(url=url, label=label, current=request.path == url))
    return items
