"""Forms for the person's plan: About me, connections, goals and their reviews, comments."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukDateField, GovukForm, once_token
from livingwell.core.outcomes import Big3Outcome
from livingwell.support.forms.common import PLAN_TEXT
from livingwell.support.models import (
    Connection,
)


def _plan_text(label: Any, hint: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=PLAN_TEXT,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Use %(limit_value)s characters or fewer")},
    )


class AboutMeForm(GovukForm):
    strengths = _plan_text(_("My strengths"), _("What I am good at, what people value in me."))
    interests = _plan_text(_("My interests"))
    skills = _plan_text(_("My skills"))
    what_matters = _plan_text(_("What matters to me"))
    keeps_me_well = _plan_text(_("What keeps me well"))
    early_signs = _plan_text(_("Early signs that I am becoming unwell"))
    crisis_plan = _plan_text(
        _("My crisis plan"), _("What helps, who to call, and what I would like to happen if I am in crisis.")
    )


class ConnectionForm(GovukForm):
    name = forms.CharField(
        label=_("Who"),
        max_length=100,
        help_text=_("A name, or who they are to you, like 'my sister' or 'the allotment group'."),
        error_messages={"required": _("Enter who they are"), "max_length": _("Use 100 characters or fewer")},
    )
    kind = forms.ChoiceField(
        label=_("What kind of connection"),
        choices=Connection.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what kind of connection")},
    )
    closeness = forms.ChoiceField(
        label=_("How close"),
        choices=Connection.Closeness.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how close")},
    )
    note = forms.CharField(label=_("How they help (optional)"), required=False, max_length=300)
    may_share = forms.BooleanField(label=_("I agree to share my plan with them"), required=False)


class GoalForm(GovukForm):
    submission_id = once_token()
    outcome = forms.ChoiceField(
        label=_("Which outcome is this goal about?"),
        choices=Big3Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select which outcome the goal is about")},
    )
    what = forms.CharField(
        label=_("The goal, in the person's words"),
        max_length=300,
        error_messages={"required": _("Enter the goal"), "max_length": _("Use 300 characters or fewer")},
    )
    who_helps = forms.CharField(label=_("Who helps (optional)"), required=False, max_length=200)
    next_review_on = GovukDateField(
        label=_("When to review it (optional)"), required=False, help_text=_("Leave empty for the usual time.")
    )

    def clean_next_review_on(self) -> datetime.date | None:
        return _not_in_the_past(self.cleaned_data.get("next_review_on"))


class GoalReviewForm(GovukForm):
    progress = forms.TypedChoiceField(
        label=_("Where has it got to, out of 10?"),
        choices=[(str(number), str(number)) for number in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("0 is not started, 10 is achieved."),
        error_messages={
            "required": _("Select how far it has got"),
            "invalid_choice": _("Select a number from 0 to 10"),
        },
    )
    note = forms.CharField(
        label=_("What has happened (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_review_on = GovukDateField(label=_("Next review (optional)"), required=False)

    def clean_next_review_on(self) -> datetime.date | None:
        return _not_in_the_past(self.cleaned_data.get("next_review_on"))


def _not_in_the_past(day: datetime.date | None) -> datetime.date | None:
    if day is not None and day < timezone.localdate():
        raise forms.ValidationError(_("The next review must be today or later"))
    return day


class CommentForm(GovukForm):
    submission_id = once_token()
    text = forms.CharField(
        label=_("Add a comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter a comment"), "max_length": _("Use 2000 characters or fewer")},
    )


class SharingForm(forms.Form):
    """Whether someone in the person's circle may see their plan."""

    may_share = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])


class AgreeForm(forms.Form):
    """The version of the plan the person read when they pressed "I agree"."""

    version = forms.IntegerField(min_value=0, max_value=2**31 - 1)
