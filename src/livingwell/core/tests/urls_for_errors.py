"""A URL configuration with a view that fails, to test the 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [
    path("broken/", broken),
    path("", include("livingwell.config.urls")),
]

handler500 = "livingwell.core.views.server_error"
