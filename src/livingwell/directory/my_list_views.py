"""'My list': save listings without an account, then print the list or email it to yourself."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue, parcel_keep, parcel_open
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.directory.forms import MyListEmailForm, MyListItemForm
from livingwell.directory.models import Service
from livingwell.directory.my_list import my_list_add, my_list_ids, my_list_mark_sent, my_list_remove
from livingwell.directory.schedules import schedule_in_words
from livingwell.directory.search import for_cards, location_summary


def _saved_services(request: HttpRequest) -> list[dict[str, object]]:
    return saved_services(my_list_ids(request.session))


def saved_services(ids: list[str]) -> list[dict[str, object]]:
    """The listings saved, in the order saved, with where, when and how to reach each: those still published."""
    services = {
        str(service.pk): service
        for service in for_cards(Service.objects.published().filter(pk__in=ids)).prefetch_related(
            "phones", "schedules", "service_at_locations__schedules"
        )
    }
    saved = []
    for service_id in ids:
        service = services.get(service_id)
        if service is None:
            continue
        schedules = list(service.schedules.all()) + [
            schedule for place in service.service_at_locations.all() for schedule in place.schedules.all()
        ]
        saved.append(
            {
                "service": service,
                "places": [location_summary(place.location) for place in service.service_at_locations.all()],
                "phones": [phone.number for phone in service.phones.all()],
                "opening_times": [schedule_in_words(schedule) for schedule in schedules],
            }
        )
    return saved


def _back(request: HttpRequest, fallback: str) -> str:
    candidate = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, require_https=request.is_secure()):
        return candidate
    return fallback


@require_safe
def my_list(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/my_list.html", {"saved": _saved_services(request)})


@require_POST
def my_list_add_view(request: HttpRequest) -> HttpResponse:
    form = MyListItemForm(request.POST)
    if form.is_valid() and Service.objects.published().filter(pk=form.cleaned_data["service_id"]).exists():
        if my_list_add(request.session, form.cleaned_data["service_id"]):
            messages.success(request, _("Added to your list."))
        else:
            messages.info(request, _("Your list is full. Take something off it first."))
    return redirect(_back(request, "directory:my_list"))


@require_POST
def my_list_remove_view(request: HttpRequest) -> HttpResponse:
    form = MyListItemForm(request.POST)
    if form.is_valid():
        my_list_remove(request.session, form.cleaned_data["service_id"])
        messages.success(request, _("Taken off your list."))
    return redirect(_back(request, "directory:my_list"))


@require_http_methods(["GET", "HEAD", "POST"])
def my_list_email(request: HttpRequest) -> HttpResponse:
    saved = _saved_services(request)
    if not saved:
        return redirect("directory:my_list")
    if request.method == "POST":
        form = MyListEmailForm(request.POST)
        if form.is_valid():
            if over_limit(request, "my_list_email"):
                return limited_response(request)
            if my_list_mark_sent(request.session, form.cleaned_data["submission_id"]):
                # The address is typed once and kept nowhere else: sealed until the list has been sent.
                # With the language they read it in, to write the email in (decision 0062).
                to, ids, language = form.cleaned_data["email"], my_list_ids(request.session), get_language()
                kept = parcel_keep({"to": to, "ids": ids, "language": language})
                message_enqueue(my_list_message, parcel_id=kept)
            messages.success(request, _("We have sent your list. It may take a few minutes to arrive."))
            return redirect("directory:my_list")
    else:
        form = MyListEmailForm(initial={"submission_id": uuid.uuid4()})
    return render(request, "directory/my_list_email.html", {"form": form})


@message_builder
def my_list_message(parcel_id: int) -> Message | None:
    kept = parcel_open(parcel_id)
    if not isinstance(kept, dict):
        return None
    language = str(kept.get("language", ""))
    with in_language(language):  # the subject, the opening times and the links, in their language
        return Message(
            to=str(kept.get("to", "")),
            subject=_("Your list from %(service)s") % {"service": settings.LW_SERVICE_NAME},
            template_name="directory/email/my_list.txt",
            context={"saved": saved_services(list(kept.get("ids", []))), "site": settings.LW_SITE_URL},
        )
