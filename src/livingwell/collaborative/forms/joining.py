"""Forms for joining a body, adding a member, their record, and a reason for a no."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.forms.common import Members, MembershipChoiceField, _email, _text
from livingwell.collaborative.models import Body, Member, Membership, TrainingRecord
from livingwell.core.forms import (
    GovukDateField,
    GovukForm,
    GovukModelForm,
    once_token,
)


class JoinForm(GovukForm):
    constituency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        label=_("Which group would you join as?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose which group you would join as"),
            "invalid_choice": _("Choose which group you would join as"),
        },
    )
    name = _text(_("Your name"), 150, missing=_("Enter your name"))
    email = _email(_("We send the agenda, reminders and the way to sign in here."), _("Enter your email address"))
    phone = _text(_("Phone number (optional)"), 30)
    why = _text(_("Why would you like to join? (optional)"), 2000, rows=4)
    named_in_public = forms.BooleanField(
        label=_("You may name me in the public minutes"),
        required=False,
        help_text=_("If you leave this unticked, public minutes say 'a member' and your group instead."),
    )
    agree = forms.BooleanField(
        label=_("I have read the code of conduct and agree to it"),
        error_messages={"required": _("Agree to the code of conduct to join")},
    )
    submission_id = once_token()

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        joinable = body.constituencies.exclude(kind="chair").order_by("name")
        if joinable.exists():
            self.fields["constituency"].queryset = joinable  # type: ignore[attr-defined]
        else:  # a body with no groups to join as: everyone joins as a member
            del self.fields["constituency"]


class MemberAddForm(GovukForm):
    constituency: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        label=_("Which group do they join as?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose which group they join as"),
            "invalid_choice": _("Choose which group they join as"),
        },
    )
    name = _text(_("Name"), 150, missing=_("Enter their name"))
    email = _email(_("We send the welcome, agendas and reminders here."), _("Enter their email address"))
    phone = _text(_("Phone number (optional)"), 30)
    role = forms.ChoiceField(
        label=_("Role in this group"),
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        initial=Membership.Role.MEMBER,
        error_messages={"required": _("Choose a role"), "invalid_choice": _("Choose a role")},
    )
    named_in_public = forms.BooleanField(label=_("They agree to be named in the public minutes"), required=False)
    agreed = forms.BooleanField(
        label=_("They have read the code of conduct and agree to it"),
        error_messages={"required": _("They must agree to the code of conduct to join")},
    )

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["constituency"].queryset = body.constituencies.order_by("name")  # type: ignore[attr-defined]


class ReasonForm(GovukForm):
    reason = _text(_("Reason"), 1000, rows=3, missing=_("Give a reason"))

    def __init__(self, *args: Any, label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label


class JoinDecisionForm(forms.Form):
    """Which button was pressed on a request to join: approve, or decline (with a ``ReasonForm``)."""

    decision = forms.ChoiceField(choices=[("approve", "approve"), ("decline", "decline")])


class RoleForm(GovukForm):
    role = forms.ChoiceField(
        label=_("Role in this group"),
        choices=Membership.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a role"), "invalid_choice": _("Choose a role")},
    )


class MemberDetailsForm(GovukModelForm):
    class Meta:
        model = Member
        fields = ["name", "email", "phone", "supervision_contact", "named_in_public", "annual_cap"]
        error_messages = {
            "name": {"required": _("Enter their name"), "max_length": _("Use 150 characters or fewer")},
            "email": {"invalid": _("Enter an email address in the correct format, like name@example.com")},
            "phone": {"max_length": _("Use 30 characters or fewer")},
            "supervision_contact": {"max_length": _("Use 200 characters or fewer")},
            "annual_cap": {
                "invalid": _("Enter an amount in pounds, like 2000"),
                "min_value": _("The limit cannot be less than 0"),
                "max_digits": _("Enter an amount under £1,000,000"),
                "max_decimal_places": _("Enter an amount in pounds and pence, like 2000.50"),
            },
        }
        help_texts = {"supervision_contact": _("Who supports them in this role, and how to reach them.")}


def _not_after_today(day: datetime.date | None) -> datetime.date | None:
    if day is not None and day > timezone.localdate():
        raise forms.ValidationError(_("The date must be today or in the past"))
    return day


class TrainingForm(GovukForm):
    course = forms.ChoiceField(
        label=_("Course"),
        choices=TrainingRecord.Course.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the course"), "invalid_choice": _("Choose the course")},
    )
    course_on = GovukDateField(label=_("Course date (optional)"), required=False)
    attended = forms.BooleanField(label=_("They attended"), required=False)
    completed_on = GovukDateField(label=_("Completed on (optional)"), required=False)

    def clean_completed_on(self) -> datetime.date | None:
        return _not_after_today(self.cleaned_data.get("completed_on"))


class DayAndNotesForm(GovukForm):
    """A day in the past, and what happened: a conversation, or a supervision session."""

    day = GovukDateField(label=_("Date"), error_messages={"required": _("Enter the date")})
    notes = _text(_("Notes"), 5000, missing=_("Write the notes"), rows=5)

    def clean_day(self) -> datetime.date | None:
        return _not_after_today(self.cleaned_data.get("day"))


class SupervisionForm(DayAndNotesForm):
    follow_ups = _text(_("Follow-ups (optional)"), 2000, rows=3)
    submission_id = once_token()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notes"].help_text = _("They read these, and the follow-ups, on their own page.")


class InductionForm(GovukForm):
    inducted_on = GovukDateField(label=_("Inducted on"), error_messages={"required": _("Enter the date")})

    def clean_inducted_on(self) -> datetime.date | None:
        return _not_after_today(self.cleaned_data.get("inducted_on"))


class BuddyForm(GovukForm):
    buddy = MembershipChoiceField(
        label=_("Their buddy"),
        required=False,
        optional_label=_("No one"),
        help_text=_("An experienced member who helps them find their feet."),
        error_messages={"invalid_choice": _("Choose a member of this group")},
    )

    def __init__(self, *args: Any, members: Members, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["buddy"].among(members)  # type: ignore[attr-defined]
