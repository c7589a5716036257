"""Every page a reader can have in another language, read in each, with the demo's data (decision 0062): each
page of the permission matrix that is public or open to someone we support, as a visitor and as the demo's
person (someone we support, a member of the Collaborative and of the time bank) sees it. The walks beside
this one send every form with its mistakes; this one finds what only real data shows, such as a group's
meeting pattern or a quarter's figures. Staff's pages are in English only, and are not walked."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation

from livingwell.accounts.models import Role, User
from livingwell.core.languages import in_english_only
from livingwell.core.tests.matrix import PUBLIC
from livingwell.core.tests.test_languages import OTHERS, Untranslated
from livingwell.core.tests.test_permission_matrix import DETAIL_KWARGS, MATRIX, POST_ONLY

pytestmark = pytest.mark.django_db

# Not pages: the switcher goes elsewhere, the admin is for staff.
NOT_PAGES = {"language", "admin"}


def _readable_pages() -> list[tuple[str, str]]:
    """Each page a visitor or someone we support may open, as its name and its address in English."""
    found = []
    for name, who in sorted(MATRIX.items()):
        if name in POST_ONLY or name in NOT_PAGES or not (who == PUBLIC or Role.PERSON in who):
            continue
        url = reverse(name, kwargs=DETAIL_KWARGS[name]() if name in DETAIL_KWARGS else None)
        if not in_english_only(resolve(url).func):
            found.append((name, url))
    return found


def test_every_page_a_reader_may_have_in_their_language_is_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    call_command("demo_load", stdout=StringIO())
    with translation.override("en-gb"):
        pages = _readable_pages()
    person = Client()
    person.force_login(User.objects.get(username="person"))
    read = 0
    for code in OTHERS:
        untranslated = Untranslated(monkeypatch, code)
        for reader in (Client(), person):
            for name, url in pages:
                response = reader.get(f"/{code}{url}")
                if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                    assert f'lang="{code}"' in response.content.decode(), name
                    read += 1
        assert list(untranslated.found) == [], code
    assert read > 70 * len(OTHERS)  # most pages are read, not turned away
