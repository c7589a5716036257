"""Walk every URL pattern and check who reaches it, against DESIGN.md §3.

Each app says who may reach its URLs in its own ``tests/permission_matrix.py`` (``MATRIX``, with ``KWARGS``
for URLs that need a record and ``POST_ONLY`` for those that only take POST), written in the role sets of
``core/tests/matrix.py``. A new URL with no entry fails ``test_every_url_is_in_the_matrix``: decide who may
reach it. A new app adds its own module; nothing here changes.
"""

import importlib
import importlib.util
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from livingwell.accounts.models import STAFF_ROLES, Role, User
from livingwell.core.tests.matrix import PUBLIC, Kwargs, Who
from livingwell.people.tests.factories import PersonFactory


def _app_matrices() -> Iterator[ModuleType]:
    for config in apps.get_app_configs():
        name = f"{config.name}.tests.permission_matrix"
        if config.name.startswith("livingwell.") and importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


MATRIX: dict[str, Who] = {}
DETAIL_KWARGS: dict[str, Kwargs] = {}
POST_ONLY: set[str] = set()
# Called by other machines with a token of their own, never by a person signed in: no role reaches them.
MACHINES_ONLY = {"core:notify_receipt"}
# Off in these tests, found by nobody: single sign-on needs a provider (tests/browser/test_sso.py runs one).
OFF_HERE = {"accounts:sso_start", "accounts:sso_callback"}
for module in _app_matrices():
    MATRIX |= module.MATRIX
    DETAIL_KWARGS |= module.KWARGS
    POST_ONLY |= module.POST_ONLY


def _walk(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                yield "admin"
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        else:
            yield f"{namespace}{pattern.name}"


def test_every_url_is_in_the_matrix() -> None:
    names = set(_walk(get_resolver().url_patterns))
    assert names - MATRIX.keys() == set(), "Add these URLs to MATRIX with the roles that may reach them"
    assert MATRIX.keys() - names == set(), "These MATRIX entries name URLs that no longer exist"


@pytest.mark.django_db
def test_every_address_leads_to_its_own_page() -> None:
    """Django tries the patterns in order, the front door's first (decision 0072): none hides another's."""
    wrong = {name: resolve(url).view_name for name in MATRIX if resolve(url := _url_for(name)).view_name != name}
    assert wrong == {"admin": "otpadmin:index"}  # the admin is one name for all its pages


def _url_for(name: str) -> str:
    if name == "admin":
        return reverse("admin:index")
    if name in DETAIL_KWARGS:
        return reverse(name, kwargs=DETAIL_KWARGS[name]())
    return reverse(name)


def _reached(client: Client, name: str, url: str) -> bool:
    response = client.post(url) if name in POST_ONLY else client.get(url)
    if response.status_code in (401, 403, 404):
        return False
    assert response.status_code < 500
    location = response.get("Location", "")
    return not ("sign-in" in location or "/admin/login/" in location)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_visitors_reach_only_public_urls(client: Client, name: str) -> None:
    assert _reached(client, name, _url_for(name)) == (MATRIX[name] == PUBLIC)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_reaches_exactly_what_design_allows(
    signed_in_client: Callable[[Role], Client], role: Role, name: str
) -> None:
    client = signed_in_client(role)
    if role == Role.PERSON:
        # A person with an account has their own record.
        PersonFactory(user=User.objects.get(username=f"test-{role.value}"))
    allowed = MATRIX[name]
    expected = allowed == PUBLIC or role in allowed
    assert _reached(client, name, _url_for(name)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(STAFF_ROLES))
def test_staff_without_a_second_factor_reach_no_signed_in_page(
    client: Client, user_with_role: Callable[[Role], User], role: Role
) -> None:
    client.force_login(user_with_role(role))
    for name, allowed in MATRIX.items():
        if allowed == PUBLIC or name in {"accounts:two_factor", "accounts:sign_out"} | MACHINES_ONLY | OFF_HERE:
            continue
        url = _url_for(name)
        response = client.post(url) if name in POST_ONLY else client.get(url)
        assert response.status_code == 302, name
        assert "two-factor" in response["Location"] or "/admin/login/" in response["Location"], name
