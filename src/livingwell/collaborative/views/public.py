"""The public face of every body: its page, meetings, calendars, the decisions register, and asking to join."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.collaborative import ical, selectors, services
from livingwell.collaborative.access import (
    runs,
)
from livingwell.collaborative.forms import (
    JoinForm,
)
from livingwell.collaborative.models import (
    Body,
    Decision,
    Member,
)
from livingwell.collaborative.rules import rule_in_words
from livingwell.core.forms import fresh_token, posted
from livingwell.core.page_links import page_links
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag


def _calendar(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "collaborative/index.html", {"bodies": selectors.bodies_public()})


@require_GET
def body(request: HttpRequest, slug: str) -> HttpResponse:
    view = selectors.body_public(slug)
    series = [(each, rule_in_words(each.rule)) for each in view.body.series.all()]
    return render(
        request,
        "collaborative/body.html",
        {
            "view": view,
            "series": series,
            "runs": runs(request.user, view.body),  # type: ignore[arg-type]
            "links": page_links("collaborative.body", view.body.slug),
        },
    )


@require_GET
def code_of_conduct(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "collaborative/code_of_conduct.html", {"body": selectors.body_or_404(slug)})


@require_GET
def body_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    body = selectors.body_or_404(slug)
    return _calendar(ical.calendar_for([body], body.name), f"{body.slug}.ics")


@require_GET
def member_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """A member's own feed, for calendar apps that cannot sign in: the secret is the address."""
    member = Member.objects.filter(feed_token=token).first() if len(token) <= 64 else None
    if member is None:
        raise Http404
    bodies = Body.objects.filter(memberships__member=member, memberships__left_on__isnull=True)
    return _calendar(ical.calendar_for(bodies, _("My co-production meetings")), "my-meetings.ics")


@require_GET
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    view = selectors.meeting_public(meeting_id)
    return render(
        request,
        "collaborative/meeting.html",
        {
            "view": view,
            "meeting": view.meeting,
            "runs": runs(request.user, view.meeting.body),  # type: ignore[arg-type]
        },
    )


@require_GET
def decisions(request: HttpRequest) -> HttpResponse:
    body_slug = request.GET.get("body", "")[:80]
    scope = request.GET.get("scope", "")[:10]
    page, bodies = selectors.decisions_register(body_slug=body_slug, scope=scope, page_number=request.GET.get("page"))
    return render(
        request,
        "collaborative/decisions.html",
        {"page": page, "bodies": bodies, "body_slug": body_slug, "scope": scope, "scopes": Decision.Scope.choices},
    )


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, slug: str) -> HttpResponse:
    body = selectors.body_or_404(slug)
    form = JoinForm(posted(request), body=body, initial=fresh_token())
    if not body.open_membership:
        # Appointed: say so, rather than a form that cannot be sent.
        return render(request, "collaborative/join_closed.html", {"body": body})
    if request.method == "POST":
        # Read before the form is checked: words of risk count even in a request that cannot be sent yet.
        words_read(
            request,
            texts=[form.data.get("why", ""), form.data.get("name", "")],
            where=RiskFlag.Where.JOIN_REQUEST,
            writer_name=form.data.get("name", ""),
            writer_contact=form.data.get("email", ""),
            once=f"join:{form.data.get('submission_id', '')}"[:100],
        )
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "join"):
            return limited_response(request)
        data = form.cleaned_data
        try:
            services.join_request_submit(
                body=body,
                constituency=data.get("constituency"),
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                why=data["why"],
                named_in_public=data["named_in_public"],
                submission_id=data["submission_id"],
                written_in=translation.get_language(),
            )
        except services.Refused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("collaborative:join_sent", slug=body.slug)
    return render(request, "collaborative/join.html", {"body": body, "form": form})


@require_GET
def join_sent(request: HttpRequest, slug: str) -> HttpResponse:
    return render(request, "collaborative/join_sent.html", {"body": selectors.body_or_404(slug)})
