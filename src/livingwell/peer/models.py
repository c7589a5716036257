"""Peer support: peer supporters' profiles, introductions to a peer (chosen by the person, or by their guide
with their agreement), and the sessions that follow (decision 0045)."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeerProfileQuerySet(models.QuerySet["PeerProfile"]):
    def choosable(self) -> "PeerProfileQuerySet":
        """The peers a person may choose now: shown in public, taking new people, and still with us."""
        return self.filter(is_published=True, taking_people=True, user__is_active=True).order_by("name", "pk")


class PeerProfile(models.Model):
    """A peer supporter's profile, in their own words: what they choose to share, for people to choose from."""

    class Arrangement(models.TextChoices):
        VOLUNTEER = "volunteer", _("Volunteer")
        PAID = "paid", _("Paid")
        SESSIONAL = "sessional", _("Paid by the session, within a limit that keeps benefits safe")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_profile")
    name = models.CharField(_("the name people call you"), max_length=100)
    lived_experience = models.TextField(
        _("the lived experience you choose to share"),
        max_length=1000,
        help_text=_("Only what you are happy for anyone to read. You can change it at any time."),
    )
    interests = models.CharField(_("your interests"), max_length=300, blank=True)
    languages = models.CharField(_("languages you speak"), max_length=200, blank=True)
    where = models.CharField(_("where you can meet"), max_length=200, help_text=_("For example: cafés in Ashby Vale"))
    when = models.CharField(_("when you can meet"), max_length=200, help_text=_("For example: weekday afternoons"))
    arrangement = models.CharField(
        _("how you give your time"), max_length=20, choices=Arrangement.choices, default=Arrangement.VOLUNTEER
    )
    yearly_limit = models.DecimalField(
        _("yearly limit that keeps your benefits safe, in pounds"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # What a sessional peer supporter is paid for each session, set by the Hub manager.
    session_fee = models.DecimalField(
        _("paid for each session, in pounds"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    taking_people = models.BooleanField(
        _("taking new people"), default=True, help_text=_("Untick while you are full or away.")
    )
    # Who supervises them: named by the Hub manager.
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="peers_supervised",
    )
    is_published = models.BooleanField(
        _("show my profile"), default=False, help_text=_("People choose their peer from the profiles shown.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PeerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("peer supporter's profile")
        verbose_name_plural = _("peer supporters' profiles")

    def __str__(self) -> str:
        return self.name


class PeerIntroduction(models.Model):
    """A person introduced to a peer supporter, who accepts or declines."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Waiting for the peer supporter")
        ACCEPTED = "accepted", _("Going")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="peer_introductions")
    peer = models.ForeignKey(PeerProfile, on_delete=models.PROTECT, related_name="introductions")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # True when the person asked themselves, or their guide confirmed they agreed.
    person_agreed = models.BooleanField(default=False)
    message = models.TextField(_("a few words for the peer supporter"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ASKED)
    asked_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-asked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "peer"],
                condition=Q(status__in=["asked", "accepted"]),
                name="peer_one_open_introduction",
            ),
            models.CheckConstraint(condition=Q(person_agreed=True), name="peer_introduction_agreed"),
        ]
        verbose_name = _("introduction to a peer")
        verbose_name_plural = _("introductions to a peer")

    def __str__(self) -> str:
        return str(self.pk)


class PeerSession(models.Model):
    """A session of peer support: when and where, a short note the person reads, what happens next, and any
    worry the peer supporter has (which goes to the person's guide or the duty team, never to the person)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    introduction = models.ForeignKey(PeerIntroduction, on_delete=models.CASCADE, related_name="sessions")
    on = models.DateField(_("date"))
    where = models.CharField(_("where"), max_length=200)
    note = models.CharField(_("a short note for them"), max_length=1000)
    follow_ups = models.TextField(_("what happens next (optional)"), max_length=1000, blank=True)
    concern = models.TextField(_("anything worrying you (optional)"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-on", "-recorded_at"]
        verbose_name = _("peer support session")
        verbose_name_plural = _("peer support sessions")

    def __str__(self) -> str:
        return f"{self.on}"


class Supervision(models.Model):
    """A supervision session: read by the peer supporter and their supervisor."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    peer = models.ForeignKey(PeerProfile, on_delete=models.CASCADE, related_name="supervisions")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    on = models.DateField(_("date"))
    notes = models.TextField(_("what you talked about"), max_length=2000)
    follow_ups = models.TextField(_("what happens next (optional)"), max_length=1000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-on", "-recorded_at"]
        verbose_name = _("supervision")
        verbose_name_plural = _("supervisions")

    def __str__(self) -> str:
        return f"{self.on}"


class Training(models.Model):
    """A course a peer supporter attended or completed."""

    class Course(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction to peer support")
        BOUNDARIES = "boundaries", _("Boundaries and confidentiality")
        SAFEGUARDING = "safeguarding", _("Safeguarding")
        CRISIS = "crisis", _("Keeping safe, and what to do in a crisis")
        WELLBEING = "wellbeing", _("Looking after your own wellbeing")

    peer = models.ForeignKey(PeerProfile, on_delete=models.CASCADE, related_name="trainings")
    course = models.CharField(_("course"), max_length=20, choices=Course.choices)
    on = models.DateField(_("date"))
    completed = models.BooleanField(_("completed"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-on", "course"]
        constraints = [models.UniqueConstraint(fields=["peer", "course", "on"], name="peer_training_once_a_day")]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.get_course_display()


class CheckIn(models.Model):
    """A peer supporter's own wellbeing check-in: theirs alone (the safety net still reads it)."""

    class Feeling(models.IntegerChoices):
        STRUGGLING = 1, _("Struggling")
        LOW = 2, _("Low")
        OKAY = 3, _("Okay")
        GOOD = 4, _("Good")
        GREAT = 5, _("Great")

    peer = models.ForeignKey(PeerProfile, on_delete=models.CASCADE, related_name="check_ins")
    at = models.DateTimeField(default=timezone.now)
    feeling = models.PositiveSmallIntegerField(_("how are you doing?"), choices=Feeling.choices)
    note = models.TextField(_("anything you want to note for yourself (optional)"), max_length=2000, blank=True)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("wellbeing check-in")
        verbose_name_plural = _("wellbeing check-ins")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d}"


class PeerGroup(models.Model):
    """A peer support group. People find it by its listing in the directory; peer supporters run it and
    record each session with how many came, never who."""

    service = models.OneToOneField("directory.Service", on_delete=models.PROTECT, related_name="peer_group")
    facilitators = models.ManyToManyField(
        PeerProfile, verbose_name=_("peer supporters who run it"), related_name="groups", blank=True
    )
    is_running = models.BooleanField(_("running"), default=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["service__name", "pk"]
        verbose_name = _("peer support group")
        verbose_name_plural = _("peer support groups")

    def __str__(self) -> str:
        return str(self.service_id)


class GroupSession(models.Model):
    """One meeting of a peer support group: the day, how many came (a number, never names), a note for the
    people who run it, and any worry, which goes to the duty team."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="sessions")
    on = models.DateField(_("date"))
    came = models.PositiveSmallIntegerField(
        _("how many people came"), validators=[MaxValueValidator(500)], help_text=_("A number: never names.")
    )
    note = models.TextField(_("how it went, for the people who run the group (optional)"), max_length=1000, blank=True)
    concern = models.TextField(_("anything worrying you (optional)"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    submission_id = models.UUIDField(unique=True, editable=False)

    class Meta:
        ordering = ["-on", "-recorded_at"]
        constraints = [models.UniqueConstraint(fields=["group", "on"], name="peer_group_session_once_a_day")]
        verbose_name = _("peer support group session")
        verbose_name_plural = _("peer support group sessions")

    def __str__(self) -> str:
        return f"{self.on}"


class PeerPayment(models.Model):
    """What a sessional peer supporter is owed for a session they ran, one-to-one or a group's; approved by
    the Hub manager against their yearly limit, as Experts by Experience claims are."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    peer = models.ForeignKey(PeerProfile, on_delete=models.PROTECT, related_name="payments")
    session = models.OneToOneField(PeerSession, null=True, blank=True, on_delete=models.PROTECT, related_name="payment")
    group_session = models.OneToOneField(
        GroupSession, null=True, blank=True, on_delete=models.PROTECT, related_name="payment"
    )
    on = models.DateField(_("session date"))
    amount = models.DecimalField(_("amount"), max_digits=7, decimal_places=2)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    reject_reason = models.CharField(_("why not"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["peer", "on"], name="peer_payment_by_day")]
        constraints = [
            models.CheckConstraint(
                condition=Q(session__isnull=False, group_session__isnull=True)
                | Q(session__isnull=True, group_session__isnull=False),
                name="peer_payment_for_one_session",
            ),
        ]
        verbose_name = _("peer supporter's payment")
        verbose_name_plural = _("peer supporters' payments")

    def __str__(self) -> str:
        return f"{self.on} {self.amount}"
