"""The safety net's lexicon: the patterns the clinical lead keeps, each with its category and why."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.safety.categories import RiskCategory
from livingwell.safety.matching import PatternError, pattern_regex

PATTERN_HELP = _(
    "Words in order, each a whole word; neighbouring words may also be typed as one. "
    "a|b: either word. a_b: the two words together, as one choice. word~: the word and its forms "
    "(end~ is end, ends, ended, ending). word*: any word starting so. [word]: may be left out. "
    "...: up to four other words between. #: a number. Case, apostrophes, hyphens, text-speak and "
    "one-slip typos of long words are dealt with before matching."
)


class LexiconEntry(models.Model):
    pattern = models.CharField(_("pattern"), max_length=1000, unique=True, help_text=PATTERN_HELP)
    # The words of the lexicon: every category but a concern, which a person raises, never the net.
    category = models.CharField(
        _("category"),
        max_length=32,
        choices=[(value, label) for value, label in RiskCategory.choices if value != RiskCategory.CONCERN],
    )
    note = models.CharField(
        _("note"), max_length=500, blank=True, help_text=_("Why this entry is here: an example of what it catches.")
    )
    active = models.BooleanField(_("in use"), default=True)
    changed_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("lexicon entry")
        verbose_name_plural = _("lexicon entries")
        ordering = ["category", "pattern"]

    def __str__(self) -> str:
        return self.pattern

    def clean(self) -> None:
        try:
            pattern_regex(self.pattern)
        except PatternError as error:
            raise ValidationError({"pattern": str(error)}) from error


class RiskFlag(models.Model):
    """Words of risk written somewhere other than an introduction, flagged to whoever is responsible.

    A safeguarding record: it keeps what was written, so that the person told can act without reaching into
    another part of the platform. Read only through ``safety/access.py``.
    """

    class Where(models.TextChoices):
        ABOUT_ME = "about_me", _("About me, in their own plan")
        PLAN_COMMENT = "plan_comment", _("A comment on their own plan")
        MEASURE = "measure", _("An outcome measure they filled in")
        TOPIC = "topic", _("A topic suggested to a co-production body")
        REPLY = "reply", _("A reply to a co-production meeting")
        JOIN_REQUEST = "join_request", _("A request to join a co-production body")
        RECORD_REQUEST = "record_request", _("Asking to see what we recorded")
        EVALUATION = "evaluation", _("An answer on how involved they felt in co-production")
        EXPERIENCE = "experience", _("An answer on their experience of support")
        STORY = "story", _("A story of their experience")
        TIME_BANK = "time_bank", _("Something they wrote in the time bank")
        PEER_SESSION = "peer_session", _("A peer support session")
        PEER_GROUP = "peer_group", _("A peer support group's session")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    raised_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    where = models.CharField(_("where it was written"), max_length=20, choices=Where.choices)
    written = models.TextField(_("what was written"))
    categories = models.JSONField(_("what the words were about"), default=list)
    phrases = models.JSONField(_("words that showed it"), default=list)
    # A person we support, when it is one (no foreign key: the flag outlives an erased record, as audit does).
    person_id = models.UUIDField(_("person"), null=True, blank=True, db_index=True)
    # Someone who is not a person we support (a member, a visitor): what they gave, to reach them.
    writer_name = models.CharField(_("name they gave"), max_length=150, blank=True)
    writer_contact = models.CharField(_("contact they gave"), max_length=254, blank=True)
    # Their personal guide, when they have one; otherwise the duty team.
    guide = models.ForeignKey(
        "accounts.User", verbose_name=_("guide told"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        "accounts.User", verbose_name=_("handled by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_note = models.TextField(_("what was done"), blank=True)
    # The form's once-only token, where it has one: the same words sent twice raise one flag.
    once = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("safety flag")
        ordering = ["raised_at"]
        indexes = [models.Index(fields=["handled_at", "raised_at"], name="safety_flags_open")]
        constraints = [
            models.UniqueConstraint(fields=["once"], condition=~models.Q(once=""), name="safety_flag_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_where_display()} {self.raised_at:%Y-%m-%d %H:%M}"

    def category_labels(self) -> list[str]:
        return [str(RiskCategory(category).label) for category in self.categories if category in RiskCategory]


class ReleaseSignOff(models.Model):
    """The Clinical Safety Officer's sign-off of one release against the safety case (DCB0129): who, when,
    and what they signed. Recorded by ``manage.py safety_signoff``; never changed afterwards."""

    release = models.CharField(_("release"), max_length=40, unique=True)
    officer = models.CharField(_("Clinical Safety Officer"), max_length=200)
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    statement = models.TextField(_("statement"))

    class Meta:
        verbose_name = _("release sign-off")
        ordering = ["-signed_at"]

    def __str__(self) -> str:
        return f"{self.release}: {self.officer}"
