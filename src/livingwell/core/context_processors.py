"""Template context every page needs: the service's name, the place, and navigation by role."""

from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from livingwell.core import languages
from livingwell.core.navigation import navigation_for


@cache
def asset_urls() -> dict[str, str]:
    """The hashed URLs of the assets every page loads; they change only with a new release."""
    return {
        "stylesheet": static("livingwell/livingwell.css"),
        "favicon": static("livingwell/favicon.svg"),
        "govuk_frontend_js": static("livingwell/govuk-frontend.min.js"),
    }


def service(request: HttpRequest) -> dict[str, object]:
    return {
        "asset": asset_urls(),
        "service_name": settings.LW_SERVICE_NAME,
        "place_name": settings.LW_PLACE_NAME,
        "contact_email": settings.LW_CONTACT_EMAIL,
        "contact_phone": settings.LW_CONTACT_PHONE,
        "exit_page_url": settings.LW_EXIT_PAGE_URL,
        # Worked out only if the page shows it: visitors' navigation comes from the fragment cache.
        "navigation": SimpleLazyObject(lambda: navigation_for(request)),
        "languages": SimpleLazyObject(lambda: languages.switcher(request)),
        "language_awaiting_review": languages.awaiting_review(translation.get_language()),
        "in_english": SimpleLazyObject(lambda: languages.in_english(request)),
    }
