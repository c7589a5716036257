"""Forms for joining, taking part in and running co-production bodies."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative import rules
from livingwell.collaborative.models import AgendaItem, Body, Decision, Member, Membership, Rsvp, Topic, TrainingRecord
from livingwell.collaborative.payments import RECEIPT_LIMIT, receipt_type_of
from livingwell.core.forms import (
    TIME_FORMATS,
    GovukDateField,
    GovukForm,
    GovukModelForm,
    QuickSelect,
    once_token,
    options_html,
)


def _text(label: Any, max_length: int, *, missing: Any = "", rows: int = 0, help_text: Any = "") -> forms.CharField:
    """A text box (or area, given rows), required when ``missing`` says what to do; surrounding spaces are
    dropped, so spaces alone count as missing."""
    messages = {"max_length": _("Use %(limit)s characters or fewer") % {"limit": f"{max_length:,}"}}
    if missing:
        messages["required"] = missing
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(missing),
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        help_text=help_text,
        error_messages=messages,
    )


def _email(help_text: Any, missing: Any) -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": missing,
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Use 254 characters or fewer"),
        },
    )


class Members:
    """Members to choose from, as (membership id, name, constituency): worked out once for a page's forms."""

    def __init__(self, names: list[tuple[int, str, str]]) -> None:
        self.choices = [(str(pk), f"{name} ({group})") for pk, name, group in names]
        self.options = options_html(self.choices)
        self.allowed = {key for key, _label in self.choices}


class MembershipChoiceField(forms.ChoiceField):
    """Choose one of the members a page lists by name: a select written in one pass, so a body of hundreds
    stays quick. Cleans to the membership chosen (only one of those offered)."""

    widget = QuickSelect

    def __init__(self, *, optional_label: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.optional_label = optional_label
        self.allowed: set[str] = set()

    def among(self, members: Members) -> None:
        empty = [("", str(self.optional_label))] if self.optional_label else []
        # Set as they are (already plain pairs of text): normalising hundreds of choices per form is slow.
        self._choices = self.widget.choices = empty + members.choices
        self.widget.prepared = options_html(empty) + members.options  # type: ignore[attr-defined]
        self.allowed = members.allowed

    def valid_value(self, value: Any) -> bool:
        return str(value) in self.allowed

    def clean(self, value: Any) -> Membership | None:
        key = super().clean(value)
        if not key:
            return None
        return Membership.objects.select_related("member", "constituency", "body").get(pk=key)


class MembershipsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return f"{obj.member.name} ({obj.constituency.name})"


def among(memberships: list[Membership]) -> Any:
    """The memberships a form may choose from: those the page shows, by name."""
    return (
        Membership.objects.filter(pk__in=[m.pk for m in memberships])
        .select_related("member", "constituency")
        .order_by("member__name", "pk")
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
        field = self.fields["constituency"]
        field.queryset = body.constituencies.exclude(kind="chair").order_by("name")  # type: ignore[attr-defined]


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


class TopicForm(GovukForm):
    title = _text(
        _("Topic"),
        200,
        missing=_("Enter the topic"),
        help_text=_("A few words, for example: waiting times for talking therapies"),
    )
    why = _text(_("Why does it matter?"), 2000, rows=5, missing=_("Say why it matters"))
    submission_id = once_token()


class RsvpForm(GovukForm):
    answer = forms.ChoiceField(
        label=_("Will you come?"),
        choices=Rsvp.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you will come"), "invalid_choice": _("Say whether you will come")},
    )
    access_needs = _text(
        _("Anything we should arrange so you can take part? (optional)"),
        1000,
        rows=3,
        help_text=_("For example a British Sign Language interpreter, a hearing loop, or papers in large print."),
    )


class TimeField(forms.TimeField):
    def __init__(self, label: Any, **kwargs: Any) -> None:
        super().__init__(
            label=label,
            input_formats=TIME_FORMATS,
            help_text=_("24-hour clock, for example 08:00"),
            error_messages={"required": _("Enter the time"), "invalid": _("Enter a real time, like 08:00")},
            **kwargs,
        )


class TimesForm(GovukForm):
    """A day and a start and end time, in local time."""

    day = GovukDateField(label=_("Date"), error_messages={"required": _("Enter the date")})
    starts = TimeField(_("Starts"))
    ends = TimeField(_("Ends"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("starts") and cleaned.get("ends") and cleaned["ends"] <= cleaned["starts"]:
            self.add_error("ends", _("The meeting must end after it starts"))
        if cleaned.get("day") and cleaned["day"] < timezone.localdate():
            self.add_error("day", _("The date must be today or in the future"))
        return cleaned

    def start_and_end(self) -> tuple[datetime.datetime, datetime.datetime]:
        day = self.cleaned_data["day"]
        start = timezone.make_aware(datetime.datetime.combine(day, self.cleaned_data["starts"]))
        end = timezone.make_aware(datetime.datetime.combine(day, self.cleaned_data["ends"]))
        return start, end


class PlaceFields(forms.Form):
    venue = _text(_("Venue (optional)"), 300)
    online_link = forms.URLField(
        label=_("Online link (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://meet.example/room")},
    )
    accessibility = _text(
        _("Accessibility"),
        2000,
        rows=3,
        help_text=_("For example step-free access, hearing loop, quiet room, British Sign Language."),
    )


class SeriesForm(TimesForm, PlaceFields):
    PATTERNS = [
        (rules.Pattern.MONTHLY, _("Every month")),
        (rules.Pattern.QUARTERLY, _("Every three months")),
        (rules.Pattern.WEEKLY, _("Every week")),
        (rules.Pattern.FORTNIGHTLY, _("Every other week")),
    ]
    pattern = forms.ChoiceField(
        label=_("How often?"),
        choices=PATTERNS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often"), "invalid_choice": _("Choose how often")},
    )
    ordinal = forms.TypedChoiceField(
        label=_("Which week of the month? (monthly and three-monthly meetings)"),
        coerce=int,
        choices=[(n, label) for n, label in rules.ORDINALS.items()],
        initial=2,
    )
    weekday = forms.TypedChoiceField(
        label=_("Day of the week"),
        coerce=int,
        choices=list(enumerate(rules.WEEKDAY_NAMES)),
        initial=3,
    )
    field_order = ["pattern", "ordinal", "weekday", "day", "starts", "ends", "venue", "online_link", "accessibility"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].label = _("From")
        self.fields["day"].help_text = _("The first meeting is on or after this date, for example 14 1 2027")

    def rule(self) -> str:
        data = self.cleaned_data
        return rules.rule_for(data["pattern"], weekday=data["weekday"], ordinal=data["ordinal"])


class MeetingForm(TimesForm, PlaceFields):
    pass


class MoveForm(TimesForm):
    reason = _text(_("Why is it moving?"), 300, missing=_("Say why it is moving"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].label = _("New date")


class ScheduleTopicForm(GovukForm):
    topic: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        label=_("Topic"),
        empty_label=None,
        error_messages={"required": _("Choose a topic"), "invalid_choice": _("Choose a topic")},
    )
    lead = MembershipChoiceField(
        label=_("Who will lead it?"),
        error_messages={"required": _("Choose who will lead it"), "invalid_choice": _("Choose who will lead it")},
    )

    def __init__(self, *args: Any, topics: list[Topic], members: Members, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])  # type: ignore[attr-defined]
        self.fields["lead"].among(members)  # type: ignore[attr-defined]


class AgendaItemForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Kind of item"),
        choices=[
            (AgendaItem.Kind.STANDING, _("Standing item")),
            (AgendaItem.Kind.AOB, _("Any other business (on the day)")),
        ],
        widget=forms.RadioSelect,
        initial=AgendaItem.Kind.STANDING,
        error_messages={"required": _("Choose the kind of item"), "invalid_choice": _("Choose the kind of item")},
    )
    title = _text(_("Item"), 200, missing=_("Enter the item"))
    lead = MembershipChoiceField(label=_("Who will lead it? (optional)"), required=False, optional_label=_("Nobody"))

    def __init__(self, *args: Any, members: Members, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].among(members)  # type: ignore[attr-defined]


class DecisionForm(GovukForm):
    what = _text(_("What was decided?"), 4000, rows=4, missing=_("Say what was decided"))
    scope = forms.ChoiceField(
        label=_("Was it in the scope of co-production?"),
        choices=Decision.Scope.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether it was in scope"),
            "invalid_choice": _("Say whether it was in scope"),
        },
    )
    out_reason = forms.ChoiceField(
        label=_("If out of scope, why?"),
        choices=Decision.OutReason.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose why it was out of scope")},
    )
    out_explanation = _text(_("Explain, in plain words (out of scope only)"), 2000, rows=3)
    participation = forms.ChoiceField(
        label=_("What level of participation was reached?"),
        choices=Decision.Participation.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the level of participation"),
            "invalid_choice": _("Choose the level of participation"),
        },
    )
    submission_id = once_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("scope") == Decision.Scope.OUT:
            if not cleaned.get("out_reason"):
                self.add_error("out_reason", _("Choose why it was out of scope"))
            if not cleaned.get("out_explanation", "").strip():
                self.add_error("out_explanation", _("Explain why it was out of scope"))
        return cleaned


class ActionForm(GovukForm):
    what = _text(_("Action"), 500, missing=_("Say what the action is"))
    owner = MembershipChoiceField(
        label=_("Who will do it?"),
        error_messages={"required": _("Choose who will do it"), "invalid_choice": _("Choose who will do it")},
    )
    due_on = GovukDateField(label=_("Due by"), error_messages={"required": _("Enter the date it is due")})
    submission_id = once_token()

    def __init__(self, *args: Any, members: Members, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].among(members)  # type: ignore[attr-defined]


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


class TrainingForm(GovukForm):
    course = forms.ChoiceField(
        label=_("Course"),
        choices=TrainingRecord.Course.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the course"), "invalid_choice": _("Choose the course")},
    )
    completed_on = GovukDateField(label=_("Completed on"), error_messages={"required": _("Enter the date")})

    def clean_completed_on(self) -> datetime.date:
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"))
        return day


class MinutesForm(GovukForm):
    text = _text(
        _("Minutes"),
        50000,
        rows=20,
        missing=_("Write the minutes"),
        help_text=_(
            "Write members' names as they are known. The public version calls members who have not agreed "
            "to be named by their group instead: check it before you publish."
        ),
    )


class PublicMinutesForm(GovukForm):
    text = _text(
        _("Correct the public version"),
        50000,
        rows=12,
        help_text=_(
            "Change anything that would still tell who someone is, such as a job, a family member or a place. "
            "Members who have not agreed to be named are still taken out when the page is read. Leave it empty "
            "to go back to the version made from the minutes."
        ),
    )


class ChairForm(GovukForm):
    chair = MembershipChoiceField(
        label=_("Who chairs this meeting?"),
        error_messages={"required": _("Choose who chairs"), "invalid_choice": _("Choose who chairs")},
    )
    reason = _text(
        _("If they are not from the sector proposed, why?"),
        500,
        rows=2,
    )

    def __init__(self, *args: Any, members: Members, proposed: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].among(members)  # type: ignore[attr-defined]
        if proposed:
            self.fields["chair"].help_text = _(
                "It is the turn of %(sector)s: no sector chairs twice before every sector has chaired once."
            ) % {"sector": proposed}
            self.govuk_style(["chair"])


class ExpenseForm(GovukForm):
    what = _text(
        _("What was it for?"), 200, missing=_("Say what the expense was for"), help_text=_("For example, bus fare")
    )
    amount = forms.DecimalField(
        label=_("Amount in pounds"),
        min_value=Decimal("0.01"),
        max_value=Decimal("10000"),
        decimal_places=2,
        error_messages={
            "required": _("Enter the amount"),
            "invalid": _("Enter an amount in pounds, like 4.50"),
            "min_value": _("The amount must be more than 0"),
            "max_value": _("The amount must be £10,000 or less"),
            "max_decimal_places": _("Enter an amount in pounds and pence, like 4.50"),
        },
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_("A photo or PDF of the receipt, up to 5 MB"),
        error_messages={"required": _("Choose the receipt"), "empty": _("The receipt file is empty")},
    )
    submission_id = once_token()

    def clean_receipt(self) -> Any:
        receipt = self.cleaned_data["receipt"]
        if receipt.size > RECEIPT_LIMIT:
            raise forms.ValidationError(_("The receipt must be 5 MB or smaller"))
        head = receipt.read(16)
        receipt.seek(0)
        if receipt_type_of(head) is None:
            raise forms.ValidationError(_("The receipt must be a PDF, JPG, PNG, HEIC or WEBP"))
        return receipt


class ApproveForm(GovukForm):
    over_limit_agreed = forms.BooleanField(
        label=_("This takes them over their yearly limit, and they have agreed"), required=False
    )


class RotaForm(GovukForm):
    name = _text(
        _("Name of the rota"),
        150,
        missing=_("Enter a name for the rota"),
        help_text=_("For example: Hub representative at the Collaborative"),
    )
    duty = _text(_("What does the person on the rota do?"), 1000, rows=3, missing=_("Say what they do"))
    people = MembershipsChoiceField(
        queryset=None,
        label=_("Who takes turns? (in this order)"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least two people"),
            "invalid_choice": _("Choose members of this group"),
        },
    )

    def __init__(self, *args: Any, memberships: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = among(memberships)  # type: ignore[attr-defined]


class MarkThereForm(GovukForm):
    membership = MembershipChoiceField(
        label=_("Someone else who is here"),
        error_messages={"required": _("Choose who is here"), "invalid_choice": _("Choose who is here")},
    )

    def __init__(self, *args: Any, members: Members, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].among(members)  # type: ignore[attr-defined]
