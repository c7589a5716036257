"""The front door: anyone can introduce themselves, or someone who has agreed, with no account."""

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import DUTY_ROLES, HUB_MANAGER_ROLES, Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.client_ip import source_key
from livingwell.core.forms import posted
from livingwell.core.outcomes import Big3Outcome
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.core.sealed import seal, unseal
from livingwell.core.tasks import urgent_alerts_unsent
from livingwell.frontdoor.access import (
    access_duty_queue_page_for,
    access_introduction_for,
    access_introduction_granted_to,
    access_own_introduction_for,
    access_possible_matches_for,
    access_waiting_figures_for,
)
from livingwell.frontdoor.forms import LinkForm, RecordRequestForm, SendForm
from livingwell.frontdoor.hub_forms import ContactAttemptForm, FirstConversationForm
from livingwell.frontdoor.journey import DONE_KEY, STEP_BY_SLUG, Journey, Step, summary_rows
from livingwell.frontdoor.models import ContactAttempt, Introduction
from livingwell.frontdoor.record_links import record_link_send, record_link_usable, record_link_use
from livingwell.frontdoor.services import (
    contact_attempt_record,
    first_conversation_record,
    introduction_claim,
    introduction_link,
    introduction_submit,
    introduction_unlink,
)
from livingwell.frontdoor.waiting import (
    first_call_overdue,
    first_contact_wait,
    first_conversation_wait,
    wait_in_words,
)
from livingwell.safety.access import open_flag_count_for
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import once_for


def _promises() -> dict[str, object]:
    """What the front door promises, from settings, for every page that says it."""
    return {
        "read_when": settings.LW_INTRODUCTIONS_READ,
        "first_call_days": settings.LW_FIRST_CALL_WORKING_DAYS,
        "conversation_days": settings.LW_FIRST_CONVERSATION_DAYS,
        "contact_phone": settings.LW_CONTACT_PHONE,
    }


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/start.html", _promises())


def expired(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/expired.html", _promises())


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
    else:
        form = page.form(initial=journey.answers.get(page.slug), for_self=journey.for_self)
    return _render_step(request, journey, page, form)


def _after(journey: Journey, page: Step, *, changing: bool) -> str:
    following = journey.first_unanswered() if changing else journey.next_step(page)
    if following is None:
        return reverse("frontdoor:check")
    return reverse("frontdoor:step", kwargs={"slug": following.slug})


def _render_step(request: HttpRequest, journey: Journey, page: Step, form: object) -> HttpResponse:
    steps = journey.steps()
    previous = steps[steps.index(page) - 1] if steps.index(page) > 0 else None
    return render(
        request,
        "frontdoor/step.html",
        {
            "page": page,
            "form": form,
            "previous": previous,
            "for_self": journey.for_self,
            "show_crisis": request.session.pop("frontdoor_show_crisis", False),
            "risk_categories": journey.risk_categories,
            "number": steps.index(page) + 1,
            "count": len(steps),
            **_promises(),
        },
    )


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
            **_promises(),
        },
        status=503 if save_failed else 200,
    )


def _submit(request: HttpRequest) -> HttpResponse:
    send = SendForm(request.POST)
    if not send.is_valid():
        return redirect("frontdoor:expired")
    token = str(send.cleaned_data["token"])
    already = Introduction.objects.filter(submission_token=token).first()
    if already is not None:  # sent twice: the first one stands
        return _done_redirect(request, already)
    journey = Journey.current(request.session)
    if journey is None or journey.token != token or journey.first_unanswered() is not None:
        return redirect("frontdoor:expired")
    # A flood from one source must not bury real urgent cases; an urgent introduction is never refused.
    if over_limit(request, "introduce", settings.LW_RATE_INTRODUCTIONS) and not journey.urgent_phrases:
        return limited_response(request, answers_kept=True)
    try:
        submitted = introduction_submit(
            token=token, answers=journey.merged(), equality=journey.equality(), source=source_key(request)
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
    return render(request, "frontdoor/done.html", {"submitted": submitted, **_promises()})


# A person seeing what was recorded -------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def record_request(request: HttpRequest) -> HttpResponse:
    form = RecordRequestForm(posted(request))
    if request.method == "POST":
        # People type what worries them into any box: read it before the form is checked.
        texts = [form.data.get("reference", ""), form.data.get("contact", "")]
        words_read(
            request,
            texts=texts,
            where=RiskFlag.Where.RECORD_REQUEST,
            writer_contact=texts[1],
            once=once_for(RiskFlag.Where.RECORD_REQUEST, *texts),
        )
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "record_request"):
            return limited_response(request)
        record_link_send(reference=form.cleaned_data["reference"], contact=form.cleaned_data["contact"])
        return redirect("frontdoor:record_sent")
    return render(request, "frontdoor/record_request.html", {"form": form, **_promises()})


@require_GET
def record_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/record_sent.html", {"hours": settings.LW_RECORD_LINK_HOURS, **_promises()})


@never_cache
@require_http_methods(["GET", "POST"])
def record_open(request: HttpRequest) -> HttpResponse:
    """Opening a one-time link takes a button press, so that an email scanner fetching the link cannot spend it."""
    token = (request.POST if request.method == "POST" else request.GET).get("link", "")[:500]
    if request.method == "POST" and record_link_use(token=token, session=request.session):
        return redirect("frontdoor:record")
    usable = request.method == "GET" and record_link_usable(token)
    return render(
        request, "frontdoor/record_open.html", {"token": token, "usable": usable}, status=200 if usable else 410
    )


@never_cache
@require_GET
def record(request: HttpRequest) -> HttpResponse:
    introduction = access_introduction_granted_to(request.session)
    if introduction is None:
        messages.info(request, _("The time to see your record has ended. Ask for a new link."))
        return redirect("frontdoor:record_request")
    return _record_page(request, introduction)


def _record_page(request: HttpRequest, introduction: Introduction) -> HttpResponse:
    """Everything recorded about an introduction, for the person it is about, in their words."""
    prefetch_related_objects([introduction], "contact_attempts")
    return render(
        request,
        "frontdoor/record.html",
        {
            "introduction": introduction,
            "you": True,
            "would_help": _would_help(introduction),
            "attempts": introduction.contact_attempts.all(),
            "conversation": getattr(introduction, "first_conversation", None),
            "routed_services": introduction.services.order_by("name"),
            "episode_changes": _episode_changes(introduction),
            "equality": getattr(introduction, "equality", None),
            **_promises(),
        },
    )


def _would_help(introduction: Introduction) -> list[str]:
    return [str(Big3Outcome(code).label) for code in introduction.would_help if code in Big3Outcome]


def _episode_changes(introduction: Introduction) -> QuerySet[Any]:
    """What support made of it (``support.EpisodeChange``, above the front door): read by its relation."""
    return introduction.episode_changes.select_related("episode", "guide__guide_profile")


# The Hub's side --------------------------------------------------------------------------------------


@require_GET
@role_required(*DUTY_ROLES)
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = access_duty_queue_page_for(request.user, request.GET.get("page"))
    now = timezone.now()
    rows = [(introduction, first_call_overdue(introduction.created_at, now)) for introduction in page]
    context = {"page": page, "rows": rows, "flags": open_flag_count_for(request.user), "unsent": urgent_alerts_unsent()}
    return render(request, "frontdoor/queue.html", {**context, **_promises()})


@require_GET
@role_required(*DUTY_ROLES)
def introduction_detail(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    # Read once here; the page and the waiting clock both use them.
    prefetch_related_objects(
        [introduction], Prefetch("contact_attempts", ContactAttempt.objects.select_related("recorded_by"))
    )
    return render(
        request,
        "frontdoor/introduction_detail.html",
        {
            "introduction": introduction,
            "overdue": introduction.status == Introduction.Status.NEW and first_call_overdue(introduction.created_at),
            "would_help": _would_help(introduction),
            "attempts": introduction.contact_attempts.all(),
            "conversation": getattr(introduction, "first_conversation", None),
            "contact_wait": wait_in_words(first_contact_wait(introduction)),
            "conversation_wait": wait_in_words(first_conversation_wait(introduction)),
            "routed_services": introduction.services.order_by("name"),
            "matches": access_possible_matches_for(request.user, introduction),
            "episode_changes": _episode_changes(introduction),
        },
    )


@require_POST
@role_required(*DUTY_ROLES)
def link(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    link_form = LinkForm(request.POST)
    chosen = link_form.cleaned_data["match"] if link_form.is_valid() else ""
    match = next((m for m in access_possible_matches_for(request.user, introduction) if m.key == chosen), None)
    if introduction.person_id is not None:
        messages.success(request, _("This introduction is linked to someone already known."))
    elif match is None:
        messages.warning(request, _("That is no longer a possible match, so nothing was linked."))
    else:
        introduction_link(actor=request.user, introduction=introduction, match=match)
        messages.success(request, _("Linked. Their earlier support carries on from here."))
    return redirect("frontdoor:introduction", introduction_id=introduction.pk)


def _hub_form_page(
    request: AuthenticatedHttpRequest, introduction: Introduction, template: str, form: object, **context: object
) -> HttpResponse:
    return render(request, f"frontdoor/{template}", {"introduction": introduction, "form": form, **context})


@require_http_methods(["GET", "POST"])
@role_required(*DUTY_ROLES)
def contact_attempt(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    form = ContactAttemptForm(posted(request), introduction=introduction)
    if request.method == "POST" and form.is_valid():
        contact_attempt_record(
            actor=request.user,
            introduction=introduction,
            outcome=form.cleaned_data["outcome"],
            attempted_at=form.when(),
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Contact attempt recorded."))
        return redirect("frontdoor:introduction", introduction_id=introduction.pk)
    return _hub_form_page(request, introduction, "contact_attempt.html", form)


@require_http_methods(["GET", "POST"])
@role_required(*DUTY_ROLES)
def first_conversation(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    existing = getattr(introduction, "first_conversation", None)
    initial = {"what_matters": introduction.what_matters, "strengths": introduction.good_at}
    if existing is not None:
        held = timezone.localtime(existing.held_at)
        initial = {
            "on": held.strftime("%d/%m/%Y"),
            "at": held.strftime("%H:%M"),
            "what_matters": existing.what_matters,
            "strengths": existing.strengths,
            "next_step": existing.next_step,
        }
    form = FirstConversationForm(posted(request), introduction=introduction, initial=initial)
    if request.method == "POST" and form.is_valid():
        first_conversation_record(
            actor=request.user,
            introduction=introduction,
            held_at=form.when(),
            what_matters=form.cleaned_data["what_matters"],
            strengths=form.cleaned_data["strengths"],
            next_step=form.cleaned_data["next_step"],
        )
        messages.success(request, _("First conversation recorded."))
        return redirect("frontdoor:introduction", introduction_id=introduction.pk)
    return _hub_form_page(request, introduction, "first_conversation.html", form)


@require_POST
@role_required(*DUTY_ROLES)
def unlink(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    if introduction_unlink(actor=request.user, introduction=introduction):
        messages.success(request, _("Unlinked. The person record already known is unchanged."))
    else:
        messages.warning(request, _("Nothing to unlink: it has been routed, or it was not linked."))
    return redirect("frontdoor:introduction", introduction_id=introduction.pk)


@require_POST
@role_required(*DUTY_ROLES)
def introduction_claim_view(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    introduction = access_introduction_for(request.user, introduction_id)
    if introduction_claim(actor=request.user, introduction=introduction):
        messages.success(request, _("You have taken this introduction."))
    else:
        messages.warning(
            request,
            _("%(name)s took this introduction first.") % {"name": introduction.claimed_by},
        )
    return redirect("frontdoor:introduction", introduction_id=introduction.pk)


@require_GET
@role_required(*HUB_MANAGER_ROLES)
def waiting(request: AuthenticatedHttpRequest) -> HttpResponse:
    figures = access_waiting_figures_for(request.user)
    return render(request, "frontdoor/waiting.html", {"figures": figures, **_promises()})


@require_GET
@role_required(Role.PERSON)
def my_introduction(request: AuthenticatedHttpRequest, introduction_id: uuid.UUID) -> HttpResponse:
    return _record_page(request, access_own_introduction_for(request.user, introduction_id))
