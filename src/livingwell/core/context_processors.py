"""Template context every page needs: the service's name, the place, and navigation by role."""

from django.conf import settings
from django.http import HttpRequest

from livingwell.core.navigation import navigation_for


def service(request: HttpRequest) -> dict[str, object]:
    return {
        "service_name": settings.LW_SERVICE_NAME,
        "place_name": settings.LW_PLACE_NAME,
        "contact_email": settings.LW_CONTACT_EMAIL,
        "contact_phone": settings.LW_CONTACT_PHONE,
        "exit_page_url": settings.LW_EXIT_PAGE_URL,
        "navigation": navigation_for(request),
    }
