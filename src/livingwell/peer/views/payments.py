"""Payments to peer supporters paid by the session: their own statement for a tax year, and the Hub
manager's approvals against each one's yearly limit, shown as Experts by Experience payments are."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from livingwell.accounts.models import HUB_MANAGER_ROLES, Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.forms.claims import ApproveForm
from livingwell.collaborative.forms.joining import ReasonForm
from livingwell.core import yearly_limit
from livingwell.core.refusals import Refused, change_told
from livingwell.peer import access, payments


@role_required(Role.PEER_SUPPORTER)
@require_GET
def my_payments(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = yearly_limit.tax_year_chosen(request.GET.get("year", ""), today)
    context = {
        "statement": access.access_own_statement_for(request.user, start),
        "start": start,
        "years": yearly_limit.tax_years_to_choose(today),
    }
    return render(request, "peer/my_payments.html", context)


@role_required(*HUB_MANAGER_ROLES)
@require_GET
def waiting(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "peer/payments.html", {"waiting": access.access_waiting_payments_for(request.user)})


def _payment_page(
    request: AuthenticatedHttpRequest, payment_id: UUID, *, approve: ApproveForm | None = None,
    reject: ReasonForm | None = None,
) -> HttpResponse:  # fmt: skip
    payment, cap = access.access_payment_for(request.user, payment_id)
    context = {
        "payment": payment,
        "cap": cap,
        "approve_form": approve or ApproveForm(prefix="approve"),
        "reject_form": reject or ReasonForm(label=_("Why not?"), prefix="reject"),
    }
    return render(request, "peer/payment.html", context)


@role_required(*HUB_MANAGER_ROLES)
@require_GET
def payment(request: AuthenticatedHttpRequest, payment_id: UUID) -> HttpResponse:
    return _payment_page(request, payment_id)


@role_required(*HUB_MANAGER_ROLES)
@require_POST
def payment_approve(request: AuthenticatedHttpRequest, payment_id: UUID) -> HttpResponse:
    the_payment, _cap = access.access_payment_for(request.user, payment_id)
    form = ApproveForm(request.POST, prefix="approve")
    agreed = form.is_valid() and form.cleaned_data["over_limit_agreed"]
    try:
        messages.success(
            request,
            payments.payment_approve(actor=request.user, payment=the_payment, over_limit_agreed=agreed),
        )
    except Refused as refused:
        form.add_error(None, str(refused))
        return _payment_page(request, payment_id, approve=form)
    return redirect("peer:payments")


@role_required(*HUB_MANAGER_ROLES)
@require_POST
def payment_reject(request: AuthenticatedHttpRequest, payment_id: UUID) -> HttpResponse:
    the_payment, _cap = access.access_payment_for(request.user, payment_id)
    form = ReasonForm(request.POST, label=_("Why not?"), prefix="reject")
    if not form.is_valid():
        return _payment_page(request, payment_id, reject=form)
    if change_told(
        request, lambda: payments.payment_reject(actor=request.user, payment=the_payment, **form.cleaned_data)
    ):
        return redirect("peer:payments")
    return redirect("peer:payment", payment_id)
