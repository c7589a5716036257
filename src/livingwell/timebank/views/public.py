"""The time bank's public pages: what it is, the offers and requests without names, the code of conduct,
and asking to join."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.core.forms import fresh_token, posted
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.timebank import access, selectors, services
from livingwell.timebank.forms import AskForm, AskToJoinForm, SearchForm
from livingwell.timebank.views.common import time_bank_words_read


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    search = SearchForm(request.GET)
    criteria = search.criteria()
    page = selectors.listings_search(**criteria, page_number=request.GET.get("page", 1))
    member = access.active_member_for(request.user)  # type: ignore[arg-type]
    return render(
        request,
        "timebank/home.html",
        {
            "bank": selectors.bank(),
            "search": search,
            "page": page,
            "searched": any(criteria.values()),
            "member": member,
            "coordinates": selectors.coordinates(request.user),  # type: ignore[arg-type]
        },
    )


@require_GET
def conduct(request: HttpRequest) -> HttpResponse:
    return render(request, "timebank/conduct.html", {"bank": selectors.bank()})


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    """Someone without an account asks to join; a signed-in user joins on their own page."""
    if request.user.is_authenticated:
        return redirect("timebank:member_join")
    form = AskToJoinForm(posted(request), initial=fresh_token())
    if request.method == "POST":
        time_bank_words_read(
            request,
            texts=[form.data.get("about", "")],
            name=form.data.get("name", ""),
            contact=form.data.get("email", ""),
            key="join",
        )
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "timebank-join"):
            return limited_response(request)
        data = form.cleaned_data
        services.member_ask(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            area=data["area"],
            about=data["about"],
            submission_id=data["submission_id"],
            written_in=get_language(),
        )
        return redirect("timebank:asked")
    return render(request, "timebank/join.html", {"form": form, "bank": selectors.bank(), "asking": True})


@require_GET
def asked(request: HttpRequest) -> HttpResponse:
    return render(request, "timebank/asked.html", {"bank": selectors.bank()})


@require_GET
def listing(request: HttpRequest, listing_id: str) -> HttpResponse:
    view = access.access_listing_for(request.user, listing_id)  # type: ignore[arg-type]
    return render(
        request,
        "timebank/listing.html",
        {"view": view, "listing": view.listing, "form": AskForm(initial=fresh_token()), "bank": selectors.bank()},
    )
