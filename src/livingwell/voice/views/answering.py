"""Answering a round, or scoring an audit, by the link in the invitation: no account is needed. The link is
kept in the browser's session, so no secret stays in the address."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.core.forms import posted
from livingwell.core.refusals import Refused
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for
from livingwell.voice import selectors, services
from livingwell.voice.forms import AnswerForm, ScoringForm
from livingwell.voice.invitations import about, invitation_of_link, invitation_to_answer
from livingwell.voice.models import Audit, Invitation

SESSION_KEY = "voice_invitation"


@require_GET
def answer_open(request: HttpRequest) -> HttpResponse:
    """The link from the email: remembered for this browser, then the page to answer, with no secret in its
    address."""
    invitation_id = invitation_of_link(request.GET.get("link", "")[:500])
    if invitation_id is None:
        return render(request, "voice/link_broken.html", status=410)
    request.session[SESSION_KEY] = invitation_id
    return redirect("voice:answer")


def _words_read(request: HttpRequest, invitation: Invitation, texts: list[str]) -> None:
    """Words of risk are read before anything else, even in an answer that cannot be sent yet. The duty team
    is told who wrote them, so that someone can reach out: the one exception to anonymity."""
    words_read(
        request,
        texts=texts,
        where=RiskFlag.Where.EVALUATION,
        writer_name=invitation.invitee_name,
        writer_contact=invitation.address,
        once=once_for(RiskFlag.Where.EVALUATION, str(invitation.pk), *texts),
    )


def _closed(request: HttpRequest, invitation: Invitation, asked: object) -> HttpResponse:
    return render(
        request,
        "voice/answer_closed.html",
        {
            "round": asked,
            "body": asked.body,  # type: ignore[attr-defined]
            "invitation": invitation,
            "today": timezone.localdate(),
            "scoring": isinstance(asked, Audit),
        },
    )


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest) -> HttpResponse:
    invitation = invitation_to_answer(request.session.get(SESSION_KEY, ""))
    if invitation is None:
        return render(request, "voice/link_broken.html", status=410)
    asked = about(invitation)
    scoring = isinstance(asked, Audit)
    form: AnswerForm | ScoringForm = (
        ScoringForm(posted(request), principles=selectors.principles()) if scoring else AnswerForm(posted(request))
    )
    if request.method == "POST":
        texts = [value for name, value in form.data.items() if name.startswith(("why", "move_up", "evidence_"))]
        _words_read(request, invitation, texts)
    if request.method == "POST" and form.is_valid():
        try:
            if isinstance(form, ScoringForm):
                services.scores_give(invitation_id=str(invitation.pk), scores=form.scores())
            else:
                data = form.cleaned_data
                services.answer_give(
                    invitation_id=str(invitation.pk),
                    rung=data["rung"],
                    why=data["why"],
                    move_up=data["move_up"],
                    may_quote=data["may_quote"],
                )
        except Refused as refused:
            messages.error(request, str(refused))
            return _closed(request, invitation, asked)
        request.session.pop(SESSION_KEY, None)
        return redirect("voice:answer_thanks")
    if invitation.answered or not selectors.is_open(asked, timezone.localdate()):
        return _closed(request, invitation, asked)
    template = "voice/score.html" if scoring else "voice/answer.html"
    return render(request, template, {"form": form, "round": asked, "body": asked.body})


@require_GET
def answer_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "voice/answer_thanks.html")
