"""Middleware that every request passes through."""

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from livingwell.core.client_ip import from_trusted_proxy
from livingwell.core.request_id import request_id_set

REQUEST_ID_HEADER = "X-Request-ID"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RequestIdMiddleware:
    """Stamp each request with an id, for the logs, the audit trail and the response header.

    The id our own proxy gave the request (nginx's ``$request_id`` in ``X-Request-ID``), so that its lines
    and ours tie up; otherwise a fresh one. Never one from anyone else: a client's own header is ignored, so
    an audit row can't be forged to share another request's id.
    """

    # What a proxy's id may look like: nginx's is 32 hex digits; others use UUIDs.
    PROXY_ID = re.compile(r"[A-Za-z0-9-]{16,64}")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = str(request.META.get("HTTP_X_REQUEST_ID", ""))
        taken = from_trusted_proxy(request) and self.PROXY_ID.fullmatch(given)
        request_id = given if taken else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        request_id_set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


class PermissionsPolicyMiddleware:
    """Turn off the browser features Living Well never uses, for every page."""

    POLICY = (
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=()"
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response


class NoStoreWhenSignedInMiddleware:
    """Keep signed-in pages out of every cache, the browser's back button included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


class RefuseNulBytesMiddleware:
    """A NUL byte in the address, a query parameter or a form field is refused with a clear 400, once for
    the whole site: PostgreSQL cannot store one, and no person types one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return render(request, "400_nul.html", status=400)
        return self.get_response(request)


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path:
        return True
    sources = [request.GET]
    if request.method == "POST" and request.content_type in FORM_TYPES:
        sources.append(request.POST)
    return any(
        "\x00" in key or "\x00" in value for source in sources for key, values in source.lists() for value in values
    )


class RequestTooLargeMiddleware:
    """Refuse a request body larger than ``LW_MAX_REQUEST_BYTES`` from its length alone, before reading
    it: a 400 MB upload is turned away at once, not read in full first. (The proxy caps it too.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.LW_MAX_REQUEST_BYTES:
            return render(request, "413.html", status=413)
        return self.get_response(request)
