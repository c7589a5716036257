"""The shapes of what evaluation's pages accept."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.forms.common import _email, _text
from livingwell.core.forms import GovukDateField, GovukForm, once_token
from livingwell.voice.models import EvaluationRound, Rung


class RoundForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Which kind of round is it?"),
        choices=EvaluationRound.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of round"), "invalid_choice": _("Choose the kind of round")},
    )
    title = _text(
        _("Title"), 150, missing=_("Enter a title"), help_text=_("For example: Baseline for the housing workstream")
    )
    opens_on = GovukDateField(
        label=_("Opens"), help_text=_("For example 4 1 2027"), error_messages={"required": _("Enter the day it opens")}
    )
    closes_on = GovukDateField(
        label=_("Closes"),
        help_text=_("For example 18 1 2027"),
        error_messages={"required": _("Enter the day it closes")},
    )
    submission_id = once_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("opens_on") and cleaned.get("closes_on") and cleaned["closes_on"] < cleaned["opens_on"]:
            self.add_error("closes_on", _("The round must close on or after the day it opens"))
        return cleaned


class ContributorForm(GovukForm):
    name = _text(_("Name"), 150, missing=_("Enter their name"))
    email = _email(_("We send the invitation and one reminder here."), _("Enter their email address"))

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).lower()


class RungChoiceField(forms.ModelChoiceField[Rung]):
    def label_from_instance(self, obj: Rung) -> str:
        return f"{obj.name}: {obj.meaning}"


class AnswerForm(GovukForm):
    rung = RungChoiceField(
        queryset=Rung.objects.order_by("-position"),
        label=_("Where did you feel the work stood?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose where you felt the work stood"),
            "invalid_choice": _("Choose where you felt the work stood"),
        },
    )
    why = _text(_("Why do you say that?"), 3000, missing=_("Say why, in your own words"), rows=5)
    move_up = _text(_("What would move it up the ladder? (optional)"), 3000, rows=4)
    may_quote = forms.BooleanField(
        label=_("You may quote what I wrote, without my name, in the published results"),
        required=False,
        help_text=_(
            "If you leave this unticked, only the people who run the group read your words, to learn from them."
        ),
    )


class QuoteForm(GovukForm):
    left_out = forms.BooleanField(required=False)
