"""Background work for the directory."""

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _

from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.directory.fulltext import fulltext_tidy
from livingwell.directory.models import Neighbour, Organization, Service
from livingwell.directory.services import listings_stale_before


@task()
def neighbour_fetch_task(neighbour_id: str) -> str:
    """Fetch one neighbouring directory's changes (``neighbours.neighbour_fetch``). Returns what it found."""
    from livingwell.directory.neighbours import neighbour_fetch

    neighbour = Neighbour.objects.filter(pk=neighbour_id).first()
    return "" if neighbour is None else str(neighbour_fetch(neighbour))


@task()
def stale_listings_remind() -> int:
    """Email each organisation whose listings have not been checked lately: its editors, and its own address
    if no editor has it. Returns the emails queued."""
    sent = 0
    for organisation in Organization.objects.filter(
        services__in=Service.objects.published_by_us().filter(_stale())
    ).distinct():
        editors = [user for user in organisation.users.filter(is_active=True) if user.email]
        recipients: list[int | None] = [editor.pk for editor in editors]
        if organisation.email and organisation.email.lower() not in {editor.email.lower() for editor in editors}:
            recipients.append(None)  # the organisation's own address
        for user_id in recipients:
            message_enqueue(stale_listings_message, organisation_id=organisation.pk, user_id=user_id)
        sent += len(recipients)
    return sent


def _stale() -> Q:
    return Q(assured_date__isnull=True) | Q(assured_date__lt=listings_stale_before())


@message_builder
def stale_listings_message(organisation_id: str, user_id: int | None) -> Message | None:
    """To one of the organisation's editors, or (``user_id`` None) to the organisation's own address."""
    organisation = Organization.objects.filter(pk=organisation_id).first()
    if organisation is None:
        return None
    if user_id is None:
        to = organisation.email
    else:
        editor = organisation.users.filter(pk=user_id, is_active=True).first()
        to = editor.email if editor is not None else ""
    names = list(
        Service.objects.published_by_us()
        .filter(_stale(), organization=organisation)
        .order_by("name")
        .values_list("name", flat=True)
    )
    if not names:
        return None  # checked since
    return Message(
        to=to,
        subject=_("Please check your listings on %(service)s") % {"service": settings.LW_SERVICE_NAME},
        template_name="directory/email/stale_listings.txt",
        context={
            "organisation": organisation.name,
            "names": names,
            "months": settings.LW_DIRECTORY_STALE_MONTHS,
            "url": settings.LW_SITE_URL + reverse("directory:listing_list"),
            "service_name": settings.LW_SERVICE_NAME,
        },
    )


@task()
def fulltext_tidy_task() -> None:
    """Merge SQLite's full-text index after a bulk import, off the importer's path."""
    fulltext_tidy()
