"""The shapes of what peer support's pages accept."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.accounts.models import User
from livingwell.core.forms import GovukDateField, GovukForm, GovukModelForm, once_token, text_field
from livingwell.directory.models import Service
from livingwell.peer.groups import listings_to_run
from livingwell.peer.models import CheckIn, PeerProfile, Training


class ProfileForm(GovukModelForm):
    class Meta:
        model = PeerProfile
        fields = [
            "name", "lived_experience", "interests", "languages", "where", "when", "arrangement", "yearly_limit",
            "taking_people", "is_published",
        ]  # fmt: skip
        widgets = {"lived_experience": forms.Textarea(attrs={"rows": 5}), "arrangement": forms.RadioSelect}
        error_messages = {
            "name": {"required": _("Enter the name people call you")},
            "lived_experience": {"required": _("Say something of the lived experience you choose to share")},
            "where": {"required": _("Say where you can meet")},
            "when": {"required": _("Say when you can meet")},
            "yearly_limit": {"invalid": _("Enter the limit in pounds, like 1500")},
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("arrangement") == PeerProfile.Arrangement.SESSIONAL and not cleaned.get("yearly_limit"):
            self.add_error("yearly_limit", _("Enter the yearly limit that keeps your benefits safe"))
        return cleaned


class AskForm(GovukForm):
    message = text_field(
        _("A few words for them (optional)"), 1000, rows=4,
        help_text=_("What you would like to do together, and when suits you."),
    )  # fmt: skip
    submission_id = once_token()


class GuideAskForm(GovukForm):
    peer: forms.ModelChoiceField[PeerProfile] = forms.ModelChoiceField(
        queryset=PeerProfile.objects.none(),
        label=_("Which peer supporter did they choose?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose a peer supporter"), "invalid_choice": _("Choose a peer supporter")},
    )
    message = text_field(_("A few words for the peer supporter (optional)"), 1000, rows=4)
    person_agreed = forms.BooleanField(
        label=_("They chose this peer supporter and agreed to be introduced"),
        error_messages={"required": _("Confirm that they chose this peer supporter and agreed")},
    )
    submission_id = once_token()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["peer"].queryset = PeerProfile.objects.choosable()  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", "accept"), ("decline", "decline")])


class SessionForm(GovukForm):
    on = GovukDateField(
        label=_("Date"), help_text=_("For example 27 11 2026"), error_messages={"required": _("Enter the date")}
    )
    where = text_field(_("Where"), 200, missing=_("Say where you met"), help_text=_("For example: the library café"))
    note = text_field(
        _("A short note for them"), 1000, missing=_("Write a short note for them"), rows=3,
        help_text=_("They read this on their own page: what you did together, in their words where you can."),
    )  # fmt: skip
    follow_ups = text_field(_("What happens next (optional)"), 1000, rows=3)
    concern = text_field(
        _("Anything worrying you about their safety or wellbeing? (optional)"), 2000, rows=3,
        help_text=_("This goes to their personal guide, or to the duty team, straight away. They do not see it here."),
    )  # fmt: skip
    submission_id = once_token()


class SupervisionForm(GovukForm):
    on = GovukDateField(
        label=_("Date"), help_text=_("For example 27 11 2026"), error_messages={"required": _("Enter the date")}
    )
    notes = text_field(_("What you talked about"), 2000, missing=_("Say what you talked about"), rows=5)
    follow_ups = text_field(_("What happens next (optional)"), 1000, rows=3)
    submission_id = once_token()


class TrainingForm(GovukForm):
    course = forms.ChoiceField(
        label=_("Course"), choices=Training.Course.choices,
        error_messages={"required": _("Choose the course"), "invalid_choice": _("Choose the course")},
    )  # fmt: skip
    on = GovukDateField(
        label=_("Date"), help_text=_("For example 27 11 2026"), error_messages={"required": _("Enter the date")}
    )
    completed = forms.BooleanField(label=_("Completed"), required=False)


class SupervisorForm(GovukForm):
    supervisor: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Supervisor"), required=False, empty_label=_("Nobody yet"),
        error_messages={"invalid_choice": _("Choose someone from the list")},
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = ["personal_guide", "duty_worker", "hub_manager"]
        field = self.fields["supervisor"]
        field.queryset = User.objects.filter(role__in=roles, is_active=True).order_by("first_name", "username")  # type: ignore[attr-defined]
        field.label_from_instance = lambda user: user.get_full_name() or user.username  # type: ignore[attr-defined]


class CheckInForm(GovukForm):
    feeling = forms.TypedChoiceField(
        label=_("How are you doing?"), choices=CheckIn.Feeling.choices, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you are doing"), "invalid_choice": _("Choose how you are doing")},
    )  # fmt: skip
    note = text_field(_("Anything you want to note for yourself (optional)"), 2000, rows=3)
    submission_id = once_token()


def _facilitators_field() -> "forms.ModelMultipleChoiceField[PeerProfile]":
    return forms.ModelMultipleChoiceField(
        queryset=PeerProfile.objects.filter(user__is_active=True),
        label=_("Peer supporters who run it"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose peer supporters from the list")},
    )


class GroupStartForm(GovukForm):
    service: forms.ModelChoiceField[Service] = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        label=_("Which group in the directory?"),
        help_text=_("Groups listed in the Peer support category that are not run here yet."),
        error_messages={"required": _("Choose the group"), "invalid_choice": _("Choose a group from the list")},
    )
    facilitators = _facilitators_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = listings_to_run()  # type: ignore[attr-defined]


class GroupChangeForm(GovukForm):
    facilitators = _facilitators_field()
    is_running = forms.BooleanField(label=_("The group is running"), required=False)


class GroupSessionForm(GovukForm):
    on = GovukDateField(
        label=_("Date"), help_text=_("For example 27 11 2026"), error_messages={"required": _("Enter the date")}
    )
    came = forms.IntegerField(
        label=_("How many people came?"), min_value=0, max_value=500,
        help_text=_("A number only. Never write anyone's name here."),
        error_messages={
            "required": _("Enter how many people came"), "invalid": _("Enter how many people came as a number"),
            "min_value": _("Enter a number of people, 0 or more"), "max_value": _("Enter a number of people up to 500"),
        },
    )  # fmt: skip
    note = text_field(
        _("How it went (optional)"), 1000, rows=3,
        help_text=_("For the people who run the group. Leave out names."),
    )  # fmt: skip
    concern = text_field(
        _("Anything worrying you about someone's safety or wellbeing? (optional)"), 2000, rows=3,
        help_text=_("This goes to the duty team straight away."),
    )  # fmt: skip
    submission_id = once_token()


class FeeForm(GovukForm):
    session_fee = forms.DecimalField(
        label=_("Paid for each session, in pounds"), min_value=Decimal("0.01"), max_digits=7, decimal_places=2,
        required=False, help_text=_("Leave empty while no fee is agreed: sessions then make no payment."),
        error_messages={
            "invalid": _("Enter the fee in pounds, like 25.00"), "min_value": _("Enter a fee of at least 1p"),
            "max_digits": _("Enter a fee under £100,000"), "max_decimal_places": _("Enter pounds and pence only"),
            "max_whole_digits": _("Enter a fee under £100,000"),
        },
    )  # fmt: skip
