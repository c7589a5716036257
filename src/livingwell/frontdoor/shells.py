"""Question pages kept whole per process when they read the same for every visitor who asks (decision 0055).

A question page of the front door, asked for the first time, is the same for everyone who reaches it the
same way but for two things: the CSRF token in its form and the CSP nonce on its scripts. Each process renders
such a page once with marks in their place, keeps it a while in the template fragments' cache, and hands each
visitor a copy with their own token and nonce put in. Only pages a view says are the same for everyone are
kept, and only for a visitor who is not signed in and has nothing waiting to be shown once (a message, a
safety alert): anything of a person's is always rendered afresh and never kept.
"""

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import get_language

from livingwell.safety.alerts import SESSION_KEY as SAFETY_ALERT_KEY

# Neither can come from a person: both are set here, and the page is rendered before anything is typed.
CSRF_MARK = "lw-shell-csrf-token-mark"
NONCE_MARK = "lw-shell-csp-nonce-mark"


def kept_per_process(kind: str, same_for: object, render_html: Callable[[], str]) -> str:
    """HTML that reads the same for everyone given ``same_for``, rendered once and kept a while in this process's
    template fragments' cache under ``kind``."""
    key = f"{kind}:{hashlib.sha256(repr(same_for).encode()).hexdigest()}"
    fragments = caches["template_fragments"]
    html = fragments.get(key)
    if html is None:
        html = render_html()
        fragments.set(key, html)
    return html


def _kept_for_anyone(request: HttpRequest) -> bool:
    """Nothing of this visitor's own goes on the page: not signed in, no message or alert waiting."""
    session = getattr(request, "session", None)
    return not (
        request.user.is_authenticated
        or len(get_messages(request))  # counts without marking them shown
        or (session is not None and SAFETY_ALERT_KEY in session)
    )


def shell_render(
    request: HttpRequest,
    template: str,
    context: Callable[..., dict[str, Any]],
    same_for: tuple[Any, ...],
    own: Mapping[str, str] | None = None,
) -> HttpResponse:
    """The page, from this process's copy when it has one for ``same_for`` (what makes it differ: the view
    says), rendered afresh when the visitor has anything of their own waiting. ``context`` is made only when
    the page is rendered, given ``own``: plain words of this visitor's on the page (a reference), by name. The
    kept copy has a mark in their place, and each visitor's copy their own words there, escaped."""
    own = own or {}
    if not _kept_for_anyone(request):
        return render(request, template, context(**own))
    service = [settings.LW_SERVICE_NAME, settings.LW_PLACE_NAME, settings.LW_CONTACT_PHONE, settings.LW_EXIT_PAGE_URL]
    marks = {name: f"lw-shell-{name}-mark" for name in own}
    page = kept_per_process(
        "lw-shell",
        (template, request.get_full_path(), get_language(), service, same_for),
        lambda: render_to_string(
            template, {**context(**marks), "csrf_token": CSRF_MARK, "csp_nonce": NONCE_MARK}, request
        ),
    )
    if CSRF_MARK in page:  # a page with no form sets no CSRF cookie
        page = page.replace(CSRF_MARK, get_token(request))
    for name, words in own.items():
        page = page.replace(marks[name], escape(words))
    return HttpResponse(page.replace(NONCE_MARK, str(get_nonce(request))))
