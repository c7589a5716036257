"""Middleware that every request passes through."""

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from livingwell.core.request_id import request_id_set

REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Stamp each request with a fresh id, for the logs, the audit trail and the response header.

    The id is always made here, never taken from the client, so an audit row can't be forged to
    share another request's id.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        request_id_set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
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
