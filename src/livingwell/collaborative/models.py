"""The Collaborative and its co-production governance: bodies and their constituencies, members, meetings,
the rolling programme and agendas, attendance and quorum, decisions and actions, minutes.

A body's public face (purpose, terms of reference, code of conduct, meetings, published agendas and minutes,
the decisions register) is public. Members' contact details, attendance, access needs, training and payments
are personal data: read them only through ``livingwell.collaborative.access``.
"""

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Body(models.Model):
    """A co-production body: the Collaborative, an advisory group, a board, a workstream."""

    class Kind(models.TextChoices):
        COLLABORATIVE = "collaborative", _("The Collaborative")
        EBE_GROUP = "ebe_group", _("Experts by Experience advisory group")
        BOARD = "board", _("Co-production Board")
        WORKSTREAM = "workstream", _("Workstream")
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood collaborative")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name for web addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    purpose = models.TextField(_("purpose"), max_length=2000)
    terms_of_reference = models.TextField(_("terms of reference"), max_length=20000)
    code_of_conduct = models.TextField(_("code of conduct"), max_length=20000)
    open_membership = models.BooleanField(
        _("open to anyone who lives or works here"),
        default=True,
        help_text=_("Closed bodies list their members, but take no join requests."),
    )
    rotates_chair = models.BooleanField(_("the chair rotates"), default=False)
    requires_independent_chair = models.BooleanField(
        _("has an independent chair"),
        default=False,
        help_text=_("Its chair represents no constituency: a member of its independent chair constituency."),
    )
    advised_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advises",
        verbose_name=_("advised by"),
        help_text=_("For a workstream: the advisory group whose work programme it is in."),
    )
    notice_days = models.PositiveSmallIntegerField(
        _("days of notice for the agenda"), default=7, validators=[MaxValueValidator(60)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name


class ConstituencyKind(models.TextChoices):
    EXPERT_BY_EXPERIENCE = "ebe", _("Expert by Experience")
    CARER = "carer", _("Carer")
    ORGANISATION = "organisation", _("Organisation representative")
    INDEPENDENT_CHAIR = "chair", _("Independent chair")
    COMMUNITY = "community", _("Community member")


class Constituency(models.Model):
    """A group a body draws its members from, such as Experts by Experience or one organisation's
    representatives. Its sector is what the chair rotates across."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="constituencies")
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=ConstituencyKind.choices)
    organisation = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="constituencies"
    )
    sector = models.CharField(
        _("sector"),
        max_length=100,
        help_text=_("For a rotating chair: for example Experts by Experience, NHS, council, voluntary sector."),
    )

    class Meta:
        ordering = ["body", "name", "pk"]
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")
        constraints = [models.UniqueConstraint(fields=["body", "name"], name="constituency_unique_name")]

    def __str__(self) -> str:
        return self.name


class QuorumRule(models.Model):
    """At least ``minimum`` members of a kind of constituency present (any kind when blank), counting with
    them the kinds in ``also_counts``: on the Co-production Board, carers sit on the Experts by Experience
    side."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="quorum_rules")
    kind = models.CharField(_("kind of constituency"), max_length=20, choices=ConstituencyKind.choices, blank=True)
    minimum = models.PositiveSmallIntegerField(_("at least"), validators=[MinValueValidator(1), MaxValueValidator(500)])
    also_counts = models.JSONField(
        _("also counted with them"),
        default=list,
        blank=True,
        help_text=_("Other kinds of constituency whose members count towards this rule, such as carers."),
    )

    class Meta:
        ordering = ["body", "kind", "pk"]
        verbose_name = _("quorum rule")
        verbose_name_plural = _("quorum rules")
        constraints = [models.UniqueConstraint(fields=["body", "kind"], name="quorum_rule_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.minimum} × {self.kinds_in_words() or _('any member')}"

    def kinds_in_words(self) -> str:
        """The kinds that count, "Expert by Experience or Carer"; empty for any member."""
        if not self.kind:
            return ""
        labels = dict(ConstituencyKind.choices)
        kinds = [self.kind, *(kind for kind in self.also_counts if kind != self.kind)]
        return str(_(" or ")).join(str(labels.get(kind, kind)) for kind in kinds)

    def as_rule(self) -> tuple[str, int, tuple[str, ...]]:
        return (self.kind, self.minimum, tuple(self.also_counts) if self.kind else ())


def feed_token_new() -> str:
    return secrets.token_urlsafe(32)


class Member(models.Model):
    """Someone taking part in co-production, in one or more bodies. Not the person record of someone
    the Hub supports: taking part is kept apart from any support they get."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="co_production_member",
    )
    named_in_public = models.BooleanField(
        _("may be named in public minutes"),
        default=False,
        help_text=_("Without this, public minutes call them by their constituency, not their name."),
    )
    supervision_contact = models.CharField(_("supervision contact"), max_length=200, blank=True)
    annual_cap = models.DecimalField(
        _("yearly limit on payments (£)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For someone who must keep under a limit to protect their benefits. Leave blank for none."),
    )
    # The language of the page they asked to join on: what is sent to them is written in it (decision 0062).
    written_in = models.CharField(_("language of the messages we send"), max_length=10, blank=True)
    # The secret in the address of their own calendar feed, which calendar apps read without signing in.
    feed_token = models.CharField(max_length=64, unique=True, default=feed_token_new, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return f"member {self.pk}"


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    constituency = models.ForeignKey(Constituency, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    agreed_code_at = models.DateTimeField(_("agreed to the code of conduct"))
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)
    inducted_on = models.DateField(_("inducted"), null=True, blank=True)
    # A new adviser is paired with an experienced member of the same body.
    buddy = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="buddied", verbose_name=_("buddy")
    )

    class Meta:
        ordering = ["body", "member__name", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "body"], condition=Q(left_on__isnull=True), name="membership_one_current"
            )
        ]

    def __str__(self) -> str:
        return f"membership {self.pk}"


class JoinRequest(models.Model):
    """Someone asking to join a body. The secretary or chair approves it (making them a member, with an
    invitation to an account) or declines it with a reason."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="join_requests")
    # None for a body with no groups to join as: who approves it makes them one of its members.
    constituency = models.ForeignKey(
        Constituency, on_delete=models.PROTECT, null=True, blank=True, related_name="join_requests"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"), max_length=254)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    why = models.TextField(_("why you would like to join"), max_length=2000, blank=True)
    named_in_public = models.BooleanField(_("may be named in public minutes"), default=False)
    written_in = models.CharField(_("language of the messages we send"), max_length=10, blank=True)
    agreed_code_at = models.DateTimeField(_("agreed to the code of conduct"))
    submission_id = models.UUIDField(unique=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason"), max_length=1000, blank=True)
    # The short conversation before they join: when, and what was said.
    conversation_on = models.DateField(_("conversation"), null=True, blank=True)
    conversation_notes = models.TextField(_("what was said"), max_length=3000, blank=True)
    member = models.ForeignKey(Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self) -> str:
        return f"join request {self.pk}"


class TrainingRecord(models.Model):
    class Course(models.TextChoices):
        COPRODUCTION = "coproduction", _("Co-production and teamwork")
        COMMISSIONING = "commissioning", _("Commissioning and governance")
        SELF_CARE = "self_care", _("Self-care")
        MISSION = "mission", _("Mission statement")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="training")
    course = models.CharField(_("course"), max_length=20, choices=Course.choices)
    course_on = models.DateField(_("course date"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    completed_on = models.DateField(_("completed"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["member", "completed_on", "pk"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        constraints = [models.UniqueConstraint(fields=["member", "course"], name="training_once_per_course")]

    def __str__(self) -> str:
        return f"training {self.pk}"


class Supervision(models.Model):
    """A supervision session with a member (an Expert by Experience, say): its notes are visible to the
    member on their own page, with the follow-ups agreed."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="supervision")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("held on"))
    notes = models.TextField(_("notes"), max_length=5000, help_text=_("The member reads these on their own page."))
    follow_ups = models.TextField(_("follow-ups"), max_length=2000, blank=True)
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["member", "-held_on", "-pk"]
        verbose_name = _("supervision session")
        verbose_name_plural = _("supervision sessions")

    def __str__(self) -> str:
        return f"supervision {self.pk}"


class Place(models.Model):
    """Where and how a meeting happens: shared by a series and its meetings, each meeting may differ."""

    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        max_length=2000,
        blank=True,
        help_text=_("For example step-free access, hearing loop, quiet room, British Sign Language."),
    )

    class Meta:
        abstract = True


class MeetingSeries(Place):
    """Meetings that repeat by an RFC 5545 rule, such as the second Thursday of every month, 8 to 10am."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="series")
    rule = models.CharField(_("repeat rule (RFC 5545)"), max_length=300)
    first_start = models.DateTimeField(_("first meeting starts"))
    minutes_long = models.PositiveSmallIntegerField(
        _("length in minutes"), validators=[MinValueValidator(15), MaxValueValidator(12 * 60)]
    )
    scheduled_until = models.DateTimeField(_("meetings made up to"))

    class Meta:
        ordering = ["body", "first_start", "pk"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return f"{self.body} meetings"


class Meeting(Place):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Going ahead")
        MOVED = "moved", _("Moved")
        CANCELLED = "cancelled", _("Cancelled")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, null=True, blank=True, related_name="meetings")
    # The start the series' rule gave it (RECURRENCE-ID), kept when the meeting is moved.
    original_start = models.DateTimeField(null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    change_reason = models.CharField(_("why it changed"), max_length=300, blank=True)
    sequence = models.PositiveIntegerField(default=0)
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    agenda_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["series", "original_start"], name="meeting_once_per_occurrence"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"),
        ]
        indexes = [models.Index(fields=["body", "starts_at"], name="meeting_body_starts")]

    def __str__(self) -> str:
        return f"{self.body} {self.starts_at:%Y-%m-%d}"

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


class Rsvp(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", _("Yes, I will come")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("No, I cannot come")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="rsvps")
    answer = models.CharField(_("will you come?"), max_length=10, choices=Answer.choices)
    access_needs = models.TextField(_("access needs"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        constraints = [models.UniqueConstraint(fields=["meeting", "membership"], name="rsvp_one_per_member")]

    def __str__(self) -> str:
        return f"reply {self.pk}"


class Topic(models.Model):
    """A topic for the rolling programme, suggested by any member, with why."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        SCHEDULED = "scheduled", _("On an agenda")
        NOT_TAKEN = "not_taken", _("Not taken forward")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("topic"), max_length=200)
    why = models.TextField(_("why it matters"), max_length=2000)
    suggested_by = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, related_name="topics")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUGGESTED)
    not_taken_reason = models.CharField(_("why not"), max_length=500, blank=True)
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        STANDING = "standing", _("Standing item")
        AOB = "aob", _("Any other business")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TOPIC)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items")
    title = models.CharField(_("item"), max_length=200)
    lead = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    raised_on_the_day = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "topic"], condition=Q(topic__isnull=False), name="agenda_topic_once"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """Who was there, taken on the day. The constituency is kept as it was then."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="attendance")
    kind = models.CharField(max_length=20, choices=ConstituencyKind.choices)
    constituency_name = models.CharField(max_length=150)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_once")]

    def __str__(self) -> str:
        return f"attendance {self.pk}"


class Guest(models.Model):
    """Someone invited to present or contribute to one item of a meeting. Not a member: no account, no vote,
    not counted towards quorum; their attendance is kept here, apart from members'."""

    class Part(models.TextChoices):
        PRESENT = "present", _("To present")
        CONTRIBUTE = "contribute", _("To contribute")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="guests")
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), max_length=254)
    part = models.CharField(_("invited"), max_length=10, choices=Part.choices)
    there = models.BooleanField(_("there"), null=True, blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        verbose_name = _("guest")
        verbose_name_plural = _("guests")

    def __str__(self) -> str:
        return f"guest {self.pk}"


class Decision(models.Model):
    class Scope(models.TextChoices):
        IN = "in", _("In scope of co-production")
        OUT = "out", _("Out of scope of co-production")

    class OutReason(models.TextChoices):
        LEGAL = "legal", _("Legal")
        FINANCIAL = "financial", _("Financial")
        STATUTORY = "statutory", _("Statutory")

    class Participation(models.TextChoices):
        INFORMING = "informing", _("Informing")
        CONSULTING = "consulting", _("Consulting")
        ENGAGING = "engaging", _("Engaging")
        CO_DESIGNING = "co_designing", _("Co-designing")
        CO_PRODUCING = "co_producing", _("Co-producing")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions")
    what = models.TextField(_("what was decided"), max_length=4000)
    scope = models.CharField(_("co-production scope"), max_length=10, choices=Scope.choices)
    out_reason = models.CharField(_("why out of scope"), max_length=20, choices=OutReason.choices, blank=True)
    out_explanation = models.TextField(_("explanation"), max_length=2000, blank=True)
    participation = models.CharField(_("level of participation"), max_length=20, choices=Participation.choices)
    quorate = models.BooleanField(_("quorate when taken"))
    # [{"name": ..., "kind": ..., "count": n}] for the constituencies present when it was taken.
    constituencies_present = models.JSONField(default=list)
    submission_id = models.UUIDField(unique=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-meeting__starts_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["body", "recorded_at"], name="decision_body_recorded")]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope="in", out_reason="") | Q(scope="out") & ~Q(out_reason=""),
                name="decision_out_of_scope_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"decision {self.pk}"


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions")
    what = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="actions")
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    submission_id = models.UUIDField(unique=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [models.Index(fields=["body", "status"], name="action_body_status")]

    def __str__(self) -> str:
        return f"action {self.pk}"


class Minutes(models.Model):
    """Draft, circulated to members, approved at the next meeting, published on the public site."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated to members")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"), max_length=50000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    circulated_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="minutes_approved"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # The public version as the secretary corrected it (blank: made from ``text``). Public pages still take
    # out, as they are read, any member who has not agreed to be named.
    public_corrected = models.TextField(_("the public version"), max_length=50000, blank=True)
    # The public version, with members named only where they consented, fixed when published.
    public_text = models.TextField(blank=True)
    public_attendance = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return f"minutes {self.pk}"


class ChairTurn(models.Model):
    """Who chaired a meeting of a body whose chair rotates, the sector proposed, and why it was overridden."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="chair_turn")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="chair_turns")
    sector = models.CharField(max_length=100)
    proposed_sector = models.CharField(max_length=100, blank=True)
    override_reason = models.CharField(_("why not the sector proposed"), max_length=500, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chair's turn")
        verbose_name_plural = _("chair's turns")

    def __str__(self) -> str:
        return f"chair turn {self.pk}"

    @property
    def overridden(self) -> bool:
        return bool(self.proposed_sector) and self.sector != self.proposed_sector


class PaymentRate(models.Model):
    """What a body pays members of a kind of constituency for taking part: per hour or per meeting."""

    class Basis(models.TextChoices):
        PER_HOUR = "hour", _("Per hour")
        PER_MEETING = "meeting", _("Per meeting")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="payment_rates")
    kind = models.CharField(
        _("paid to"), max_length=20, choices=ConstituencyKind.choices, default=ConstituencyKind.EXPERT_BY_EXPERIENCE
    )
    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices)
    amount = models.DecimalField(_("amount (£)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    valid_from = models.DateField(_("from"))

    class Meta:
        ordering = ["body", "kind", "-valid_from"]
        verbose_name = _("payment rate")
        verbose_name_plural = _("payment rates")
        constraints = [models.UniqueConstraint(fields=["body", "kind", "valid_from"], name="payment_rate_once")]

    def __str__(self) -> str:
        return f"£{self.amount} {self.get_basis_display().lower()}"


class Claim(models.Model):
    """A payment for taking part in one meeting, made when attendance is taken. One a member a meeting."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")
        EXPORTED = "exported", _("Sent to finance")

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="claims")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="claims")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="claims")
    basis = models.CharField(max_length=10, choices=PaymentRate.Basis.choices)
    rate = models.DecimalField(max_digits=8, decimal_places=2)
    hours = models.DecimalField(max_digits=5, decimal_places=2)
    fee = models.DecimalField(max_digits=8, decimal_places=2)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reject_reason = models.CharField(_("reason"), max_length=500, blank=True)
    exported_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting__starts_at", "pk"]
        verbose_name = _("payment claim")
        verbose_name_plural = _("payment claims")
        constraints = [models.UniqueConstraint(fields=["member", "meeting"], name="claim_once_per_meeting")]
        indexes = [models.Index(fields=["body", "status"], name="claim_body_status")]

    def __str__(self) -> str:
        return f"claim {self.pk}"

    @property
    def expenses_total(self) -> Decimal:
        """The claim's expenses in pounds (from the prefetched expenses where the page fetched them)."""
        return sum((expense.amount for expense in self.expenses.all()), Decimal(0))


class FinanceExport(models.Model):
    """One batch of approved claims sent to finance: kept, so a lost download can be downloaded again."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="finance_exports")
    made_at = models.DateTimeField(_("made"), auto_now_add=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    claim_count = models.PositiveIntegerField(_("claims"))
    csv = models.TextField()

    class Meta:
        ordering = ["-made_at", "-pk"]
        verbose_name = _("finance export")

    def __str__(self) -> str:
        return f"{self.body} {self.made_at:%Y-%m-%d %H:%M}"


class Expense(models.Model):
    """Travel, childcare or other costs of taking part, with the receipt, kept sealed in file storage
    (``core.files``): ``receipt_file`` is its name there."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="expenses")
    what = models.CharField(_("what for"), max_length=200)
    amount = models.DecimalField(_("amount (£)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    receipt_name = models.CharField(max_length=200)
    receipt_type = models.CharField(max_length=100)
    receipt_file = models.CharField(max_length=200)
    submission_id = models.UUIDField(unique=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "pk"]
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")

    def __str__(self) -> str:
        return f"expense {self.pk}"


class Rota(models.Model):
    """A rolling rota, such as "every month someone else from the Hub goes to the Collaborative"."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="rotas")
    name = models.CharField(_("name"), max_length=150)
    duty = models.TextField(_("what the person on the rota does"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "name", "pk"]
        verbose_name = _("rota")
        verbose_name_plural = _("rotas")

    def __str__(self) -> str:
        return self.name


class RotaPlace(models.Model):
    """Someone who takes turns on a rota, in order."""

    rota = models.ForeignKey(Rota, on_delete=models.CASCADE, related_name="places")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="rota_places")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rota", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["rota", "membership"], name="rota_place_once")]

    def __str__(self) -> str:
        return f"rota place {self.pk}"


class RotaTurn(models.Model):
    """Whose turn it is at one meeting."""

    rota = models.ForeignKey(Rota, on_delete=models.CASCADE, related_name="turns")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rota_turns")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="rota_turns")

    class Meta:
        ordering = ["meeting__starts_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["rota", "meeting"], name="rota_turn_once_per_meeting")]

    def __str__(self) -> str:
        return f"rota turn {self.pk}"
