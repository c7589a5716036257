"""Rounds of evaluation: who runs a body starts them, invites and publishes; anyone reads published
results."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.access import body_run_by
from livingwell.collaborative.selectors import body_or_404
from livingwell.collaborative.views.common import _form_page
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.voice import access, selectors, services
from livingwell.voice.forms import ContributorForm, QuoteForm, RoundForm


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def body_rounds(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body, rounds, audits = access.body_evaluation_run_by(request.user, slug)
    return render(request, "voice/body_rounds.html", {"body": body, "rounds": rounds, "audits": audits})


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def round_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body = body_run_by(request.user, slug)
    form = RoundForm(posted(request), initial=fresh_token())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            the_round = services.round_create(
                actor=request.user,
                body=body,
                kind=data["kind"],
                title=data["title"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                submission_id=data["submission_id"],
            )
        except Refused as refused:
            form.add_error("closes_on", str(refused))
        else:
            messages.success(request, _("The round is made. Invite the members when you are ready."))
            return redirect("voice:round", round_id=the_round.pk)
    back = reverse("voice:body_rounds", args=[body.slug])
    return _form_page(request, form, body.name, _("Start a round of evaluation"), back, _("Make the round"))


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def round_page(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    view = access.access_round_running_for(request.user, round_id)
    return render(request, "voice/round.html", {"view": view, "round": view.round, "body": view.round.body})


def invite(request: AuthenticatedHttpRequest, asked: services.Asked) -> None:
    """Invite the members of a round's or an audit's body, and say how many (or why not)."""

    def send() -> str:
        count = services.invitations_send(actor=request.user, asked=asked)
        return _("%(count)s invited. Members without an email address need the link another way.") % {"count": count}

    change_told(request, send)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def round_invite(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    the_round = access.round_run_by(request.user, round_id)
    invite(request, the_round)
    return redirect("voice:round", round_id=the_round.pk)


def contributor_page(request: AuthenticatedHttpRequest, asked: services.Asked, back: str) -> HttpResponse:
    """Invite a contributor who is not a member to a round or an audit."""
    form = ContributorForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contributor_add(actor=request.user, asked=asked, name=data["name"], email=data["email"])
        except Refused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": data["name"]})
            return redirect(back)
    return _form_page(request, form, str(asked), _("Invite a contributor"), back, _("Invite them"))


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def contributor_add(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    the_round = access.round_run_by(request.user, round_id)
    return contributor_page(request, the_round, reverse("voice:round", args=[the_round.pk]))


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def round_publish(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    the_round = access.round_run_by(request.user, round_id)

    def publish() -> str:
        services.round_publish(actor=request.user, the_round=the_round)
        return _("The results are published.")

    change_told(request, publish)
    return redirect("voice:round", round_id=the_round.pk)


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def quote(request: AuthenticatedHttpRequest, answer_id: str) -> HttpResponse:
    answer = access.answer_run_by(request.user, answer_id)
    form = QuoteForm(request.POST)
    left_out = form.is_valid() and form.cleaned_data["left_out"]

    def leave_out() -> str:
        services.quote_leave_out(actor=request.user, answer=answer, left_out=left_out)
        return _("The quote is left out of the results.") if left_out else _("The quote is back in the results.")

    change_told(request, leave_out)
    return redirect("voice:round", round_id=answer.round_id)


@require_GET
def results(request: HttpRequest, round_id: int) -> HttpResponse:
    view = access.results_for(request.user, round_id)  # type: ignore[arg-type]
    return render(request, "voice/results.html", {"view": view, "round": view.round, "body": view.round.body})


@require_GET
def body_results(request: HttpRequest, slug: str) -> HttpResponse:
    body = body_or_404(slug)
    return render(
        request,
        "voice/body_results.html",
        {
            "body": body,
            "rounds": selectors.body_rounds_published(body),
            "audits": selectors.body_audits_published(body),
        },
    )
