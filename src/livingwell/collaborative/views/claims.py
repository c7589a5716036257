"""Payments for Experts by Experience: claims and receipts, the body's payments and exports, a member's
own statement."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative import payments
from livingwell.collaborative.access import (
    access_body_payments_for,
    access_claim_for,
    access_finance_export_for,
    access_own_statement_for,
    access_receipt_for,
    body_run_by,
)
from livingwell.collaborative.forms import (
    ApproveForm,
    ExpenseForm,
    ReasonForm,
)
from livingwell.collaborative.models import Claim
from livingwell.core import yearly_limit
from livingwell.core.files import file_read
from livingwell.core.forms import fresh_token
from livingwell.core.refusals import change_told


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def payments_view(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    view = access_body_payments_for(request.user, slug)
    return render(request, "collaborative/payments.html", {"view": view, "body": view.body})


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def payments_export(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    export = payments.claims_export(actor=request.user, body=body)
    if export is None:
        messages.error(request, _("There are no approved claims to send to finance."))
        return redirect("collaborative:payments", slug=body.slug)
    return redirect("collaborative:finance_export", slug=body.slug, export_id=export.pk)


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def finance_export(request: AuthenticatedHttpRequest, slug: str, export_id: int) -> HttpResponse:
    """A batch sent to finance, as CSV: downloaded as it is made, and again whenever it is needed."""
    export = access_finance_export_for(request.user, slug, export_id)
    response = HttpResponse(export.csv, content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime(export.made_at).strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{slug}-payments-{stamp}.csv"'
    return response


def _claim_page(
    request: AuthenticatedHttpRequest,
    the_claim: Claim,
    running: bool,
    *,
    expense_form: ExpenseForm | None = None,
    reject_form: ReasonForm | None = None,
) -> HttpResponse:
    """A claim's page; a form given is one sent with a mistake, shown with its errors."""
    in_error = expense_form or reject_form
    return render(
        request,
        "collaborative/claim.html",
        {
            "claim": the_claim,
            "running": running,
            "own": the_claim.member.user_id == request.user.pk,
            "expenses": list(the_claim.expenses.all()),
            "total": payments.claim_total(the_claim),
            "cap": payments.cap_for(the_claim),
            "expense_form": expense_form or ExpenseForm(initial=fresh_token()),
            "approve_form": ApproveForm(prefix="approve"),
            "reject_form": reject_form or ReasonForm(label=_("Why not?"), prefix="reject"),
            "form": in_error,
        },
        status=400 if in_error else 200,
    )


@require_GET
@role_required()
def claim(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    """A claim: its member adds expenses with receipts; the coordinator approves it or says why not."""
    the_claim, running = access_claim_for(request.user, claim_id)
    return _claim_page(request, the_claim, running)


@require_POST
@role_required()
def claim_expense(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    the_claim, running = access_claim_for(request.user, claim_id)
    form = ExpenseForm(request.POST, request.FILES)
    if not form.is_valid():
        return _claim_page(request, the_claim, running, expense_form=form)
    data = form.cleaned_data

    def add() -> str:
        payments.expense_add(
            actor=request.user,
            claim=the_claim,
            what=data["what"],
            amount=data["amount"],
            receipt=data["receipt"],
            submission_id=data["submission_id"],
        )
        return _("The expense is added.")

    change_told(request, add)
    return redirect("collaborative:claim", claim_id=the_claim.pk)


def _claim_decided(request: AuthenticatedHttpRequest, the_claim: Claim, decide: Callable[[], str]) -> HttpResponse:
    if change_told(request, decide):
        return redirect("collaborative:payments", slug=the_claim.body.slug)
    return redirect("collaborative:claim", claim_id=the_claim.pk)


@require_POST
@role_required()
def claim_approve(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    the_claim, running = access_claim_for(request.user, claim_id)
    form = ApproveForm(request.POST, prefix="approve")
    if not running:
        raise PermissionDenied  # the member claiming cannot approve their own claim
    if not form.is_valid():
        return _claim_page(request, the_claim, running)

    def decide() -> str:
        agreed = form.cleaned_data["over_limit_agreed"]
        payments.claim_approve(actor=request.user, claim=the_claim, over_limit_agreed=agreed)
        return _("The claim is approved.")

    return _claim_decided(request, the_claim, decide)


@require_POST
@role_required()
def claim_reject(request: AuthenticatedHttpRequest, claim_id: int) -> HttpResponse:
    the_claim, running = access_claim_for(request.user, claim_id)
    if not running:
        raise PermissionDenied
    form = ReasonForm(request.POST, label=_("Why not?"), prefix="reject")
    if not form.is_valid():
        return _claim_page(request, the_claim, running, reject_form=form)

    def decide() -> str:
        payments.claim_reject(actor=request.user, claim=the_claim, reason=form.cleaned_data["reason"])
        return _("The claim is not approved, and the reason is kept.")

    return _claim_decided(request, the_claim, decide)


@require_GET
@role_required()
def receipt(request: AuthenticatedHttpRequest, expense_id: int) -> HttpResponse:
    expense = access_receipt_for(request.user, expense_id)
    response = HttpResponse(file_read(expense.receipt_file), content_type=expense.receipt_type)
    response["Content-Disposition"] = f'attachment; filename="receipt-{expense.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@role_required()
def my_payments(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    start = yearly_limit.tax_year_chosen(request.GET.get("year", ""), today)
    statement = access_own_statement_for(request.user, start)
    years = yearly_limit.tax_years_to_choose(today)
    return render(request, "collaborative/my_payments.html", {"statement": statement, "start": start, "years": years})
