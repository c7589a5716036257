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


class Delivery(models.Model):
    """One message to one recipient, as the sending task saw it: the idempotency key that keeps delivery to once,
    and the record that shows an urgent alert that could not be sent (hazard H-001).

    Holds no address and no words: the key is a digest, the label names a reference at most.
    """

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Failed; trying again")
        GAVE_UP = "gave_up", _("Could not be sent")
        UNKNOWN = "unknown", _("May not have been sent: the worker stopped while sending")

    class Receipt(models.TextChoices):
        DELIVERED = "delivered", _("Delivered")
        PERMANENT_FAILURE = "permanent-failure", _("Not delivered: the address or number is wrong")
        TEMPORARY_FAILURE = "temporary-failure", _("Not delivered yet: inbox full or phone off")
        TECHNICAL_FAILURE = "technical-failure", _("Not delivered: a fault at the provider")

    key = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=10)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    urgent = models.BooleanField(default=False)
    label = models.CharField(_("what it was"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)
    # What GOV.UK Notify said came of it (core/notify.py): delivered, or a failure.
    receipt = models.CharField(_("delivery receipt"), max_length=20, choices=Receipt.choices, blank=True)
    receipt_at = models.DateTimeField(null=True, blank=True)
    # Notify's id for the sending the receipt was about (each sending again has its own).
    receipt_for = models.CharField(max_length=36, blank=True)
    # How to build it again, to send again after a temporary failure: the builder's path, its ids only, and
    # the message's own key (made of ids), of which ``key`` is the digest with the recipient.
    build = models.CharField(max_length=200, blank=True)
    ids = models.JSONField(default=dict, blank=True)
    message_key = models.CharField(max_length=200, blank=True)
    # The queued task sending it now or last: when that very task runs again, its worker stopped mid-send, so
    # it sends again (with the same Message-ID); a different task with the same message never does.
    sender = models.CharField(max_length=36, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        indexes = [models.Index(fields=["urgent", "status"], name="delivery_urgent_status")]

    def __str__(self) -> str:
        return f"{self.channel} {self.status}"


class Parcel(models.Model):
    """What a queued message needs that is kept nowhere else, such as an address typed once to email a list
    to, sealed (``core.sealed``) until it has been sent. The queue holds only its id; housekeeping deletes it
    once ``keep_until`` has passed, which is after the last retry."""

    sealed = models.TextField()
    keep_until = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"parcel {self.pk}"


class PeriodicRun(models.Model):
    """Periodic work done once for its period: a monthly job's name and month. The row is the proof it ran,
    so two workers (or a restarted one) never do it twice (``core.periodic``)."""

    name = models.CharField(max_length=100)
    period = models.CharField(max_length=20)
    ran_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "period"], name="periodic_run_once")]

    def __str__(self) -> str:
        return f"{self.name} {self.period}"


class PlainWord(models.Model):
    """One entry of the plain-words glossary (``core/plain_words.py``), kept in the admin by the people who
    write and publish: jargon with a plainer choice, or an acronym everyone knows that needs no spelling out."""

    class Kind(models.TextChoices):
        JARGON = "jargon", _("Jargon: suggest the plainer words")
        KNOWN = "known", _("An acronym everyone knows: no need to spell it out")

    words = models.CharField(
        _("word, phrase or acronym"),
        max_length=100,
        unique=True,
        help_text=_("As it is written. Plurals and tenses are found too: “utilise” finds “utilised”."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.JARGON)
    instead = models.CharField(
        _("plainer words"), max_length=200, blank=True, help_text=_("What to suggest instead. Jargon only.")
    )

    class Meta:
        ordering = ["words"]
        verbose_name = _("plain word")
        verbose_name_plural = _("plain words")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="known") | ~models.Q(instead=""), name="plainword_jargon_has_instead"
            ),
        ]

    def __str__(self) -> str:
        return self.words
