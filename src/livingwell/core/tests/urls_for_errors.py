"""A URL configuration with a view that fails, to test the 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from livingwell.config.urls import urlpatterns as every_url


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken), *every_url]

handler500 = "livingwell.core.views.server_error"
