"""The time bank: its members, what they offer and ask for, the exchanges between them and the hour ledger.

An hour is an hour, whoever gives it. Hours are never money: they cannot be bought, sold or cashed in, so
they do not touch anyone's benefits (decision 0044).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.core.append_only import AppendOnlyModel, AppendOnlyQuerySet
from livingwell.core.languages import as_shipped
from livingwell.timebank.shipped import BANK_NAME, SHIPPED_TEXTS

# The most one exchange, or one credit, may record: a long day.
MOST_MINUTES = 12 * 60
# Hours are recorded to the quarter hour.
STEP_MINUTES = 15


class Bank(models.Model):
    """The time bank's own settings: one row, made by the first migration and changed in the admin."""

    name = models.CharField(_("name"), max_length=120, default=BANK_NAME)
    # The organisation that runs it: its provider editors coordinate, and its listings carry the offers and
    # requests into the directory. None until an administrator names it.
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation that runs it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    code_of_conduct = models.TextField(_("code of conduct"))
    first_meeting = models.TextField(_("meeting someone for the first time"))
    inactive_days = models.PositiveSmallIntegerField(_("days without an exchange before a member counts as inactive"))
    confirm_days = models.PositiveSmallIntegerField(_("days an exchange may wait for confirmation"))

    class Meta:
        verbose_name = _("time bank")
        verbose_name_plural = _("time bank")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """Its name in the reader's language while it is the one shipped, else as named."""
        return as_shipped(self.name, SHIPPED_TEXTS)

    @property
    def conduct(self) -> list[str]:
        """The code of conduct, a point a line, each in the reader's language while it is as shipped."""
        return _lines(self.code_of_conduct)

    @property
    def first_meeting_advice(self) -> list[str]:
        """The advice for meeting someone for the first time, as ``conduct``."""
        return _lines(self.first_meeting)


def _lines(text: str) -> list[str]:
    return [as_shipped(line.strip(), SHIPPED_TEXTS) for line in text.splitlines() if line.strip()]


class Category(models.Model):
    """A kind of help, such as gardening or lifts: shipped by a migration, changed in the admin."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        """Its name in the reader's language while it is the one shipped, else as named."""
        return as_shipped(self.name, SHIPPED_TEXTS)


class Member(models.Model):
    """Someone in the time bank: a person on their own behalf, a local organisation, or the bank's own account
    (which gives the hours the coordinator credits for group activities). Being a member says nothing about
    whether the network supports someone."""

    class Kind(models.TextChoices):
        PERSON = "person", _("A person")
        ORGANISATION = "organisation", _("A local organisation")
        BANK = "bank", _("The time bank's own account")

    class Status(models.TextChoices):
        ASKED = "asked", _("Asked to join")
        ACTIVE = "active", _("Member")
        LEFT = "left", _("Left")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="timebank_member",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # What other members see: a first name, or the organisation's name. Never shown in public.
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    area = models.ForeignKey(
        "core.Neighbourhood", verbose_name=_("area"), null=True, blank=True, on_delete=models.SET_NULL
    )
    about = models.TextField(_("about me"), blank=True)
    # The language of the page they joined on: what the time bank sends them is written in it (decision 0062).
    written_in = models.CharField(_("language of the messages we send"), max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ASKED)
    conduct_agreed_at = models.DateTimeField(_("agreed the code of conduct"), null=True, blank=True)
    asked_at = models.DateTimeField(_("asked to join"), default=timezone.now)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True, db_index=True)
    welcomed_at = models.DateTimeField(_("welcomed"), null=True, blank=True)
    welcomed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    nudged_at = models.DateTimeField(_("last nudged"), null=True, blank=True)
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind"], condition=Q(kind="bank"), name="timebank_one_bank_account"),
            models.CheckConstraint(
                condition=~Q(status="active") | Q(conduct_agreed_at__isnull=False),
                name="timebank_member_agreed_conduct",
            ),
        ]
        verbose_name = _("time bank member")
        verbose_name_plural = _("time bank members")

    def __str__(self) -> str:
        return self.name


class Listing(models.Model):
    """An offer of help or a request for it. The public see what and where, never who."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="listings")
    kind = models.CharField(_("offer or request"), max_length=10, choices=Kind.choices)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"))
    area = models.ForeignKey(
        "core.Neighbourhood", verbose_name=_("area"), null=True, blank=True, on_delete=models.SET_NULL
    )
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The listing in the directory that shows it to everyone as an opportunity.
    service = models.OneToOneField(
        "directory.Service", null=True, blank=True, on_delete=models.SET_NULL, related_name="timebank_listing"
    )
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "id"]
        indexes = [models.Index(fields=["is_open", "-created_at"], name="timebank_listing_open")]
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")

    def __str__(self) -> str:
        return self.title


class Exchange(models.Model):
    """One member asks, the other agrees; after the exchange one side records the hours and the other
    confirms them, which writes them to the ledger."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Asked")
        AGREED = "agreed", _("Agreed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        RECORDED = "recorded", _("Hours recorded, waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    listing = models.ForeignKey(Listing, on_delete=models.PROTECT, related_name="exchanges")
    giver = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="giving")
    receiver = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="receiving")
    asked_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ASKED)
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("minutes"), null=True, blank=True)
    note = models.CharField(_("what was done"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-asked_at", "id"]
        # A member's exchanges, newest first: on either side.
        indexes = [
            models.Index(fields=["giver", "-asked_at"], name="timebank_exchange_giver"),
            models.Index(fields=["receiver", "-asked_at"], name="timebank_exchange_receiver"),
            # Exchanges still going, for the coordinator: a few among the many confirmed.
            models.Index(
                fields=["asked_at"],
                condition=Q(status__in=["asked", "agreed", "recorded"]),
                name="timebank_exchange_going",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(giver=models.F("receiver")), name="timebank_exchange_two_members"),
            models.CheckConstraint(
                condition=~Q(status__in=["recorded", "confirmed"]) | Q(minutes__gt=0, recorded_by__isnull=False),
                name="timebank_exchange_recorded_hours",
            ),
        ]
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")

    def __str__(self) -> str:
        return str(self.listing_id)

    def other_side(self, member: Member) -> Member:
        return self.receiver if member.pk == self.giver_id else self.giver


class Credit(models.Model):
    """Hours the coordinator credits for a group activity, such as helping at the Collaborative's breakfast:
    each member named gives the hours, and the bank's own account receives them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    what = models.CharField(_("what the group did"), max_length=200)
    on = models.DateField(_("date"))
    minutes = models.PositiveIntegerField(_("minutes each"))
    credited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    credited_at = models.DateTimeField(default=timezone.now)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-on", "-credited_at"]
        verbose_name = _("group credit")
        verbose_name_plural = _("group credits")

    def __str__(self) -> str:
        return self.what


class EntryQuerySet(AppendOnlyQuerySet["Entry"]):
    pass


class Entry(AppendOnlyModel):
    """One line of the hour ledger, never changed or removed. Each exchange or credit writes lines that add up
    to nothing: the hours given (more than zero) and received (less than zero). A member's balance, hours
    given and hours received are sums of their lines."""

    id = models.BigAutoField(primary_key=True)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="entries")
    minutes = models.IntegerField(_("minutes"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    exchange = models.ForeignKey(Exchange, null=True, blank=True, on_delete=models.PROTECT, related_name="entries")
    credit = models.ForeignKey(Credit, null=True, blank=True, on_delete=models.PROTECT, related_name="entries")

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["member", "-at", "-id"], name="timebank_entry_member"),
            models.Index(fields=["at"], name="timebank_entry_at"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(minutes=0), name="timebank_entry_not_zero"),
            models.CheckConstraint(
                condition=Q(exchange__isnull=False, credit__isnull=True)
                | Q(exchange__isnull=True, credit__isnull=False),
                name="timebank_entry_one_source",
            ),
            models.UniqueConstraint(fields=["exchange", "member"], name="timebank_entry_once_per_exchange"),
            models.UniqueConstraint(fields=["credit", "member"], name="timebank_entry_once_per_credit"),
        ]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")

    def __str__(self) -> str:
        return f"{self.member_id} {self.minutes:+d}"
