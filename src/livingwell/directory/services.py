"""Changes to the directory. Each is atomic; provider editors reach listings only through access.py."""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.core.submissions import created_once
from livingwell.directory.models import ListingChange, ListingReport, Service

# What a provider editor may change on a listing.
EDITABLE_FIELDS = [
    "name",
    "description",
    "eligibility_description",
    "fees_description",
    "url",
    "email",
    "alert",
    "status",
]
# What people read of a listing, in words its editor wrote: checked for plain words (decision 0061).
WORDED_FIELDS = ("name", "description", "eligibility_description", "fees_description", "alert")


def _apply(service: Service, values: dict[str, object]) -> list[str]:
    changed = [name for name in EDITABLE_FIELDS if name in values and getattr(service, name) != values[name]]
    for name in changed:
        setattr(service, name, values[name])
    return changed


@transaction.atomic
def listing_update(*, actor: User, service: Service, values: dict[str, object]) -> ListingChange | None:
    """Change a listing: at once, or as a change waiting for review when reviews are on.

    A new change replaces the listing's earlier pending one. Saving the same values twice changes nothing.
    """
    locked = Service.objects.select_for_update().get(pk=service.pk)
    proposed = {name: values[name] for name in EDITABLE_FIELDS if name in values}
    if settings.LW_DIRECTORY_REVIEW_CHANGES:
        pending = ListingChange.objects.filter(service=locked, status=ListingChange.Status.PENDING).first()
        if pending is not None and pending.proposed == proposed:
            return pending
        if pending is not None:
            pending.delete()
        if not any(getattr(locked, name) != value for name, value in proposed.items()):
            return None
        return ListingChange.objects.create(service=locked, proposed=proposed, submitted_by=actor)
    changed = _apply(locked, proposed)
    if changed:
        locked.save(update_fields=[*changed, "last_modified"])
    return None


@transaction.atomic
def listing_change_decide(*, actor: User, change: ListingChange, approve: bool) -> ListingChange:
    """Approve (apply) or reject a pending change."""
    locked = ListingChange.objects.select_for_update().select_related("service").get(pk=change.pk)
    if locked.status != ListingChange.Status.PENDING:
        return locked
    if approve:
        service = locked.service
        changed = _apply(service, locked.proposed)
        if changed:
            service.save(update_fields=[*changed, "last_modified"])
    locked.status = ListingChange.Status.APPROVED if approve else ListingChange.Status.REJECTED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    return locked


@transaction.atomic
def listing_confirm_checked(*, actor: User, service: Service) -> Service:
    """Record that someone checked the listing today and it is still true. The published "checked by" is
    the organisation's own contact address (or nothing), never the account of the person who checked."""
    contact = service.organization.email if service.organization_id else ""
    # A change to what is published: its last_modified moves too, so that a feed asked for changes since
    # (modified_after) carries it (an update() sets no auto_now field by itself).
    Service.objects.filter(pk=service.pk).update(
        assured_date=timezone.localdate(), assurer_email=contact, last_modified=timezone.now()
    )
    service.refresh_from_db()
    return service


def listings_stale_before() -> datetime.date:
    """Listings last checked before this date may be out of date."""
    return timezone.localdate() - datetime.timedelta(days=30 * settings.LW_DIRECTORY_STALE_MONTHS)


def listing_report_submit(*, service: Service, message: str, submission_id: uuid.UUID) -> ListingReport:
    """Put a report in the owner's queue. Submitting the same form twice files it once."""
    return created_once(
        ListingReport,
        lambda: ListingReport.objects.create(service=service, message=message, submission_id=submission_id),
        submission_id=submission_id,
    )


@transaction.atomic
def listing_report_resolve(*, actor: User, report: ListingReport) -> ListingReport:
    ListingReport.objects.filter(pk=report.pk, status=ListingReport.Status.OPEN).update(
        status=ListingReport.Status.RESOLVED, resolved_by=actor, resolved_at=timezone.now()
    )
    report.refresh_from_db()
    return report
