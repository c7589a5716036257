"""The front door: anyone can introduce themselves, or someone who has agreed, with no account."""

from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from livingwell.core.client_ip import source_key
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.core.sealed import seal, unseal
from livingwell.frontdoor.forms import SendForm, StepForm
from livingwell.frontdoor.journey import DONE_KEY, STEP_BY_SLUG, Journey, Step, summary_rows
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.promises import promises
from livingwell.frontdoor.services import (
    introduction_submit,
)
from livingwell.frontdoor.shells import shell_render


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/start.html", promises())


def expired(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/expired.html", promises())


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    page = STEP_BY_SLUG.get(slug)
    if page is None:
        raise Http404
    journey = Journey.current(request.session)
    if journey is None:
        if request.method == "POST" or page is not STEP_BY_SLUG["who"]:
            return redirect("frontdoor:expired")  # the answers so far have gone; say so
        journey = Journey.start(request.session)
    if page not in journey.steps():
        return redirect("frontdoor:step", slug=journey.steps()[0].slug)
    changing = request.GET.get("change") == "1"
    if request.method == "POST":
        form = page.form(request.POST, for_self=journey.for_self)
        if form.is_valid():
            if journey.answer(page, form.cleaned_data):
                request.session["frontdoor_show_crisis"] = True
            return redirect(_after(journey, page, changing=changing))
        return _render_step(request, journey, page, form)
    answered = journey.answers.get(page.slug)
    # A blank form is made only if the page is rendered: a kept page already has it.
    return _render_step(
        request, journey, page, page.form(initial=answered, for_self=journey.for_self) if answered else None
    )


def _after(journey: Journey, page: Step, *, changing: bool) -> str:
    following = journey.first_unanswered() if changing else journey.next_step(page)
    if following is None:
        return reverse("frontdoor:check")
    return reverse("frontdoor:step", kwargs={"slug": following.slug})


def _render_step(request: HttpRequest, journey: Journey, page: Step, form: StepForm | None) -> HttpResponse:
    """The question page with ``form``, or with a blank one (``None``), which is made only if it is rendered."""
    steps = journey.steps()
    previous = steps[steps.index(page) - 1] if steps.index(page) > 0 else None
    context = {
        "page": page,
        "previous": previous,
        "for_self": journey.for_self,
        "show_crisis": request.session.pop("frontdoor_show_crisis", False),
        "risk_categories": journey.risk_categories,
        "number": steps.index(page) + 1,
        "count": len(steps),
        **promises(),
    }

    def with_blank_form() -> dict[str, Any]:
        return {**context, "form": page.form(for_self=journey.for_self)}

    if form is not None:
        return render(request, "frontdoor/step.html", {**context, "form": form})
    if context["show_crisis"] or journey.risk_categories:
        return render(request, "frontdoor/step.html", with_blank_form())
    # Nothing typed or answered on this page, and no crisis routes to show: the same page for everyone who
    # reaches it the same way.
    same_for = (
        page.slug,
        journey.for_self,
        previous.slug if previous else "",
        context["number"],
        len(steps),
        promises(),
    )
    return shell_render(request, "frontdoor/step.html", with_blank_form, same_for)


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _submit(request)
    journey = Journey.current(request.session)
    if journey is None:
        return redirect("frontdoor:expired")
    missing = journey.first_unanswered()
    if missing is not None:
        return redirect("frontdoor:step", slug=missing.slug)
    return _render_check(request, journey)


def _render_check(request: HttpRequest, journey: Journey, *, save_failed: bool = False) -> HttpResponse:
    return render(
        request,
        "frontdoor/check.html",
        {
            "journey": journey,
            "rows": summary_rows(journey),
            "save_failed": save_failed,
            "show_crisis": bool(journey.urgent_phrases) or request.session.pop("frontdoor_show_crisis", False),
            "risk_categories": journey.risk_categories,
            **promises(),
        },
        status=503 if save_failed else 200,
    )


def _submit(request: HttpRequest) -> HttpResponse:
    send = SendForm(request.POST)
    if not send.is_valid():
        return redirect("frontdoor:expired")
    token = str(send.cleaned_data["token"])
    journey = Journey.current(request.session)
    if journey is None or journey.token != token or journey.first_unanswered() is not None:
        already = Introduction.objects.filter(submission_token=token).first()
        if already is not None:  # sent twice (the answers went with the first): the first one stands
            return _done_redirect(request, already)
        return redirect("frontdoor:expired")
    # A flood from one source must not bury real urgent cases; an urgent introduction is never refused.
    if over_limit(request, "introduce", settings.LW_RATE_INTRODUCTIONS) and not journey.urgent_phrases:
        return limited_response(request, answers_kept=True)
    try:  # sent twice at once, both with the answers: the first one stands, here too
        submitted = introduction_submit(
            token=token,
            answers=journey.merged(),
            equality=journey.equality(),
            source=source_key(request),
            written_in=get_language(),
        )
    except DatabaseError:
        # Nothing was saved and nothing was sent; the answers are still here to try again.
        return _render_check(request, journey, save_failed=True)
    journey.end()
    return _done_redirect(request, submitted.introduction)


def _done_redirect(request: HttpRequest, introduction: Introduction) -> HttpResponse:
    # The confirmation page needs only these, so it reads nothing back from the record.
    request.session[DONE_KEY] = seal(
        {
            "reference": introduction.reference,
            "emailed": bool(introduction.email),
            "urgent": introduction.is_urgent,
            "risk_categories": introduction.risk_categories,
        }
    )
    return redirect("frontdoor:done")


def done(request: HttpRequest) -> HttpResponse:
    submitted = unseal(request.session.get(DONE_KEY))
    if not isinstance(submitted, dict):
        return redirect("frontdoor:start")

    def context(reference: str) -> dict[str, Any]:
        return {"submitted": {**submitted, "reference": reference}, **promises()}

    if submitted.get("urgent"):  # the crisis routes for what they wrote: rendered afresh, as a question page's
        return render(request, "frontdoor/done.html", context(submitted["reference"]))
    # Otherwise the same page for everyone who sent one, but for its reference.
    same_for = (bool(submitted.get("emailed")), promises())
    return shell_render(request, "frontdoor/done.html", context, same_for, own={"reference": submitted["reference"]})
