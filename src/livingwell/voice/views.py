"""Evaluation's pages: who runs a body starts rounds, invites and publishes; invited people answer by their
link; anyone reads published results."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import BODY_RUNNING_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.selectors import body_or_404
from livingwell.collaborative.views.common import _form_page
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.voice import access, selectors, services
from livingwell.voice.forms import AnswerForm, ContributorForm, QuoteForm, RoundForm
from livingwell.voice.invitations import invitation_of_link, invitation_to_answer

SESSION_KEY = "voice_invitation"


@require_GET
@role_required(*BODY_RUNNING_ROLES)
def body_rounds(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body, rounds = access.body_rounds_run_by(request.user, slug)
    return render(request, "voice/body_rounds.html", {"body": body, "rounds": rounds})


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def round_new(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    body, _rounds = access.body_rounds_run_by(request.user, slug)
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


@require_POST
@role_required(*BODY_RUNNING_ROLES)
def round_invite(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    the_round = access.round_run_by(request.user, round_id)

    def invite() -> str:
        count = services.invitations_send(actor=request.user, the_round=the_round)
        return _("%(count)s invited. Members without an email address need the link another way.") % {"count": count}

    change_told(request, invite)
    return redirect("voice:round", round_id=the_round.pk)


@require_http_methods(["GET", "POST"])
@role_required(*BODY_RUNNING_ROLES)
def contributor_add(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    the_round = access.round_run_by(request.user, round_id)
    form = ContributorForm(posted(request))
    back = reverse("voice:round", args=[the_round.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.contributor_add(
                actor=request.user,
                the_round=the_round,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
            )
        except Refused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": form.cleaned_data["name"]})
            return redirect(back)
    return _form_page(request, form, str(the_round), _("Invite a contributor"), back, _("Invite them"))


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
    return render(request, "voice/body_results.html", {"body": body, "rounds": selectors.body_rounds_published(body)})


@require_GET
def answer_open(request: HttpRequest) -> HttpResponse:
    """The link from the email: remembered for this browser, then the page to answer, with no secret in its
    address."""
    invitation_id = invitation_of_link(request.GET.get("link", "")[:500])
    if invitation_id is None:
        return render(request, "voice/link_broken.html", status=410)
    request.session[SESSION_KEY] = invitation_id
    return redirect("voice:answer")


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest) -> HttpResponse:
    invitation = invitation_to_answer(request.session.get(SESSION_KEY, ""))
    if invitation is None:
        return render(request, "voice/link_broken.html", status=410)
    the_round = invitation.round
    form = AnswerForm(posted(request))
    if request.method == "POST":
        # Words of risk are read before anything else, even in an answer that cannot be sent yet. The duty
        # team is told who wrote them, so that someone can reach out: the one exception to anonymity.
        words_read(
            request,
            texts=[form.data.get("why", ""), form.data.get("move_up", "")],
            where=RiskFlag.Where.EVALUATION,
            writer_name=invitation.member.name if invitation.member else invitation.name,
            writer_contact=invitation.member.email if invitation.member else invitation.email,
            once=once_for(RiskFlag.Where.EVALUATION, str(invitation.pk), form.data.get("why", "")),
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.answer_give(
                invitation_id=str(invitation.pk),
                rung=data["rung"],
                why=data["why"],
                move_up=data["move_up"],
                may_quote=data["may_quote"],
            )
        except Refused as refused:
            messages.error(request, str(refused))
            return render(
                request,
                "voice/answer_closed.html",
                {"round": the_round, "body": the_round.body, "today": timezone.localdate()},
            )
        request.session.pop(SESSION_KEY, None)
        return redirect("voice:answer_thanks", round_id=the_round.pk)
    if invitation.answered or not selectors.round_is_open(the_round, timezone.localdate()):
        return render(
            request,
            "voice/answer_closed.html",
            {"round": the_round, "body": the_round.body, "invitation": invitation, "today": timezone.localdate()},
        )
    return render(request, "voice/answer.html", {"form": form, "round": the_round, "body": the_round.body})


@require_GET
def answer_thanks(request: HttpRequest, round_id: int) -> HttpResponse:
    return render(request, "voice/answer_thanks.html", {"round_id": round_id})
