"""The shapes of what the time bank's pages accept."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukDateField, GovukForm, TelInput, email_field, once_token, text_field
from livingwell.core.models import Neighbourhood
from livingwell.timebank.models import MOST_MINUTES, STEP_MINUTES, Category, Listing


def _area() -> forms.ModelChoiceField[Neighbourhood]:
    return forms.ModelChoiceField(
        queryset=Neighbourhood.objects.all(),
        label=_("Area (optional)"),
        required=False,
        empty_label=_("Anywhere"),
        error_messages={"invalid_choice": _("Choose an area from the list")},
    )


def _agree() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("I have read the code of conduct and the advice on meeting someone for the first time, and I agree"),
        error_messages={"required": _("Agree to the code of conduct to join")},
    )


class JoinForm(GovukForm):
    """Joining with an account already: their email address is the account's."""

    name = text_field(
        _("The name other members see"),
        60,
        missing=_("Enter the name other members will see"),
        help_text=_("Your first name is enough. It is never shown in public."),
    )
    phone = forms.CharField(label=_("Phone number (optional)"), max_length=30, required=False, widget=TelInput)
    area = _area()
    about = text_field(_("What you enjoy doing (optional)"), 1000, rows=3)
    agree = _agree()
    submission_id = once_token()


class AskToJoinForm(JoinForm):
    """Asking to join without an account: the coordinator welcomes them, and makes one."""

    email = email_field(_("We send your welcome and the way to sign in here."), _("Enter your email address"))
    field_order = ["name", "email", "phone", "area", "about", "agree", "submission_id"]


class ListingForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Are you offering help, or asking for it?"),
        choices=[(Listing.Kind.OFFER, _("Offering help")), (Listing.Kind.REQUEST, _("Asking for help"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose offering or asking"), "invalid_choice": _("Choose offering or asking")},
    )
    category = forms.ModelChoiceField(
        queryset=Category.objects.all(),
        label=_("Category"),
        empty_label=None,
        error_messages={"required": _("Choose a category"), "invalid_choice": _("Choose a category from the list")},
    )
    title = text_field(_("Title"), 120, missing=_("Enter a title"), help_text=_("For example: Help with a garden"))
    description = text_field(
        _("Description"),
        2000,
        missing=_("Enter a description"),
        rows=5,
        help_text=_(
            "What, and when suits you. Everyone can read this, so leave out your address and anything private."
        ),
    )
    area = _area()
    submission_id = once_token()


class SearchForm(forms.Form):
    """The search of offers and requests: every field optional, anything unknown ignored."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Offers or requests"),
        choices=[("", _("Both")), *Listing.Kind.choices],
        required=False,
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("All")), *Category.objects.values_list("slug", "name")]  # type: ignore[attr-defined]
        self.fields["area"].choices = [("", _("Anywhere")), *Neighbourhood.objects.values_list("slug", "name")]  # type: ignore[attr-defined]

    def criteria(self) -> dict[str, str]:
        """What to search by: each field that is valid (one that is not, such as an unknown category, is left
        out, and the rest still apply)."""
        self.is_valid()
        data = self.cleaned_data
        return {name: data.get(field, "") for name, field in (("words", "q"), ("kind", "kind"),
                ("category", "category"), ("area", "area"))}  # fmt: skip


class AskForm(GovukForm):
    message = text_field(
        _("Your message (optional)"),
        1000,
        rows=4,
        help_text=_("Say hello, and when suits you. Only this member reads it."),
    )
    submission_id = once_token()


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])


class HoursField(forms.DecimalField):
    """Hours to the quarter hour, from a quarter of an hour to 12 hours; cleans to minutes."""

    def __init__(self, **kwargs: Any) -> None:
        message = _("Enter the hours in quarter hours, from 0.25 to 12, like 1.5")
        super().__init__(
            max_digits=5,
            decimal_places=2,
            min_value=Decimal("0.25"),
            max_value=Decimal(MOST_MINUTES) / 60,
            error_messages={
                "required": _("Enter the hours"),
                "invalid": message,
                "min_value": message,
                "max_value": message,
                "max_digits": message,
                "max_decimal_places": message,
            },
            **kwargs,
        )
        self.widget.attrs.update({"inputmode": "decimal", "class": "govuk-input--width-4"})

    def clean(self, value: Any) -> int:  # type: ignore[override]
        hours = super().clean(value)
        minutes = hours * 60
        if minutes != minutes.to_integral_value() or int(minutes) % STEP_MINUTES:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(minutes)


class HoursForm(GovukForm):
    hours = HoursField(label=_("How many hours?"), help_text=_("In quarter hours: 0.25 is 15 minutes, 1.5 is 90"))
    note = text_field(_("What was done (optional)"), 500)


class CreditForm(GovukForm):
    what = text_field(
        _("What the group did"), 200, missing=_("Say what the group did"),
        help_text=_("For example: Helping at the Collaborative's breakfast"),
    )  # fmt: skip
    on = GovukDateField(
        label=_("Date"), help_text=_("For example 4 1 2027"), error_messages={"required": _("Enter the date")}
    )
    hours = HoursField(label=_("Hours for each member"))
    emails = text_field(
        _("Members' email addresses"), 20_000, missing=_("Enter at least one member's email address"), rows=6,
        help_text=_("One on each line"),
    )  # fmt: skip
    submission_id = once_token()

    def email_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["emails"].splitlines() if line.strip()]
