"""Languages (decision 0062): the language in the address, the one chosen before, and whether a fluent speaker
has checked a language's translation yet.

Every page in another language has the language in its address (``/pl/introduce/``), so a link shared reads
in the language it was shared in; English has none. A choice is remembered in a cookie: an address without a
language, asked for by someone who chose another, goes to the same page in theirs. Each language's message
file says in its ``X-Review-Status`` header whether a fluent speaker has checked it; until one has, every
page in that language says so, with a link to the page in English.
"""

import functools
import gettext
from collections.abc import Callable, Collection
from typing import Any, Literal, cast
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.core.checks import Warning as CheckWarning
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

AWAITING_REVIEW = "awaiting review by a fluent speaker"
# Each shipped language's name in English, for the staff who read what people wrote in it.
NAMES_IN_ENGLISH = {
    "pl": _("Polish"),
    "pt": _("Portuguese"),
    "es": _("Spanish"),
    "so": _("Somali"),
    "bn": _("Bengali"),
    "tr": _("Turkish"),
    "ar": _("Arabic"),
}


def language_name(code: str) -> str:
    """``code`` named for staff: "Polish (Polski)"."""
    itself = dict(settings.SHIPPED_LANGUAGES).get(code, code)
    return f"{NAMES_IN_ENGLISH[code]} ({itself})" if code in NAMES_IN_ENGLISH else itself


def as_shipped(text: str, shipped: Collection[str]) -> str:
    """``text`` in the reader's language when it is one the platform ships in English (so its message files
    hold it), else as someone here wrote it, which no file holds: for what ships and may be renamed or added
    to, such as the directory's categories and the evaluation's questions."""
    return translation.gettext(text) if text in shipped else text


def offered() -> list[tuple[str, str]]:
    """The languages this deployment offers, as ``(code, name in itself)``."""
    return list(settings.LANGUAGES)


@functools.cache
def review_status(code: str) -> str:
    """What the language's message file says of its review: ``AWAITING_REVIEW`` until a fluent speaker has
    checked it (and for a language with no file), then who checked it and when. English is the source."""
    if code == settings.LANGUAGE_CODE:
        return "source"
    for folder in settings.LOCALE_PATHS:
        path = folder / translation.to_locale(code) / "LC_MESSAGES" / "django.mo"
        if path.exists():
            with path.open("rb") as compiled:
                return str(gettext.GNUTranslations(compiled).info().get("x-review-status", AWAITING_REVIEW))
    return AWAITING_REVIEW


def awaiting_review(code: str) -> bool:
    return review_status(code) == AWAITING_REVIEW


@register()
def languages_switched_on(**kwargs: object) -> list[CheckMessage]:
    """A language switched on is one Living Well ships; one not yet checked by a fluent speaker is said."""
    shipped = dict(settings.SHIPPED_LANGUAGES)
    found: list[CheckMessage] = []
    for code in settings.LW_LANGUAGES_ON:
        if code not in shipped:
            found.append(
                Error(f"LW_LANGUAGES_ON names {code!r}, which is not shipped: {', '.join(shipped)}.", id="core.E010")
            )
        elif awaiting_review(code):
            found.append(
                CheckWarning(
                    f"{shipped[code]} ({code}) is switched on but not yet checked by a fluent speaker: every page in "
                    "it says so. Its file's X-Review-Status header says who checked it, once someone has.",
                    id="core.W011",
                )
            )
    return found


def translations_warm() -> None:
    """Load every offered language's translations now, ahead of the first request (a web server process
    starting), and leave out the empty catalogues English falls back through.

    Each of Django's own apps brings an ``en`` catalogue with no messages, only its header, behind its
    ``en_GB`` one, and Django chains them: every English message, which is never translated, was looked for in
    five empty catalogues before being shown as written, about half of each lookup. A catalogue without
    messages finds none, so leaving it out of the chain changes nothing that is shown."""
    from django.utils.translation import trans_real

    for code, _name in settings.LANGUAGES:
        catalogue: Any = trans_real.translation(code)  # gettext's chain (``_fallback``) is not in its stubs
        while (fallback := catalogue._fallback) is not None:
            if type(fallback) is gettext.GNUTranslations and _without_messages(fallback):
                catalogue._fallback = getattr(fallback, "_fallback", None)
            else:
                catalogue = fallback


def _without_messages(catalogue: Any) -> bool:
    """Whether a plain gettext catalogue holds nothing but its header."""
    return not set(catalogue._catalog) - {""}


def in_language(code: str) -> translation.override:
    """Write in ``code`` when this deployment offers it, else in the site's own language: for what is sent to
    someone in the language they chose, after it may have been switched off."""
    return translation.override(code if code in dict(offered()) else settings.LANGUAGE_CODE)


def in_site_language() -> translation.override:
    """Write in the site's own language, whatever language the page was read in: for what is kept or sent for
    everyone (a directory listing, the duty team's email, a record's note), not for one reader."""
    return translation.override(settings.LANGUAGE_CODE)


def _remembered(request: HttpRequest) -> str | None:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    codes = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in codes else None


class LanguageMiddleware(LocaleMiddleware):
    """Django's, with the choice remembered: the language in the address is kept in a cookie, and a page
    asked for without one goes to the remembered language's address. Staff's own pages (a view marked
    ``in_english_only``) are in English whatever was chosen: asked for in another language, they go to the
    English address."""

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponseBase], args: object, kwargs: object
    ) -> HttpResponseBase | None:
        from_path = translation.get_language_from_path(request.path_info)
        reading = request.method in ("GET", "HEAD")
        if in_english_only(view):
            request.in_english_only = True  # type: ignore[attr-defined]
            if from_path and reading and (english := _to(request, settings.LANGUAGE_CODE)) is not None:
                return english
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return None
        remembered = _remembered(request)
        if from_path or remembered in (None, settings.LANGUAGE_CODE) or not reading:
            return None
        return _to(request, remembered)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        from_path = translation.get_language_from_path(request.path_info)
        if from_path and from_path != _remembered(request):
            _remember(response, from_path)
        return response


def english_only[V: Callable[..., HttpResponseBase]](view: V) -> V:
    """Mark ``view`` as a page only staff open, in English whatever language they read the public pages in:
    staff's pages are not translated, and half a page in another language helps nobody."""
    view.in_english_only = True  # type: ignore[attr-defined]
    return view


def in_english_only(view: Callable[..., HttpResponseBase]) -> bool:
    return bool(getattr(view, "in_english_only", False))


def _to(request: HttpRequest, code: str) -> HttpResponseBase | None:
    """The same page in ``code``, when it has an address in it (the API and health pages have none)."""
    there = translate_url(request.get_full_path(), code)
    return None if there == request.get_full_path() else HttpResponseRedirect(there)


def _remember(response: HttpResponseBase, code: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=cast(Literal["Lax", "Strict", "None", False], settings.LANGUAGE_COOKIE_SAMESITE),
    )


def switcher(request: HttpRequest) -> list[dict[str, object]]:
    """For the header: each language offered, with the address of this page in it; none on staff's pages,
    which are in English only."""
    if getattr(request, "in_english_only", False):
        return []
    here = request.get_full_path()
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": name,
            "current": code == current,
            "url": f"{reverse('language', kwargs={'code': code})}?{urlencode({'next': here})}",
        }
        for code, name in offered()
    ]


def in_english(request: HttpRequest) -> str:
    """The switcher's address for this page in English."""
    return (
        f"{reverse('language', kwargs={'code': settings.LANGUAGE_CODE})}?{urlencode({'next': request.get_full_path()})}"
    )


@require_safe
def choose(request: HttpRequest, code: str) -> HttpResponse:
    """The header's switcher: remember ``code`` and go to the page the person was on, in it."""
    if code not in dict(offered()):
        code = settings.LANGUAGE_CODE
    back = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or urlsplit(back).netloc:
        back = "/"
    with translation.override(translation.get_language_from_path(back) or settings.LANGUAGE_CODE):
        there = translate_url(back, code)  # read in the language it is in
    response = HttpResponseRedirect(there)
    _remember(response, code)
    return response
