"""Rotas: who takes each turn, filled in order and swapped."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import rotas
from livingwell.collaborative.access import (
    access_members_for,
    access_rota_for,
)
from livingwell.collaborative.forms import (
    RotaForm,
    RotaSwapForm,
)
from livingwell.collaborative.views.common import _form_page
from livingwell.core.access import one_or_404
from livingwell.core.forms import posted
from livingwell.core.refusals import change_told


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def rota_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body, memberships = access_members_for(request.user, slug)
    form = RotaForm(posted(request), memberships=memberships)
    back = reverse("collaborative:running", args=[body.slug])
    if request.method == "POST" and form.is_valid():
        try:
            rota = rotas.rota_create(
                actor=request.user,
                body=body,
                name=form.cleaned_data["name"],
                duty=form.cleaned_data["duty"],
                memberships=list(form.cleaned_data["people"]),
            )
        except rotas.RotaRefused as refused:
            form.add_error("people", str(refused))
        else:
            return redirect("collaborative:rota", rota_id=rota.pk)
    return _form_page(request, form, body.name, _("Start a rota"), back, _("Start the rota"))


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def rota(request: AuthenticatedHttpRequest, rota_id: int) -> HttpResponse:
    the_rota, places, turns = access_rota_for(request.user, rota_id)
    return render(request, "collaborative/rota.html", {"rota": the_rota, "places": places, "turns": turns})


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def rota_fill(request: AuthenticatedHttpRequest, rota_id: int) -> HttpResponse:
    the_rota, _places, _turns = access_rota_for(request.user, rota_id)

    def fill() -> str:
        made = rotas.rota_fill(actor=request.user, rota=the_rota)
        return _("%(count)s turns are given out.") % {"count": len(made)}

    change_told(request, fill)
    return redirect("collaborative:rota", rota_id=the_rota.pk)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def rota_swap(request: AuthenticatedHttpRequest, rota_id: int) -> HttpResponse:
    the_rota, places, _turns = access_rota_for(request.user, rota_id)
    form = RotaSwapForm(request.POST)

    def swap() -> str:
        if not form.is_valid():
            raise rotas.RotaRefused(_("Choose someone on the rota"))
        turn = one_or_404(the_rota.turns.select_related("rota"), form.cleaned_data["turn"])
        chosen = next((p.membership for p in places if p.membership_id == form.cleaned_data["membership"]), None)
        if chosen is None:
            raise rotas.RotaRefused(_("Choose someone on the rota"))
        rotas.rota_swap(actor=request.user, turn=turn, membership=chosen)
        return _("The turn is swapped, and they will be reminded.")

    change_told(request, swap)
    return redirect("collaborative:rota", rota_id=the_rota.pk)
