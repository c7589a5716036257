"""The question pages of an introduction: one thing per page where it helps (GOV.UK patterns).

Each form takes ``for_self``: the questions speak to the person ("you") or, when someone introduces
them, about the person ("they").
"""

import datetime
import functools
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukDateField, GovukForm, TelInput
from livingwell.core.neighbourhoods import neighbourhood_choices
from livingwell.core.outcomes import Big3Outcome
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.shells import kept_per_process
from livingwell.people.matching import EARLIEST_BIRTH_YEAR
from livingwell.people.models import ContactMethod

LONG_TEXT = 5000
SHORT_TEXT = 2000
PHONE = re.compile(r"^\+?[0-9 ()-]{10,20}$")


class StepForm(GovukForm):
    """A question page's form. ``labels_about_them`` replaces labels when someone else introduces the person."""

    labels_about_them: dict[str, Any] = {}

    def __init__(self, *args: Any, for_self: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.for_self = for_self
        if not for_self:
            for name, label in self.labels_about_them.items():
                self.fields[name].label = label

    @classmethod
    def read_only(cls, *, for_self: bool) -> "StepForm":
        """A blank form to read questions from (labels, choices), never to bind or change: made once per process
        for each way of asking, in each language, while the choices it offers stay the same."""
        return _blank_form(cls, for_self, get_language(), cls.choices_from_records())

    @classmethod
    def choices_from_records(cls) -> tuple[Any, ...]:
        """The choices this form takes from records, which can change while a process runs: none here."""
        return ()

    def html(self) -> SafeString:
        """The form's fields as HTML. A blank form (nothing typed, nothing answered before) reads the same for
        everyone asked the same question in the same words, language and choices, so each process keeps it a
        while (the template fragments' cache) instead of rendering it for each person: on the way forward
        through the questions that is every page (decision 0055). A form with anything of a person's in it is
        always rendered afresh and never kept."""
        if self.is_bound or self.initial:
            return self.render()
        choices = [(name, [(str(value), str(label)) for value, label in getattr(field, "choices", ())])
                   for name, field in self.fields.items()]  # fmt: skip
        same_for = (type(self).__name__, self.for_self, get_language(), choices)
        kept = kept_per_process("lw-blank-form", same_for, lambda: str(self.render()))
        return mark_safe(kept)  # noqa: S308 - rendered by the form's own templates, which escape


@functools.lru_cache(maxsize=128)
def _blank_form(form: type[StepForm], for_self: bool, language: str, choices: tuple[Any, ...]) -> StepForm:
    """``language`` and ``choices`` are in the key only: the form made reads both as it is made."""
    return form(for_self=for_self)


def _text(label: Any, *, required: bool = False, max_length: int = SHORT_TEXT, hint: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Enter some words, even just a few"),
            "max_length": _("Use %(limit_value)s characters or fewer"),
        },
    )


class WhoForm(StepForm):
    for_whom = forms.ChoiceField(
        label=_("Who is this introduction for?"),
        choices=Introduction.ForWhom.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who this introduction is for")},
    )


class IntroducerForm(StepForm):
    introducer_relationship = forms.ChoiceField(
        label=_("Who are you to them?"),
        choices=Introduction.Introducer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who you are to them")},
    )
    introducer_name = forms.CharField(
        label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name")}
    )
    introducer_contact = forms.CharField(
        label=_("How can we reach you?"),
        max_length=200,
        help_text=_("A phone number or email address, in case we need to ask you something."),
        error_messages={"required": _("Enter a phone number or email address for you")},
    )
    introducer_confirms_agreement = forms.BooleanField(
        label=_("They know about this introduction and have agreed to it"),
        error_messages={"required": _("Confirm that they have agreed to this introduction")},
    )


class NameForm(StepForm):
    preferred_name = forms.CharField(
        label=_("What name would you like us to call you?"),
        max_length=100,
        help_text=_("Any name you like. It does not have to be your full or legal name."),
        error_messages={
            "required": _("Enter a name we can call you"),
            "max_length": _("Use 100 characters or fewer"),
        },
    )
    labels_about_them = {"preferred_name": _("What name would they like us to call them?")}

    def clean_preferred_name(self) -> str:
        name = " ".join(self.cleaned_data["preferred_name"].split())
        if not name:
            raise ValidationError(_("Enter a name we can call you"))
        return name


class DateOfBirthForm(StepForm):
    date_of_birth = GovukDateField(
        label=_("What is your date of birth? (optional)"),
        required=False,
        help_text=_(
            "It helps us see whether we have met you before, so that you do not have to start again. "
            "For example, 27 3 1985."
        ),
    )
    labels_about_them = {"date_of_birth": _("What is their date of birth? (optional)")}

    def clean_date_of_birth(self) -> datetime.date | None:
        born = self.cleaned_data["date_of_birth"]
        if born is not None and born > timezone.localdate():
            raise ValidationError(_("The date of birth must be in the past"))
        if born is not None and born.year < EARLIEST_BIRTH_YEAR:
            raise ValidationError(_("Enter a year after %(year)s") % {"year": EARLIEST_BIRTH_YEAR})
        return born


class ContactForm(StepForm):
    contact_methods = forms.MultipleChoiceField(
        label=_("How should we contact you?"),
        choices=[
            (ContactMethod.PHONE, _("Phone call")),
            (ContactMethod.TEXT, _("Text message")),
            (ContactMethod.EMAIL, _("Email")),
            (ContactMethod.LETTER, _("Letter")),
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that are all right."),
        error_messages={"required": _("Select at least one way to contact you")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        help_text=_("For a call or a text message."),
        widget=TelInput(attrs={"autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"invalid": _("Enter an email address in the right format, like name@example.com")},
    )
    address = forms.CharField(
        label=_("Postal address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    safe_times = forms.CharField(
        label=_("When is a good, safe time to contact you?"),
        required=False,
        max_length=200,
        help_text=_("For example, weekday mornings, or not after 6pm."),
    )
    may_leave_message = forms.TypedChoiceField(
        label=_("May we leave a message?"),
        choices=[("yes", _("Yes")), ("no", _("No, please do not leave a message"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether we may leave a message")},
    )
    labels_about_them = {
        "contact_methods": _("How should we contact them?"),
        "safe_times": _("When is a good, safe time to contact them?"),
    }

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Enter a phone number, like 01632 960 001 or 07700 900 982"))
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        methods = cleaned.get("contact_methods") or []
        needed = {
            "phone": (
                {ContactMethod.PHONE, ContactMethod.TEXT},
                _("Enter a phone number, or choose another way to contact you"),
            ),
            "email": ({ContactMethod.EMAIL}, _("Enter an email address, or choose another way to contact you")),
            "address": ({ContactMethod.LETTER}, _("Enter a postal address, or choose another way to contact you")),
        }
        for field, (chosen_by, message) in needed.items():
            if chosen_by & set(methods) and not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        return cleaned


class WordsForm(StepForm):
    in_their_words = _text(
        _("What is going on for you at the moment?"),
        required=True,
        max_length=LONG_TEXT,
        hint=_("In your own words. Write as much or as little as you like."),
    )
    labels_about_them = {"in_their_words": _("What is going on for them at the moment?")}


class MattersForm(StepForm):
    what_matters = _text(_("What matters to you?"), hint=_("People, places, plans, anything. You can leave this out."))
    enjoys = _text(_("What do you enjoy?"), hint=_("You can leave this out."))
    good_at = _text(_("What are you good at?"), hint=_("Skills, talents, things people thank you for."))
    labels_about_them = {
        "what_matters": _("What matters to them?"),
        "enjoys": _("What do they enjoy?"),
        "good_at": _("What are they good at?"),
    }


class HelpForm(StepForm):
    would_help = forms.MultipleChoiceField(
        label=_("What would help?"),
        choices=Big3Outcome.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select any that fit. You can also say it in your own words."),
    )
    would_help_other = _text(_("Anything else that would help"))


class AccessForm(StepForm):
    access_needs = _text(
        _("Is there anything we should do to make it easier to talk to you or meet you?"),
        hint=_("For example, large print, step-free access, a quiet room, or someone with you."),
    )
    language = forms.CharField(
        label=_("Which language would you like to use?"),
        required=False,
        max_length=50,
        help_text=_("Leave this empty for English."),
    )
    needs_interpreter = forms.BooleanField(label=_("I would like an interpreter"), required=False)
    labels_about_them = {
        "access_needs": _("Is there anything we should do to make it easier to talk to them or meet them?"),
        "language": _("Which language would they like to use?"),
        "needs_interpreter": _("They would like an interpreter"),
    }


class GpForm(StepForm):
    gp_practice = forms.CharField(
        label=_("Which GP practice are you registered with? (optional)"),
        required=False,
        max_length=200,
        help_text=_("You do not need a GP to introduce yourself."),
    )
    neighbourhood = forms.ChoiceField(
        label=_("Which neighbourhood do you live in? (optional)"),
        required=False,
        help_text=_("It helps us see how long people wait in each part of the borough."),
    )
    labels_about_them = {
        "gp_practice": _("Which GP practice are they registered with? (optional)"),
        "neighbourhood": _("Which neighbourhood do they live in? (optional)"),
    }

    @classmethod
    def choices_from_records(cls) -> tuple[Any, ...]:
        return tuple(neighbourhood_choices())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        neighbourhoods = neighbourhood_choices()
        self.fields["neighbourhood"].choices = [("", _("Not sure, or prefer not to say")), *neighbourhoods]  # type: ignore[attr-defined]


def _choices(*labels: str) -> list[tuple[str, Any]]:
    """Each answer kept in English, as the figures count it, and shown in the reader's language."""
    return [("", _("Prefer not to say")), *((label, _(label)) for label in labels)]


AGE_BANDS = [
    gettext_noop("16 to 24"),
    gettext_noop("25 to 34"),
    gettext_noop("35 to 44"),
    gettext_noop("45 to 54"),
    gettext_noop("55 to 64"),
    gettext_noop("65 to 74"),
    gettext_noop("75 or over"),
]


class EqualityForm(StepForm):
    age_band = forms.ChoiceField(label=_("Age"), required=False, choices=_choices(*AGE_BANDS))
    gender = forms.CharField(label=_("Gender"), required=False, max_length=100)
    ethnic_group = forms.CharField(label=_("Ethnic group"), required=False, max_length=100)
    disability = forms.ChoiceField(
        label=_("Do you consider yourself to have a disability or long-term condition?"),
        required=False,
        choices=_choices(gettext_noop("Yes"), gettext_noop("No")),
    )
    sexual_orientation = forms.CharField(label=_("Sexual orientation"), required=False, max_length=100)
    religion = forms.CharField(label=_("Religion or belief"), required=False, max_length=100)


class RecordRequestForm(GovukForm):
    """Asking for a one-time link to see what an introduction recorded."""

    reference = forms.CharField(
        label=_("Your reference"),
        max_length=20,
        help_text=_("It starts LW-, and is on the page and in the message you got when you introduced yourself."),
        error_messages={"required": _("Enter your reference")},
    )
    contact = forms.CharField(
        label=_("The email address or mobile number you gave us"),
        max_length=254,
        help_text=_("We send the link there, and nowhere else."),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "email"}),
        error_messages={"required": _("Enter the email address or mobile number you gave us")},
    )


class SendForm(forms.Form):
    """Sending the introduction from the check page: the journey's own token, so a replay sends nothing."""

    token = forms.UUIDField()


class LinkForm(forms.Form):
    """The possible match the duty worker chose (checked against today's matches by the view)."""

    match = forms.CharField(max_length=200)
