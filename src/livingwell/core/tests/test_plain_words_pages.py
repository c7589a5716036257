"""The public pages in plain words (decision 0061): every page anyone can reach without signing in, the front
door's questions included, spells out its acronyms, avoids the glossary's jargon, keeps sentences to 25 words
and reads at the age GOV.UK aims at."""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from livingwell.core import plain_words
from livingwell.core.tests.matrix import PUBLIC
from livingwell.core.tests.test_permission_matrix import DETAIL_KWARGS, MATRIX, POST_ONLY
from livingwell.frontdoor.tests.test_journey import ANSWERS, CHECK, DONE

pytestmark = pytest.mark.django_db


def matrix_pages(client: Client, only: frozenset[str] | None = None) -> Iterator[tuple[str, str]]:
    """Each public page of the permission matrix (or ``only`` those named), as its name and its HTML."""
    for name, who in sorted(MATRIX.items()):
        # The question pages are walked below; the language switcher is not a page, and would leave the
        # client's language chosen, sending every page after it elsewhere.
        if who != PUBLIC or name in POST_ONLY or name in ("frontdoor:step", "language"):
            continue
        if only is not None and name not in only:
            continue
        kwargs = DETAIL_KWARGS[name]() if name in DETAIL_KWARGS else {}
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # a page for a record no test makes here
            continue
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            yield name, response.content.decode()


def _front_door_pages(client: Client) -> Iterator[tuple[str, str]]:
    for slug, answers in ANSWERS.items():
        url = reverse("frontdoor:step", kwargs={"slug": slug})
        yield f"frontdoor:step {slug}", client.get(url).content.decode()
        assert client.post(url, answers).status_code == 302
    yield "frontdoor:check", client.get(CHECK).content.decode()
    token = client.get(CHECK).context["journey"].token
    client.post(CHECK, {"token": token})
    yield "frontdoor:done", client.get(DONE).content.decode()


def public_pages() -> Iterator[tuple[str, str]]:
    yield from matrix_pages(Client())
    yield from _front_door_pages(Client())


# "About 9", as GOV.UK's content design aims: the pages someone reaches out through, taken together. The
# estimate of a short page alone says more about its long words ("neighbourhood") than about how hard it is.
REACHING_OUT = ("frontdoor:", "core:get_help_now")
REACHING_OUT_AGE = 9.5
# Every public page together, figures and statements included: where it stood once the check came in. Lower it
# as pages get plainer; never raise it.
EVERY_PAGE_AGE = 10.9


def test_the_public_pages_are_in_plain_words() -> None:
    words = plain_words.glossary()
    texts = {name: plain_words.main_text(html) for name, html in public_pages()}
    assert len(texts) >= 60
    suggestions = {
        name: [suggestion.advice for suggestion in plain_words.read(text, words).suggestions]
        for name, text in texts.items()
    }
    assert {name: found for name, found in suggestions.items() if found} == {}

    reaching_out = "\n".join(text for name, text in texts.items() if name.startswith(REACHING_OUT))
    assert (plain_words.read(reaching_out, words).reading_age or 0) <= REACHING_OUT_AGE
    assert (plain_words.read("\n".join(texts.values()), words).reading_age or 0) <= EVERY_PAGE_AGE
