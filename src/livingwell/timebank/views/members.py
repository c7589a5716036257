"""A member's pages: joining with an account, their own hours, adding an offer or request, asking about one,
and each exchange from asking to confirmed hours."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.timebank import access, selectors, services
from livingwell.timebank.forms import AnswerForm, AskForm, HoursForm, JoinForm, ListingForm
from livingwell.timebank.models import Exchange, Member
from livingwell.timebank.views.common import member_words_read, time_bank_words_read


def _member_or_join(request: AuthenticatedHttpRequest) -> Member | None:
    return access.active_member_for(request.user)


@role_required()
@require_http_methods(["GET", "POST"])
def member_join(request: AuthenticatedHttpRequest) -> HttpResponse:
    if access.active_member_for(request.user) is not None:
        return redirect("timebank:mine")
    user = request.user
    form = JoinForm(posted(request), initial={**fresh_token(), "name": user.first_name})
    if request.method == "POST":
        time_bank_words_read(
            request, texts=[form.data.get("about", "")], name=user.get_full_name() or user.username,
            contact=user.email, key=f"join:{user.pk}",
        )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.member_join(
            user=user,
            name=data["name"],
            phone=data["phone"],
            area=data["area"],
            about=data["about"],
            submission_id=data["submission_id"],
            written_in=get_language(),
        )
        messages.success(request, _("Welcome to the time bank. The coordinator will be in touch to say hello."))
        return redirect("timebank:mine")
    return render(request, "timebank/join.html", {"form": form, "bank": selectors.bank(), "asking": False})


@role_required()
@require_GET
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    own = access.access_own_time_for(request.user, request.GET.get("page", 1))
    if own is None:
        return redirect("timebank:member_join")
    return render(request, "timebank/mine.html", {"own": own, "bank": selectors.bank()})


@role_required()
@require_http_methods(["GET", "POST"])
def leave(request: AuthenticatedHttpRequest) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("timebank:member_join")
    if request.method == "POST":
        services.member_leave(member=member)
        messages.success(request, _("You have left the time bank. Your hours stay on record if you come back."))
        return redirect("timebank:home")
    return render(request, "timebank/leave.html", {"member": member})


@role_required()
@require_http_methods(["GET", "POST"])
def listing_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("timebank:member_join")
    initial = {**fresh_token(), "kind": request.GET.get("kind", ""), "area": member.area_id}
    form = ListingForm(posted(request), initial=initial)
    if request.method == "POST":
        member_words_read(request, member, [form.data.get("title", ""), form.data.get("description", "")])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            listing = services.listing_add(member=member, **data)
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("“%(title)s” is up. Anyone can see it; only members see who added it.") % {"title": listing.title},
            )
            return redirect("timebank:mine")
    return render(request, "timebank/listing_new.html", {"form": form})


@role_required()
@require_POST
def listing_close(request: AuthenticatedHttpRequest, listing_id: str) -> HttpResponse:
    member, listing = access.access_own_listing_for(request.user, listing_id)
    change_told(request, lambda: services.listing_close(member=member, listing=listing))
    return redirect("timebank:mine")


@role_required()
@require_POST
def ask(request: AuthenticatedHttpRequest, listing_id: str) -> HttpResponse:
    member = _member_or_join(request)
    if member is None:
        return redirect("timebank:member_join")
    view = access.access_listing_for(request.user, listing_id)
    form = AskForm(request.POST)
    member_words_read(request, member, [form.data.get("message", "")])
    if form.is_valid():
        try:
            exchange = services.exchange_ask(
                member=member,
                listing=view.listing,
                message=form.cleaned_data["message"],
                submission_id=form.cleaned_data["submission_id"],
            )
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Sent. %(name)s will answer.") % {"name": exchange.other_side(member).name})
            return redirect("timebank:exchange", exchange.pk)
    return render(
        request, "timebank/listing.html",
        {"view": view, "listing": view.listing, "form": form, "bank": selectors.bank()},
    )  # fmt: skip


def _exchange_page(
    request: AuthenticatedHttpRequest, view: access.ExchangeView, hours: HoursForm | None = None
) -> HttpResponse:
    return render(
        request,
        "timebank/exchange.html",
        {"view": view, "exchange": view.exchange, "hours": hours or HoursForm(), "bank": selectors.bank()},
    )


@role_required()
@require_GET
def exchange(request: AuthenticatedHttpRequest, exchange_id: str) -> HttpResponse:
    return _exchange_page(request, access.access_exchange_for(request.user, exchange_id))


def _own_exchange(request: AuthenticatedHttpRequest, exchange_id: str) -> tuple[Member, access.ExchangeView]:
    """An exchange the signed-in member is in: only they change it."""
    view = access.access_exchange_for(request.user, exchange_id)
    if view.member is None:
        raise PermissionDenied
    return view.member, view


def _exchange_change(
    request: AuthenticatedHttpRequest, exchange_id: str, change: Callable[[Member, Exchange], str]
) -> HttpResponse:
    member, view = _own_exchange(request, exchange_id)
    change_told(request, lambda: change(member, view.exchange))
    return redirect("timebank:exchange", exchange_id)


@role_required()
@require_POST
def exchange_answer(request: AuthenticatedHttpRequest, exchange_id: str) -> HttpResponse:
    form = AnswerForm(request.POST)
    agree = form.is_valid() and form.cleaned_data["answer"] == "yes"
    return _exchange_change(
        request,
        exchange_id,
        lambda member, exchange: services.exchange_answer(member=member, exchange=exchange, agree=agree),
    )


@role_required()
@require_POST
def exchange_withdraw(request: AuthenticatedHttpRequest, exchange_id: str) -> HttpResponse:
    return _exchange_change(
        request, exchange_id, lambda member, exchange: services.exchange_withdraw(member=member, exchange=exchange)
    )


@role_required()
@require_POST
def hours_record(request: AuthenticatedHttpRequest, exchange_id: str) -> HttpResponse:
    member, view = _own_exchange(request, exchange_id)
    form = HoursForm(request.POST)
    member_words_read(request, member, [form.data.get("note", "")])
    if form.is_valid():
        data = form.cleaned_data
        try:
            done = services.hours_record(
                member=member, exchange=view.exchange, minutes=data["hours"], note=data["note"]
            )
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, done)
            return redirect("timebank:exchange", exchange_id)
    return _exchange_page(request, view, form)


@role_required()
@require_POST
def hours_confirm(request: AuthenticatedHttpRequest, exchange_id: str) -> HttpResponse:
    return _exchange_change(
        request, exchange_id, lambda member, exchange: services.hours_confirm(member=member, exchange=exchange)
    )


@role_required()
@require_POST
def exchange_connect(request: AuthenticatedHttpRequest, exchange_id: str) -> HttpResponse:
    return _exchange_change(
        request,
        exchange_id,
        lambda member, exchange: services.connection_to_plan(user=request.user, member=member, exchange=exchange),
    )
