"""Public pages and the error pages."""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/pages/home.html")


@require_safe
def get_help_now(request: HttpRequest) -> HttpResponse:
    return render(request, "core/pages/get_help_now.html")


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement in the GOV.UK model's form, its dates and names from the settings."""
    context = {
        "controller_name": settings.LW_CONTROLLER_NAME,
        "prepared": settings.LW_ACCESSIBILITY_PREPARED,
        "reviewed": settings.LW_ACCESSIBILITY_REVIEWED,
        "tested": settings.LW_ACCESSIBILITY_TESTED,
        "tested_by": settings.LW_ACCESSIBILITY_TESTED_BY,
        "reply_days": settings.LW_ACCESSIBILITY_REPLY_DAYS,
    }
    return render(request, "core/pages/accessibility.html", context)


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice, its placeholders filled from the settings, saying what the platform really does."""
    context = {
        "controller_name": settings.LW_CONTROLLER_NAME,
        "controller_address": settings.LW_CONTROLLER_ADDRESS,
        "dpo_email": settings.LW_DPO_EMAIL,
        "ico_registration": settings.LW_ICO_REGISTRATION,
        "basis_6": settings.LW_LAWFUL_BASIS_ARTICLE_6,
        "basis_9": settings.LW_LAWFUL_BASIS_ARTICLE_9,
        "error_reports": bool(settings.SENTRY_DSN),
        "retain_people_years": settings.LW_RETAIN_PEOPLE_YEARS,
        "retain_introductions_years": settings.LW_RETAIN_INTRODUCTIONS_YEARS,
        "retain_messages_days": settings.LW_RETAIN_MESSAGES_DAYS,
    }
    return render(request, "core/pages/privacy.html", context)


@require_safe
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/pages/cookies.html", {"language_cookie": settings.LANGUAGE_COOKIE_NAME})


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "core/pages/contact.html")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent after its page went stale: what happened and what to do, in the reader's language. (Django's
    own view also words its technical reasons, which this page never shows.)"""
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """Render the 500 page in our design, falling back to plain HTML if even that fails."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The error page could not be rendered")
        return HttpResponseServerError(
            "<!DOCTYPE html><html lang='en-GB'><title>Sorry, there is a problem with the service</title>"
            "<h1>Sorry, there is a problem with the service</h1>"
            "<p>If you need help now: call NHS 111 and choose option 2, call 999 or go to A&amp;E if a life "
            "is in danger, or call Samaritans free on 116 123.</p></html>"
        )
