"""The project's URLs plus the floor: the smallest Django view, behind the same middleware."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from livingwell.config.urls import urlpatterns as every_url


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


# The project's own patterns, not included: its pages in other languages (i18n_patterns) must be at the top.
urlpatterns = [path("bench/minimal/", minimal), *every_url]
