"""The audit trail: an append-only record of every read, export and change of personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.core.append_only import AppendOnly, AppendOnlyModel, AppendOnlyQuerySet

# Kept under its own name for the audit trail's callers.
AuditTrailIsAppendOnly = AppendOnly


class AuditEventQuerySet(AppendOnlyQuerySet["AuditEvent"]):
    pass


class AuditEventFields(AppendOnlyModel):
    """What every audit event holds, in the audit table and in its archive."""

    class Action(models.TextChoices):
        READ = "read", _("Read")
        EXPORT = "export", _("Export")
        CREATE = "create", _("Create")
        CHANGE = "change", _("Change")
        DELETE = "delete", _("Delete")
        # Figures that name nobody, read or downloaded: who looked at what, for which period.
        AGGREGATE = "aggregate", _("Aggregate read")

    at = models.DateTimeField(_("when (UTC)"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        # The index on actor and time (below) serves; one index fewer to write on every read of personal data.
        db_index=False,
    )
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    record_type = models.CharField(_("record type"), max_length=100)
    record_id = models.CharField(_("record id"), max_length=64)
    # The person the data is about, kept as a plain id so that erasing a person leaves the trail whole.
    person_id = models.UUIDField(_("person"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    # What changed: field names only, never values.
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.record_type} {self.record_id}"


class AuditEvent(AuditEventFields):
    """One read, export or change of personal data. On PostgreSQL the table is partitioned by month
    (``audit/partitions.py``)."""

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["person_id", "-at"], name="audit_person_at"),
            models.Index(fields=["record_type", "record_id"], name="audit_record"),
            models.Index(fields=["actor", "-at"], name="audit_actor_at"),
        ]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")


class ArchivedAuditEvent(AuditEventFields):
    """An audit event of a month archived out of the audit table (``audit/partitions.py``): read through a
    view over the archive, for a subject access request. Empty on SQLite."""

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        managed = False
        db_table = "audit_archivedauditevent"
        ordering = ["-at", "-id"]
        verbose_name = _("archived audit event")
        verbose_name_plural = _("archived audit events")
