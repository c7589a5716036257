"""What the collaborative's view modules share."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _form_page(
    request: HttpRequest, form: Any, caption: str, heading: str, back: str, button: str | None = None
) -> HttpResponse:
    return render(
        request,
        "core/form_page.html",
        {"form": form, "caption": caption, "heading": heading, "back": back, "button": button},
    )
