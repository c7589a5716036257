"""Background work for the directory."""

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _

from livingwell.core.email import email_enqueue
from livingwell.directory.fulltext import fulltext_tidy
from livingwell.directory.models import Organization, Service
from livingwell.directory.services import listings_stale_before


@task()
def stale_listings_remind(*, site_url: str) -> int:
    """Email each organisation whose listings have not been checked lately. Returns the emails queued."""
    stale = Q(assured_date__isnull=True) | Q(assured_date__lt=listings_stale_before())
    sent = 0
    for organisation in Organization.objects.filter(services__in=Service.objects.published().filter(stale)).distinct():
        recipients = {user.email for user in organisation.users.filter(is_active=True) if user.email}
        if organisation.email:
            recipients.add(organisation.email)
        names = list(
            Service.objects.published()
            .filter(stale, organization=organisation)
            .order_by("name")
            .values_list("name", flat=True)
        )
        for recipient in sorted(recipients):
            email_enqueue(
                to=recipient,
                subject=_("Please check your listings on %(service)s") % {"service": settings.LW_SERVICE_NAME},
                template_name="directory/email/stale_listings.txt",
                context={
                    "organisation": organisation.name,
                    "names": names,
                    "months": settings.LW_DIRECTORY_STALE_MONTHS,
                    "url": site_url.rstrip("/") + reverse("directory:listing_list"),
                    "service_name": settings.LW_SERVICE_NAME,
                },
            )
            sent += 1
    return sent


@task()
def fulltext_tidy_task() -> None:
    """Merge SQLite's full-text index after a bulk import, off the importer's path."""
    fulltext_tidy()
