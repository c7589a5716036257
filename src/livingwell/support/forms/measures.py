"""The forms an outcome measure, and the person's life circumstances, are recorded with."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm, once_token
from livingwell.support.models import (
    AccommodationMove,
    Instrument,
    InstrumentItem,
    LifeCircumstances,
    Measurement,
)

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def _option_words(value: int, words: str) -> str:
    return str(value) if str(value) == str(words) else f"{value}: {words}"


class MeasureForm(GovukForm):
    """One radio question an item, built from the instrument's data; "more help?" where the measure asks."""

    occasion = forms.ChoiceField(
        label=_("When in their support is this?"),
        choices=Measurement.Occasion.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select when in their support this is")},
    )
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, instrument: Instrument, items: list[InstrumentItem], ask_occasion: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not ask_occasion:
            del self.fields["occasion"]
        for item in items:
            self.fields[f"item_{item.number}"] = forms.TypedChoiceField(
                label=item.text,
                choices=[(str(value), _option_words(value, words)) for value, words in item.options],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Answer question %(number)s") % {"number": item.number},
                    "invalid_choice": _("Answer question %(number)s with one of the options") % {"number": item.number},
                },
            )
            if instrument.asks_more_help:
                self.fields[f"more_help_{item.number}"] = forms.BooleanField(
                    label=_("I would like more help with this"), required=False
                )
        if instrument.asks_more_help:
            self.fields["more_help_words"] = forms.CharField(
                label=_("Tell us about the help you would like (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.items = items
        self.govuk_style([name for name in self.fields if name.startswith(("item_", "more_help_"))])

    def answers(self) -> dict[str, int]:
        return {str(item.number): self.cleaned_data[f"item_{item.number}"] for item in self.items}

    def more_help(self) -> dict[str, bool]:
        return {str(item.number): True for item in self.items if self.cleaned_data.get(f"more_help_{item.number}")}


def _optional_choice(label: "StrOrPromise", choices: list[tuple[str, Any]]) -> forms.ChoiceField:
    """A radio question that may be left unanswered: "Not asked, or they would rather not say" first."""
    return forms.ChoiceField(
        label=label,
        choices=[("", _("Not asked, or they would rather not say")), *choices],
        widget=forms.RadioSelect,
        required=False,
    )


class LifeCircumstancesForm(GovukForm):
    """How the person's life stands now, in their words: every answer optional."""

    submission_id = once_token()
    occasion = forms.ChoiceField(
        label=_("When in their support is this?"),
        choices=Measurement.Occasion.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select when in their support this is")},
    )
    work = _optional_choice(_("Work or volunteering"), LifeCircumstances.Work.choices)
    education = _optional_choice(_("Education or training"), LifeCircumstances.Education.choices)
    benefits = _optional_choice(_("Benefits"), LifeCircumstances.Benefits.choices)
    home = _optional_choice(_("Where they live"), AccommodationMove.Kind.choices)
    medication = _optional_choice(
        _("Medication, as they describe it, compared with before"), LifeCircumstances.Medication.choices
    )
