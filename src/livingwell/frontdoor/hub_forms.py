"""The Hub's forms for an introduction: a contact attempt, the first conversation, and where it goes."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import WhenForm
from livingwell.frontdoor.models import ContactAttempt, Introduction


class IntroductionWhenForm(WhenForm):
    """A date and time on an introduction: never before it arrived."""

    def __init__(self, *args: Any, introduction: Introduction, **kwargs: Any) -> None:
        self.introduction = introduction
        super().__init__(
            *args,
            not_before=introduction.created_at,
            not_before_message=_("The date and time must be after the introduction arrived"),
            **kwargs,
        )


class ContactAttemptForm(IntroductionWhenForm):
    outcome = forms.ChoiceField(
        label=_("What happened?"),
        choices=ContactAttempt.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what happened")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        help_text=_("The person can read this note when they ask to see their record."),
    )
    field_order = ["outcome", "on", "at", "note"]

    def clean_outcome(self) -> str:
        outcome = self.cleaned_data["outcome"]
        if outcome == ContactAttempt.Outcome.LEFT_MESSAGE and self.introduction.may_leave_message is False:
            raise ValidationError(_("They asked us not to leave a message"))
        return outcome


class FirstConversationForm(IntroductionWhenForm):
    what_matters = forms.CharField(
        label=_("What matters to them"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter what matters to them")},
    )
    strengths = forms.CharField(
        label=_("Their strengths, interests and connections"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter their strengths, interests and connections")},
    )
    next_step = forms.CharField(
        label=_("The next step you agreed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the next step you agreed")},
    )
    field_order = ["on", "at", "what_matters", "strengths", "next_step"]
