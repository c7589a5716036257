"""Introductions: how people arrive at the Living Well Network, with no eligibility criteria.

Read them only through ``livingwell.frontdoor.access``. Equality monitoring is kept in its own model,
used only in aggregate.
"""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from livingwell.core.languages import language_name
from livingwell.people.matching import contact_keys_set
from livingwell.people.models import EqualityAnswers, contact_method_labels
from livingwell.safety.categories import RiskCategory

# The answers the safety net reads: everything a person writes in their own words. "When is a good, safe time
# to contact you?" among them: someone not safe where they live may say so there first ("only when he is at
# work, he checks my phone").
FREE_TEXT_FIELDS = (
    "in_their_words",
    "safe_times",
    "what_matters",
    "enjoys",
    "good_at",
    "would_help_other",
    "access_needs",
)


class Introduction(models.Model):
    class ForWhom(models.TextChoices):
        SELF = "self", _("Me")
        SOMEONE_ELSE = "someone_else", _("Someone else, who has agreed to this")

    class Introducer(models.TextChoices):
        GP = "gp", _("Their GP")
        WORKER = "worker", _("A worker who supports them")
        FAMILY = "family", _("Family")
        FRIEND = "friend", _("A friend")
        OTHER = "other", _("Someone else")

    class Status(models.TextChoices):
        NEW = "new", _("Waiting for the Hub")
        ROUTED = "routed", _("Routed")

    class Route(models.TextChoices):
        INFORMATION = "information", _("Information: services they can contact themselves")
        COMMUNITY = "community", _("Community support: an introduction to a network service")
        HUB = "hub", _("Hub support: an episode with a personal guide")
        SECONDARY_CARE = "secondary_care", _("Secondary care: an introduction to the mental health trust")
        CLOSED = "closed", _("Closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    # The form's one-time token: submitting the same answers twice makes one introduction.
    submission_token = models.UUIDField(unique=True, editable=False)
    for_whom = models.CharField(_("who this is for"), max_length=20, choices=ForWhom.choices)
    introducer_relationship = models.CharField(
        _("who is introducing them"), max_length=20, choices=Introducer.choices, blank=True
    )
    introducer_name = models.CharField(_("introducer's name"), max_length=100, blank=True)
    introducer_contact = models.CharField(_("how to reach the introducer"), max_length=200, blank=True)
    introducer_confirms_agreement = models.BooleanField(_("the person agreed to this introduction"), default=False)
    preferred_name = models.CharField(_("the name they like to be called"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    contact_methods = models.JSONField(_("how to contact them"), default=list)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    # Phone and email as compared when looking for people already known (``people.matching``).
    phone_key = models.CharField(max_length=30, blank=True, editable=False, db_index=True)
    email_key = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    safe_times = models.CharField(_("good times to contact them"), max_length=200, blank=True)
    may_leave_message = models.BooleanField(_("we may leave a message"), null=True)
    in_their_words = models.TextField(_("what is going on, in their own words"))
    what_matters = models.TextField(_("what matters to them"), blank=True)
    enjoys = models.TextField(_("what they enjoy"), blank=True)
    good_at = models.TextField(_("what they are good at"), blank=True)
    would_help = models.JSONField(_("what would help"), default=list)
    would_help_other = models.TextField(_("what else would help"), blank=True)
    access_needs = models.TextField(_("access needs"), blank=True)
    language = models.CharField(_("language"), max_length=50, blank=True)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    # The language they used the front door in: what we send them is written in it (decision 0062).
    written_in = models.CharField(_("language of the messages we send"), max_length=10, blank=True)
    gp_practice = models.CharField(_("GP practice"), max_length=200, blank=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_urgent = models.BooleanField(_("mentions immediate risk"), default=False)
    # The safety-net phrases found, so the duty worker sees why it was marked urgent.
    urgent_phrases = models.JSONField(_("words that marked it urgent"), default=list, blank=True)
    # What the safety net found them to be about (safety.categories.RiskCategory), for the routes shown.
    risk_categories = models.JSONField(_("what the words were about"), default=list, blank=True)
    # A keyed digest of the address it came from (never the address): introductions from one source are
    # grouped for the duty worker, so that a flood cannot bury real urgent cases.
    source_key = models.CharField(max_length=32, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("introduced"), auto_now_add=True, db_index=True)
    # The person record, once the Hub links the introduction to one (new, or someone already known).
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="introductions"
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("duty worker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claimed_introductions",
    )
    claimed_at = models.DateTimeField(_("taken"), null=True, blank=True)
    route = models.CharField(_("where it went"), max_length=20, choices=Route.choices, blank=True)
    route_reason = models.TextField(_("why"), blank=True)
    routed_at = models.DateTimeField(_("routed"), null=True, blank=True)
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # For information: the listings sent to the person. For community support: the one introduced to.
    services = models.ManyToManyField("directory.Service", blank=True, related_name="+")

    class Meta:
        ordering = ["-is_urgent", "created_at"]
        # The duty queue: open introductions, urgent first, then the oldest.
        indexes = [
            models.Index(fields=["status", "-is_urgent", "created_at"], name="duty_queue_order"),
            models.Index(fields=["date_of_birth"], name="introduction_date_of_birth"),
        ]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(for_whom="self")
                | models.Q(introducer_confirms_agreement=True, for_whom="someone_else"),
                name="introduction_by_someone_else_is_agreed",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        contact_keys_set(self, kwargs)
        super().save(*args, **kwargs)

    @property
    def linked_to_someone_known(self) -> bool:
        """Whether the person record it is linked to existed before it arrived: someone already known, not a
        record made for them when the introduction was routed."""
        return self.person is not None and self.person.created_at < self.created_at

    def risk_category_labels(self) -> list[str]:
        return [str(RiskCategory(category).label) for category in self.risk_categories if category in RiskCategory]

    def contact_method_labels(self) -> list[str]:
        return contact_method_labels(self.contact_methods)

    @property
    def written_in_other_language(self) -> str:
        """The language they used the front door in, named for the duty team, when it was not English."""
        return language_name(self.written_in) if self.written_in and self.written_in != settings.LANGUAGE_CODE else ""


class ContactAttempt(models.Model):
    """The Hub trying to reach someone: each try, with its time, starts the waiting clock."""

    class Outcome(models.TextChoices):
        SPOKE = "spoke", _("Called and spoke to them")
        LEFT_MESSAGE = "left_message", _("Left a message")
        NO_ANSWER = "no_answer", _("No answer")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    introduction = models.ForeignKey(Introduction, on_delete=models.CASCADE, related_name="contact_attempts")
    outcome = models.CharField(_("what happened"), max_length=20, choices=Outcome.choices)
    attempted_at = models.DateTimeField(_("when"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["attempted_at", "id"]

    def __str__(self) -> str:
        return f"{self.introduction_id} {self.outcome}"


class FirstConversation(models.Model):
    """The first proper conversation: what matters, their strengths, and the next step agreed."""

    introduction = models.OneToOneField(Introduction, on_delete=models.CASCADE, related_name="first_conversation")
    held_at = models.DateTimeField(_("when"))
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    what_matters = models.TextField(_("what matters to them"))
    strengths = models.TextField(_("their strengths, interests and connections"))
    next_step = models.TextField(_("the next step you agreed"))

    def __str__(self) -> str:
        return str(self.introduction_id)


class IntroductionEquality(EqualityAnswers):
    """Optional equality monitoring given with an introduction, kept apart and used only in aggregate."""

    introduction = models.OneToOneField(Introduction, on_delete=models.CASCADE, related_name="equality")

    class Meta(EqualityAnswers.Meta):
        pass

    def __str__(self) -> str:
        return str(self.introduction_id)


class RecordLink(models.Model):
    """A one-time link, sent to the contact address an introduction gave, to see what was recorded."""

    class SentTo(models.TextChoices):
        EMAIL = "email", _("Email")
        TEXT = "text", _("Text message")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    introduction = models.ForeignKey(Introduction, on_delete=models.CASCADE, related_name="record_links")
    sent_to = models.CharField(max_length=10, choices=SentTo.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return str(self.pk)
