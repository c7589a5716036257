"""How often one source may send a public form, counted in the shared cache (django-ratelimit).

A source is the client's address (behind our own proxies only, ``core.client_ip``), kept as a keyed
digest. Past the limit, a person is told plainly to wait or call, with the crisis routes; nothing is saved.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from livingwell.core.client_ip import source_key


def _source(group: str, request: HttpRequest) -> str:
    return source_key(request)


def over_limit(request: HttpRequest, group: str, rate: str | None = None) -> bool:
    """Count one more sending of ``group`` from this source; True when that is past the limit."""
    return is_ratelimited(request, group=group, key=_source, rate=rate or settings.LW_RATE_PUBLIC_FORMS, increment=True)


def limited_response(request: HttpRequest, *, answers_kept: bool = False) -> HttpResponse:
    """What a person sees past the limit: what happened, what to do, and the crisis routes."""
    return render(request, "core/limited.html", {"answers_kept": answers_kept}, status=429)
