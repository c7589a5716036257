"""How co-production is evaluated: the ladder of participation and the rounds in which a body's members say
where its work stood on it.

The rungs are data. A round's invitations say who was asked and whether they have answered; its answers say
what was answered, with the kind of constituency of whoever gave it and nothing else: no link to the
invitation, no time, a random key. So nobody, reading the tables, can tell who answered what.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.models import ConstituencyKind
from livingwell.core.languages import as_shipped


class Rung(models.Model):
    """One rung of the ladder of participation, from "doing to" up to "doing with"."""

    class Stage(models.TextChoices):
        DOING_TO = "to", _("Doing to")
        DOING_FOR = "for", _("Doing for")
        DOING_WITH = "with", _("Doing with")

    name = models.CharField(_("name"), max_length=80, unique=True)
    meaning = models.CharField(_("what it means, in plain words"), max_length=400)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    position = models.PositiveSmallIntegerField(
        _("order"), unique=True, help_text=_("1 is the bottom of the ladder; higher numbers are further up.")
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("rung of the ladder of participation")
        verbose_name_plural = _("rungs of the ladder of participation")

    def __str__(self) -> str:
        return self.name


# Who answered, as the results group them: the kinds of constituency, and contributors who are not members.
CONTRIBUTOR = "contributor"
GROUP_CHOICES = [*ConstituencyKind.choices, (CONTRIBUTOR, _("Contributor"))]


class EvaluationRound(models.Model):
    """A round of evaluation of one body's (or workstream's) work, open between two dates."""

    class Kind(models.TextChoices):
        BASELINE = "baseline", _("Baseline")
        END_OF_WORKSTREAM = "end", _("End of workstream")
        REVIEW = "review", _("Six-monthly review")

    body = models.ForeignKey("collaborative.Body", on_delete=models.CASCADE, related_name="evaluation_rounds")
    kind = models.CharField(_("kind of round"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=150)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    invited_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "closes_on", "pk"]
        verbose_name = _("evaluation round")
        verbose_name_plural = _("evaluation rounds")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="round_closes_after_opening")
        ]
        indexes = [models.Index(fields=["body", "closes_on"], name="round_body_closes")]

    def __str__(self) -> str:
        return self.title


class ReviewReport(models.Model):
    """The six-monthly review's written report: drafted together, edited by the advisory group, its
    recommendations carried into the body's meetings, published once approved by a decision at a meeting."""

    round = models.OneToOneField(EvaluationRound, on_delete=models.CASCADE, related_name="report")
    text = models.TextField(_("the report"), max_length=30000, blank=True)
    decision = models.OneToOneField(
        "collaborative.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(decision__isnull=False),
                name="review_published_once_approved",
            )
        ]

    def __str__(self) -> str:
        return f"review report {self.pk}"


class Recommendation(models.Model):
    """A recommendation of a review. When the meeting approves the report, it becomes one of the body's
    actions, agreed at that meeting and carried forward at each meeting after until it is done."""

    report = models.ForeignKey(ReviewReport, on_delete=models.CASCADE, related_name="recommendations")
    text = models.CharField(_("recommendation"), max_length=500)
    action = models.OneToOneField(
        "collaborative.Action", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text


class Principle(models.Model):
    """One of the principles a co-production audit scores against: the six of the New Economics Foundation
    ship with the platform, each with a prompt in plain words."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    prompt = models.CharField(_("what to think about"), max_length=500)
    position = models.PositiveSmallIntegerField(_("order"), unique=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("co-production principle")
        verbose_name_plural = _("co-production principles")

    def __str__(self) -> str:
        return self.name


class ScorePoint(models.Model):
    """A point on the audit's scale, such as 1 "Not yet" to 4 "How we always work"."""

    value = models.PositiveSmallIntegerField(_("score"), unique=True)
    label = models.CharField(_("label"), max_length=80)
    meaning = models.CharField(_("what it means"), max_length=300)

    class Meta:
        ordering = ["value"]
        verbose_name = _("point on the audit's scale")
        verbose_name_plural = _("points on the audit's scale")

    def __str__(self) -> str:
        return f"{self.value}: {self.label}"


class Audit(models.Model):
    """A co-production audit, run by a body (the Collaborative audits its partners): of the body itself, or
    of a partner organisation of the Alliance. Members score each principle with evidence; a facilitator
    agrees a rating and an action plan for each; the summary and plan can be published."""

    body = models.ForeignKey("collaborative.Body", on_delete=models.CASCADE, related_name="audits")
    organisation = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    year = models.PositiveSmallIntegerField(_("year"))
    opens_on = models.DateField(_("scoring opens"))
    closes_on = models.DateField(_("scoring closes"))
    invited_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "-year", "pk"]
        verbose_name = _("co-production audit")
        verbose_name_plural = _("co-production audits")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="audit_closes_after_opening")
        ]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    """Someone asked to answer a round, or to score an audit: a member of the body, or a contributor named by
    who runs it. Says whether they answered, never what."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        EvaluationRound, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations")
    member = models.ForeignKey(
        "collaborative.Member", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # A contributor's own; a member's come from their record.
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    group = models.CharField(max_length=20, choices=GROUP_CHOICES)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    answered = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "created_at", "pk"]
        verbose_name = _("invitation to evaluate")
        verbose_name_plural = _("invitations to evaluate")
        constraints = [
            models.CheckConstraint(
                condition=Q(round__isnull=False, audit__isnull=True) | Q(round__isnull=True, audit__isnull=False),
                name="invitation_to_a_round_or_an_audit",
            ),
            models.UniqueConstraint(
                fields=["round", "member"], condition=Q(member__isnull=False), name="invitation_member_once"
            ),
            models.UniqueConstraint(
                fields=["round", "email"], condition=Q(member__isnull=True), name="invitation_contributor_once"
            ),
            models.UniqueConstraint(
                fields=["audit", "member"], condition=Q(member__isnull=False), name="audit_invitation_member_once"
            ),
            models.UniqueConstraint(
                fields=["audit", "email"], condition=Q(member__isnull=True), name="audit_invitation_contributor_once"
            ),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk}"

    @property
    def invitee_name(self) -> str:
        return self.member.name if self.member else self.name

    @property
    def address(self) -> str:
        """Where the invitation is emailed: a member's address on their record, a contributor's own."""
        return self.member.email if self.member else self.email


class Answer(models.Model):
    """Where one person felt the work stood, and why. Anonymous: see the module's note."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="answers")
    rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="answers")
    group = models.CharField(max_length=20, choices=GROUP_CHOICES)
    why = models.TextField(_("why"), max_length=3000)
    move_up = models.TextField(_("what would move it up"), max_length=3000, blank=True)
    # They agreed that their words may be quoted, without their name, in the published results.
    may_quote = models.BooleanField(default=False)
    # Who runs the body may leave a quote out (one that names someone, say); it is never changed.
    quote_left_out = models.BooleanField(default=False)

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["round", "group", "rung"], name="answer_round_group_rung")]

    def __str__(self) -> str:
        return f"answer {self.pk}"


class AuditScore(models.Model):
    """One person's score of one principle, with their evidence. Kept without who gave it, as answers are."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="scores")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+")
    point = models.ForeignKey(ScorePoint, on_delete=models.PROTECT, related_name="+")
    evidence = models.TextField(_("evidence"), max_length=3000)
    group = models.CharField(max_length=20, choices=GROUP_CHOICES)

    class Meta:
        ordering = ["audit", "principle", "pk"]
        verbose_name = _("audit score")
        verbose_name_plural = _("audit scores")

    def __str__(self) -> str:
        return f"audit score {self.pk}"


class AgreedRating(models.Model):
    """The rating the facilitator agreed for one principle, from the scores and their evidence."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="ratings")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+")
    point = models.ForeignKey(ScorePoint, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField(_("why this rating"), max_length=3000)
    agreed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["audit", "principle__position"]
        verbose_name = _("agreed rating")
        verbose_name_plural = _("agreed ratings")
        constraints = [models.UniqueConstraint(fields=["audit", "principle"], name="agreed_rating_once")]

    def __str__(self) -> str:
        return f"agreed rating {self.pk}"


class PlanAction(models.Model):
    """One step of an audit's action plan, for one principle. It goes into the body's rolling programme as a
    topic, to be taken up at a meeting and made one of its actions."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="plan")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(_("what will be done"), max_length=500)
    who = models.CharField(_("who will do it"), max_length=150)
    due_on = models.DateField(_("by when"))
    topic = models.ForeignKey("collaborative.Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    submission_id = models.UUIDField(unique=True)

    class Meta:
        ordering = ["audit", "principle__position", "due_on", "pk"]
        verbose_name = _("action in an audit's plan")
        verbose_name_plural = _("actions in an audit's plan")

    def __str__(self) -> str:
        return self.what


class Story(models.Model):
    """Someone's story of their experience, in their own words, read by whom they choose. Nothing is
    published until its author has approved the final words; withdrawing unpublishes it at once."""

    class Writer(models.TextChoices):
        PERSON = "person", _("Someone who has had support")
        CARER = "carer", _("A carer, family member or friend")
        WORKER = "worker", _("Someone who works in a service")
        MEMBER = "member", _("A member of a co-production group")
        OTHER = "other", _("Someone else")

    class Audience(models.TextChoices):
        TEAM = "team", _("Only the team")
        ANONYMOUS = "anonymous", _("Everyone, without my name")
        NAMED = "named", _("Everyone, with my name")

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to be read")
        WITH_AUTHOR = "with_author", _("With the author to approve")
        PUBLISHED = "published", _("Published")
        KEPT = "kept", _("Read by the team")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("your story"), max_length=10000)
    writer = models.CharField(_("who is writing"), max_length=10, choices=Writer.choices)
    audience = models.CharField(_("who may read it"), max_length=10, choices=Audience.choices)
    name = models.CharField(_("your name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), max_length=254, blank=True)
    # The language of the page it was written on: what we send the author is written in it (decision 0062).
    written_in = models.CharField(_("language of the messages we send"), max_length=10, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.WAITING)
    # The coordinator's suggested words (names and details taken out), shown beside the author's.
    suggested = models.TextField(_("suggested words"), max_length=10000, blank=True)
    note = models.TextField(_("a note to the author"), max_length=2000, blank=True)
    # The words the author approved: all that is ever published.
    approved_text = models.TextField(blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    in_report = models.BooleanField(_("for the quarterly report"), default=False)
    submission_id = models.UUIDField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [models.Index(fields=["status", "published_at"], name="story_status_published")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | ~Q(approved_text="") & Q(approved_at__isnull=False),
                name="story_published_only_as_approved",
            ),
        ]

    def __str__(self) -> str:
        return f"story {self.pk}"

    @property
    def signed_by(self) -> str:
        """How the published story is signed: their name only if they chose to be named."""
        if self.audience == self.Audience.NAMED and self.name:
            return self.name
        return str(self.get_writer_display())


class ExperienceQuestion(models.Model):
    """A question of the experience-of-support survey: a statement to agree or disagree with, or a box for
    their own words. Data: the defaults ship in migration 0007; administrators change them in the admin."""

    class Kind(models.TextChoices):
        AGREE = "agree", _("Agree or disagree")
        WORDS = "words", _("In their own words")

    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.AGREE)
    position = models.PositiveSmallIntegerField(_("order"))
    active = models.BooleanField(_("asked"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("experience question")
        verbose_name_plural = _("experience questions")

    def __str__(self) -> str:
        return self.text

    @property
    def label(self) -> str:
        """The question in the reader's language: the shipped ones are translated, others are as written."""
        from livingwell.voice.experience import SHIPPED_QUESTIONS

        return as_shipped(self.text, SHIPPED_QUESTIONS)


class Moment(models.TextChoices):
    FIRST = "first", _("After the first conversation")
    REVIEW = "review", _("At a plan review")
    CLOSING = "closing", _("At closing")


AGREEMENT = [
    ("5", _("Strongly agree")),
    ("4", _("Agree")),
    ("3", _("Neither agree nor disagree")),
    ("2", _("Disagree")),
    ("1", _("Strongly disagree")),
]


class ExperienceOffer(models.Model):
    """The survey offered to someone we support, at a moment of their support, by one way. Says whether they
    answered, never what: the answers are kept apart, so that guides never see them."""

    class Way(models.TextChoices):
        EMAIL = "email", _("By email")
        TEXT = "text", _("By text message")
        ACCOUNT = "account", _("On their own account")
        GUIDE = "guide", _("Filled in with me now")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    episode = models.ForeignKey("support.Episode", on_delete=models.CASCADE, related_name="+")
    moment = models.CharField(_("when"), max_length=10, choices=Moment.choices)
    way = models.CharField(_("how"), max_length=10, choices=Way.choices)
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    offered_at = models.DateTimeField(auto_now_add=True)
    answered = models.BooleanField(default=False)
    submission_id = models.UUIDField(unique=True)

    class Meta:
        ordering = ["-offered_at", "pk"]
        verbose_name = _("experience survey offered")
        verbose_name_plural = _("experience surveys offered")

    def __str__(self) -> str:
        return f"experience offer {self.pk}"


class ExperienceResponse(models.Model):
    """One person's answers, with the moment and the month and nothing else: no link to them, their episode or
    the offer, and a random key. Counted, suppressed, in the figures."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    moment = models.CharField(max_length=10, choices=Moment.choices)
    month = models.DateField()  # the first day of the month it was answered in
    answers = models.JSONField(default=dict)  # question id (as text) → "1" to "5"
    words = models.TextField(max_length=3000, blank=True)

    class Meta:
        ordering = ["month", "pk"]
        verbose_name = _("experience survey answer")
        verbose_name_plural = _("experience survey answers")
        indexes = [models.Index(fields=["month", "moment"], name="experience_month_moment")]

    def __str__(self) -> str:
        return f"experience response {self.pk}"
