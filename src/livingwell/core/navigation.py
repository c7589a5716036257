"""Navigation by role: each signed-in user sees links to exactly the views their role may open."""

import functools
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import resolve, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavigationItem:
    url: str
    label: str | Promise
    current: bool


PUBLIC_ITEMS = [
    ("core:home", _("Home")),
    ("directory:search", _("Find support")),
    ("frontdoor:start", _("Introduce yourself")),
    ("collaborative:index", _("Get involved")),
    ("core:get_help_now", _("Get help now")),
]
SIGNED_OUT_ITEMS = [("accounts:sign_in", _("Sign in"))]
# Shown to a signed-in user when their role may open the view (read from role_required).
ROLE_ITEMS = [
    ("accounts:dashboard", _("Your account")),
    ("people:my_details", _("Your details")),
    ("support:my_plan", _("My plan")),
    ("support:my_measures", _("How I am doing")),
    ("support:my_support", _("My support")),
    ("collaborative:mine", _("Your co-production")),
    ("frontdoor:queue", _("Duty queue")),
    ("safety:flag_list", _("Safety flags")),
    ("frontdoor:waiting", _("Waiting times")),
    ("support:pathway", _("Accommodation pathway")),
    ("support:caseload", _("Caseload")),
    ("support:my_guide_profile", _("Your guide profile")),
    ("people:person_list", _("People")),
    ("directory:listing_list", _("Your listings")),
    ("support:provider_queue", _("Introductions to you")),
    ("audit:event_list", _("Audit trail")),
    ("admin:index", _("Site administration")),
]


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
    names = list(PUBLIC_ITEMS)
    if user.is_authenticated:
        names += [(name, label) for name, label in ROLE_ITEMS if _allowed(name, user.role)]
    else:
        names += SIGNED_OUT_ITEMS
    items = []
    for name, label in names:
        url = reverse(name)
        items.append(NavigationItem(url=url, label=label, current=request.path == url))
    return items
