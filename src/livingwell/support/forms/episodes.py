"""Forms for guides and episodes: a guide's profile, contacts, next steps, status, handover."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.accounts.models import User
from livingwell.core.forms import GovukDateField, GovukForm, GovukModelForm, WhenForm, once_token
from livingwell.support.forms.common import CHANGE_LABELS
from livingwell.support.models import (
    ContactLogEntry,
    GuideProfile,
)


class GuideProfileForm(GovukModelForm):
    class Meta:
        model = GuideProfile
        fields = ["name", "about", "languages", "taking_people"]
        error_messages = {
            "name": {"required": _("Enter the name people call you")},
            "about": {
                "required": _("Write a few lines about you"),
                "max_length": _("Use %(limit_value)s characters or fewer"),
            },
        }


class ContactLogForm(WhenForm):
    kind = forms.ChoiceField(
        label=_("How"),
        choices=ContactLogEntry.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how you were in touch")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only what needs keeping: the person can read it."),
        error_messages={"max_length": _("Use %(limit_value)s characters or fewer")},
    )
    safety_conversation = forms.BooleanField(
        label=_("This was a safety conversation"),
        required=False,
        help_text=_("You talked with them about keeping safe and agreed what to do if things get worse."),
    )
    submission_id = once_token()
    field_order = ["kind", "on", "at", "note", "safety_conversation"]


class StartFromIntroductionForm(GovukForm):
    introduction = forms.UUIDField(widget=forms.HiddenInput)
    agreed = forms.BooleanField(
        label=_("They agree that what they told us when they introduced themselves can start About me"),
        error_messages={"required": _("Ask them first, and tick that they agree")},
    )


class ActionForm(GovukForm):
    submission_id = once_token()
    what = forms.CharField(
        label=_("The next step"),
        max_length=300,
        error_messages={"required": _("Enter the next step"), "max_length": _("Use 300 characters or fewer")},
    )
    who = forms.CharField(
        label=_("Who will do it"),
        max_length=100,
        help_text=_("For example, the person, their guide, or both."),
        error_messages={"required": _("Enter who will do it")},
    )
    due_on = GovukDateField(
        label=_("By when"),
        help_text=_("For example, 27 3 2027"),
        error_messages={"required": _("Enter the date it is due by")},
    )

    def clean_due_on(self) -> datetime.date:
        due = self.cleaned_data["due_on"]
        if due is None:
            raise ValidationError(_("Enter the date it is due by"))
        if due < timezone.localdate() - datetime.timedelta(days=1):
            raise ValidationError(_("The date must be today or later"))
        return due


class StatusForm(GovukForm):
    change = forms.ChoiceField(
        label=_("What is changing?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what is changing")},
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In plain words: the person reads this in their summary when support closes."),
        error_messages={"required": _("Enter why")},
    )

    def __init__(self, *args: Any, changes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["change"].choices = [(change, CHANGE_LABELS[change]) for change in changes]  # type: ignore[attr-defined]


class GuideUserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        profile = getattr(obj, "guide_profile", None)
        return profile.name if profile is not None else str(obj)


class HandOverForm(GovukForm):
    guide = GuideUserChoiceField(
        label=_("Hand over to"),
        queryset=User.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who takes over"), "invalid_choice": _("Select who takes over")},
    )
    note = forms.CharField(
        label=_("A note for the new guide"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What they need to know to carry on. Keep it to what is needed."),
        error_messages={"required": _("Enter a note for the new guide")},
    )

    def __init__(self, *args: Any, guides: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["guide"].queryset = guides  # type: ignore[attr-defined]
