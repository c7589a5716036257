"""A person's rights under UK GDPR: their subject access exports, and the retention rules' nightly runs."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectAccess(models.Model):
    """One subject access export for one person: made by the worker, downloaded once by the Hub, then deleted.
    The file is sealed (``core.sealed``) in file storage; this row keeps only where it is and what came of it."""

    class Status(models.TextChoices):
        MAKING = "making", _("Being made")
        READY = "ready", _("Ready to download once")
        DOWNLOADED = "downloaded", _("Downloaded, and deleted from here")
        FAILED = "failed", _("Could not be made")
        EXPIRED = "expired", _("Not downloaded in time, and deleted")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.MAKING)
    made_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)
    downloaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("subject access export")
        verbose_name_plural = _("subject access exports")

    def __str__(self) -> str:
        return f"subject access {self.pk}"


class RetentionRun(models.Model):
    """One night's run of the retention rules: when, and how many records of each kind it cleared."""

    day = models.DateField(_("day"), unique=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    counts = models.JSONField(_("what it cleared"), default=dict, blank=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"retention {self.day}"
