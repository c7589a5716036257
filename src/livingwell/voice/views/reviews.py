"""The six-monthly review's written report: drafted and edited together, its recommendations carried into the
body's meetings, published once approved at a meeting."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.collaborative.access import runs
from livingwell.core.forms import fresh_token
from livingwell.core.refusals import change_told
from livingwell.voice import reviews
from livingwell.voice.forms import RecommendationForm, ReviewApproveForm, ReviewTextForm
from livingwell.voice.models import ReviewReport


def _page(request: HttpRequest, round_id: int, **forms: object) -> HttpResponse:
    report, the_round, editor = reviews.review_for(request.user, round_id)  # type: ignore[arg-type]
    draft = report is None or report.published_at is None
    context: dict[str, object] = {
        "report": report,
        "round": the_round,
        "body": the_round.body,
        "recommendations": reviews.recommendations(report),
        "text_form": forms.get("text_form") or ReviewTextForm(initial={"text": report.text if report else ""}),
        "recommendation_form": forms.get("recommendation_form") or RecommendationForm(initial=fresh_token()),
        "approve_form": forms.get("approve_form")
        or ReviewApproveForm(decisions=reviews.decisions_to_approve_with(the_round.body)),
        "edits": editor and draft,
        "approves": draft and runs(request.user, the_round.body),  # type: ignore[arg-type]
        "form": next(iter(forms.values()), None),
    }
    return render(request, "voice/review.html", context, status=400 if forms else 200)


@require_GET
def review(request: HttpRequest, round_id: int) -> HttpResponse:
    return _page(request, round_id)


def _edited(request: AuthenticatedHttpRequest, round_id: int) -> ReviewReport:
    return reviews.review_edited_by(request.user, round_id)


@require_POST
@role_required()
def review_save(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    report = _edited(request, round_id)
    form = ReviewTextForm(request.POST)
    if not form.is_valid():
        return _page(request, round_id, text_form=form)

    def save() -> str:
        reviews.review_save(actor=request.user, report=report, text=form.cleaned_data["text"])
        return _("The report is saved.")

    change_told(request, save)
    return redirect("voice:review", round_id=round_id)


@require_POST
@role_required()
def recommendation_add(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    report = _edited(request, round_id)
    form = RecommendationForm(request.POST)
    if not form.is_valid():
        return _page(request, round_id, recommendation_form=form)

    def add() -> str:
        data = form.cleaned_data
        reviews.recommendation_add(
            actor=request.user, report=report, text=data["text"], submission_id=data["submission_id"]
        )
        return _("The recommendation is added. When a meeting approves the report, it becomes one of its actions.")

    change_told(request, add)
    return redirect("voice:review", round_id=round_id)


@require_POST
@role_required()
def review_publish(request: AuthenticatedHttpRequest, round_id: int) -> HttpResponse:
    report = _edited(request, round_id)
    if not runs(request.user, report.round.body):
        messages.error(request, _("Only who runs the group records its approval."))
        return redirect("voice:review", round_id=round_id)
    form = ReviewApproveForm(request.POST, decisions=reviews.decisions_to_approve_with(report.round.body))
    if not form.is_valid():
        return _page(request, round_id, approve_form=form)

    def publish() -> str:
        reviews.review_publish(actor=request.user, report=report, decision=form.cleaned_data["decision"])
        return _("The report is published, as the meeting approved it.")

    change_told(request, publish)
    return redirect("voice:review", round_id=round_id)
