"""The person record: what we need to know to support someone, and nothing more.

Read it only through ``livingwell.people.access``. Equality monitoring is kept in its own model so
that the person record can be shown without it.
"""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livingwell.people.matching import contact_keys_set
from livingwell.people.nhs_number import nhs_number_ending, nhs_number_shown


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")
    LETTER = "letter", _("Letter")


def contact_method_labels(methods: list[str]) -> list[str]:
    """The ways chosen, in words, in the order they were kept."""
    labels = dict(ContactMethod.choices)
    return [str(labels.get(method, method)) for method in methods]


class Person(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    preferred_name = models.CharField(_("the name you like to be called"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=50, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    # Every way they are happy to be contacted (ContactMethod values); none chosen means any way.
    contact_methods = models.JSONField(_("how you would like us to contact you"), default=list, blank=True)
    contact_notes = models.CharField(
        _("anything we should know about contacting you"),
        max_length=500,
        blank=True,
        help_text=_("For example, the best times to call, or not to leave a voicemail."),
    )
    # Optional: ten digits, checked (people/nhs_number.py); whole on their record, never on a list.
    nhs_number = models.CharField(_("NHS number"), max_length=10, blank=True)
    language = models.CharField(_("language you prefer"), max_length=50, default="English")
    # The language what we send them is written in (a code of settings.LANGUAGES): the one they used the
    # front door in (decision 0062); empty for the site's own.
    written_in = models.CharField(_("language of the messages we send"), max_length=10, blank=True)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    access_needs = models.TextField(_("access needs"), blank=True)
    consents_to_contact = models.BooleanField(_("agrees to be contacted"), default=False)
    consents_to_contact_at = models.DateTimeField(null=True, blank=True)
    consents_to_publish_stories = models.BooleanField(_("agrees to their story being published"), default=False)
    consents_to_publish_stories_at = models.DateTimeField(null=True, blank=True)
    # Phone and email as compared when looking for people already known (``people.matching``).
    phone_key = models.CharField(max_length=30, blank=True, editable=False, db_index=True)
    email_key = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When what identifies them was erased (``rights.erasure``): the row stays, as a number in the figures.
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    class Meta:
        ordering = ["preferred_name", "id"]
        indexes = [models.Index(fields=["date_of_birth"], name="person_date_of_birth")]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.preferred_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        contact_keys_set(self, kwargs)
        super().save(*args, **kwargs)

    @property
    def nhs_number_shown(self) -> str:
        return nhs_number_shown(self.nhs_number)

    @property
    def written_in_name(self) -> str:
        """The language what we send them is written in, named in itself ("Polski"); the site's own if none."""
        from livingwell.core.languages import language_name

        return language_name(self.written_in or settings.LANGUAGE_CODE)

    @property
    def nhs_number_ending(self) -> str:
        return nhs_number_ending(self.nhs_number)

    @property
    def email_to_use(self) -> str:
        """Where to email them news of their own support: their sign-in's address, else the one they gave if
        they agreed to be contacted, and by email ('' when neither)."""
        if self.user is not None and self.user.email:
            return self.user.email
        by_email = not self.contact_methods or ContactMethod.EMAIL in self.contact_methods
        return self.email if self.consents_to_contact and by_email else ""

    def contact_method_labels(self) -> list[str]:
        return contact_method_labels(self.contact_methods)


class SharingConsent(models.Model):
    """A person's consent to share their information with one named organisation."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sharing_consents")
    organisation = models.ForeignKey("directory.Organization", on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_current_sharing_consent_per_organisation",
            ),
        ]
        verbose_name = _("consent to share")
        verbose_name_plural = _("consents to share")

    def __str__(self) -> str:
        return f"{self.person_id} → {self.organisation_id}"


class EqualityAnswers(models.Model):
    """Optional equality monitoring answers, each kept apart from what they came with (an introduction's
    are ``frontdoor.IntroductionEquality``) and used only in aggregate."""

    age_band = models.CharField(_("age"), max_length=20, blank=True)
    gender = models.CharField(_("gender"), max_length=100, blank=True)
    ethnic_group = models.CharField(_("ethnic group"), max_length=100, blank=True)
    disability = models.CharField(_("disability"), max_length=100, blank=True)
    sexual_orientation = models.CharField(_("sexual orientation"), max_length=100, blank=True)
    religion = models.CharField(_("religion or belief"), max_length=100, blank=True)

    class Meta:
        abstract = True
        verbose_name = _("equality monitoring")
        verbose_name_plural = _("equality monitoring")
