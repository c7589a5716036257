"""Every answer under the ORUK API's path is JSON and open to other sites (CORS), errors included: a path that
matches no endpoint, a method other than GET and HEAD, a body refused, a failure on our side. Other
publishers' and aggregators' code reads them, not people (issue 19)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

API_PATH = "/api/oruk/"
# Headers an error's client needs, kept when its body is made JSON.
KEPT = ("Allow", "Retry-After")


def _error_words(status: int) -> str:
    words = {
        404: _("Not found"),
        405: _("Only GET and HEAD are answered here"),
        500: _("Something went wrong on our side. Try again later."),
    }
    return words.get(status, "")


class OrukApiAnswersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(API_PATH):
            return response
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith("application/json"):
            plain = JsonResponse(
                {"error": _error_words(response.status_code) or response.reason_phrase}, status=response.status_code
            )
            for header in KEPT:
                if header in response:
                    plain[header] = response[header]
            response = plain
        response["Access-Control-Allow-Origin"] = "*"
        return response
