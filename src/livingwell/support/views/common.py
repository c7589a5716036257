"""What support's view modules share: the roles, and the form page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from livingwell.accounts.models import Role
from livingwell.support.access import (
    GUIDE_ROLES,
    Show,
)

SUPPORT_ROLES = (*sorted(GUIDE_ROLES), Role.ADMINISTRATOR)


SHOW_LABELS = {
    Show.MINE: gettext_lazy("My people"),
    Show.TEAM: gettext_lazy("My team's people"),
    Show.ALL: gettext_lazy("Everyone's"),
}


def _form_page(
    request: HttpRequest, form: object, *, heading: str, caption: str, back: str, back_text: str
) -> HttpResponse:
    """Every support form's page: a back link, the person (or goal) it is about, the heading, the form."""
    context = {"form": form, "heading": heading, "caption": caption, "back": back, "back_text": back_text}
    return render(request, "core/form_page.html", context)


PLAN_ROLES = (*SUPPORT_ROLES, Role.PERSON)
