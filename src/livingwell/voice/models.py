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


class Invitation(models.Model):
    """Someone asked to answer a round: a member of the body, or a contributor named by who runs it. Says
    whether they answered, never what."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="invitations")
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
            models.UniqueConstraint(
                fields=["round", "member"], condition=Q(member__isnull=False), name="invitation_member_once"
            ),
            models.UniqueConstraint(
                fields=["round", "email"], condition=Q(member__isnull=True), name="invitation_contributor_once"
            ),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk}"


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
