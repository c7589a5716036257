"""Data about the place this instance serves."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Neighbourhood(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")

    def __str__(self) -> str:
        return self.name


class TextMessage(models.Model):
    """A text message handed to the SMS gateway: the local gateway keeps it here instead of sending it.

    Production sets ``LW_SMS_BACKEND`` to a gateway's backend; the demo and the tests use this outbox, so
    a text can be read as it would arrive.
    """

    to = models.CharField(_("to"), max_length=30)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = _("text message")
        verbose_name_plural = _("text messages")

    def __str__(self) -> str:
        return f"text {self.pk}"
