"""The safety flags: words of risk written anywhere but an introduction, for whoever is responsible."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import posted
from livingwell.safety.access import FLAG_ROLES, access_flag_for, access_open_flags_for
from livingwell.safety.forms import HandledForm
from livingwell.safety.services import risk_flag_handle


@require_GET
@role_required(*sorted(FLAG_ROLES))
def flag_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "safety/flag_list.html", {"flags": access_open_flags_for(request.user)})


@require_http_methods(["GET", "POST"])
@role_required(*sorted(FLAG_ROLES))
def flag_detail(request: AuthenticatedHttpRequest, flag_id: UUID) -> HttpResponse:
    flag = access_flag_for(request.user, flag_id)
    form = HandledForm(posted(request))
    if flag.handled_at is None and request.method == "POST" and form.is_valid():
        if risk_flag_handle(actor=request.user, flag=flag, note=form.cleaned_data["note"]):
            messages.success(request, _("Recorded. Thank you."))
        else:
            messages.warning(request, _("Someone else recorded what they did first; theirs stands."))
        return redirect("safety:flag_list")
    return render(request, "safety/flag_detail.html", {"flag": flag, "form": form})
