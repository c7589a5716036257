"""The coordinator's screens: new members to welcome, exchanges waiting too long, members gone quiet with a
gentle nudge, one member's hours, and crediting hours for a group activity."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.timebank import access, services
from livingwell.timebank.forms import CreditForm
from livingwell.timebank.models import Member

COORDINATOR_ROLES = (Role.PROVIDER_EDITOR, Role.ADMINISTRATOR)


@role_required(*COORDINATOR_ROLES)
@require_GET
def coordinate(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "timebank/coordinate.html", {"screens": access.access_coordination_for(request.user)})


@role_required(*COORDINATOR_ROLES)
@require_GET
def member(request: AuthenticatedHttpRequest, member_id: str) -> HttpResponse:
    view = access.access_member_for(request.user, member_id, request.GET.get("page", 1))
    return render(request, "timebank/member.html", {"view": view})


def _member_change(request: AuthenticatedHttpRequest, member_id: str, change: Callable[[Member], str]) -> HttpResponse:
    the_member = access.access_member_to_change_for(request.user, member_id)
    change_told(request, lambda: change(the_member))
    return redirect("timebank:coordinate")


@role_required(*COORDINATOR_ROLES)
@require_POST
def welcome(request: AuthenticatedHttpRequest, member_id: str) -> HttpResponse:
    return _member_change(request, member_id, lambda member: services.member_welcome(actor=request.user, member=member))


@role_required(*COORDINATOR_ROLES)
@require_POST
def nudge(request: AuthenticatedHttpRequest, member_id: str) -> HttpResponse:
    return _member_change(request, member_id, lambda member: services.member_nudge(actor=request.user, member=member))


@role_required(*COORDINATOR_ROLES)
@require_http_methods(["GET", "POST"])
def credit(request: AuthenticatedHttpRequest) -> HttpResponse:
    access.coordinator_check(request.user)
    form = CreditForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        members, unknown = access.access_members_by_email_for(request.user, form.email_list())
        if unknown:
            form.add_error(
                "emails", _("No member has these email addresses: %(emails)s") % {"emails": ", ".join(unknown)}
            )
        else:
            try:
                services.credit_give(
                    actor=request.user, what=data["what"], on=data["on"], minutes=data["hours"], members=members,
                    submission_id=data["submission_id"],
                )  # fmt: skip
            except Refused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, _("Hours credited to %(count)d members.") % {"count": len(members)})
                return redirect("timebank:coordinate")
    return render(request, "timebank/credit.html", {"form": form})
