"""The person's own plan and support, through their account."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token
from livingwell.support.access import (
    access_own_plan_for,
    access_own_support_for,
)
from livingwell.support.forms import (
    AgreeForm,
    CommentForm,
)
from livingwell.support.models import (
    Plan,
)
from livingwell.support.services import (
    plan_agree,
)
from livingwell.support.views.plans import _about_me, _comment


def _own_plan(request: AuthenticatedHttpRequest) -> Plan | None:
    view = access_own_plan_for(request.user)
    return view.plan if view is not None else None


@require_GET
@role_required(Role.PERSON)
def my_plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    view = access_own_plan_for(request.user)
    return render(request, "support/my_plan.html", {"view": view, "comment_form": CommentForm(initial=fresh_token())})


@require_http_methods(["GET", "POST"])
@role_required(Role.PERSON)
def my_about_me(request: AuthenticatedHttpRequest) -> HttpResponse:
    the_plan = _own_plan(request)
    if the_plan is None:
        return redirect("support:my_plan")  # which says their guide will start it with them
    return _about_me(request, the_plan, reverse("support:my_plan"))


@require_GET
@role_required(Role.PERSON)
def my_support(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's own budget and the services they were introduced to, and how each is going."""
    return render(request, "support/my_support.html", {"support": access_own_support_for(request.user)})


@require_POST
@role_required(Role.PERSON)
def my_plan_comment(request: AuthenticatedHttpRequest) -> HttpResponse:
    the_plan = _own_plan(request)
    if the_plan is None:
        return redirect("support:my_plan")
    return _comment(request, the_plan, reverse("support:my_plan"))


@require_POST
@role_required(Role.PERSON)
def my_plan_agree(request: AuthenticatedHttpRequest) -> HttpResponse:
    the_plan = _own_plan(request)
    if the_plan is None:
        return redirect("support:my_plan")
    agreed = AgreeForm(request.POST)
    if agreed.is_valid() and plan_agree(actor=request.user, plan=the_plan, version=agreed.cleaned_data["version"]):
        messages.success(request, _("Thank you. You have agreed your plan."))
    else:
        messages.warning(request, _("Your plan changed while you were reading it. Read it again, then agree."))
    return redirect("support:my_plan")
