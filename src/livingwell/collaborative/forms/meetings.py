"""Forms for meetings: series, single meetings, moves, replies, topics and the agenda."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative import rules
from livingwell.collaborative.forms.common import Members, MembershipChoiceField, _text
from livingwell.collaborative.models import AgendaItem, Guest, Rsvp, Topic
from livingwell.core.forms import (
    TIME_FORMATS,
    GovukDateField,
    GovukForm,
    once_token,
)


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


class GuestForm(GovukForm):
    agenda_item: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        label=_("Which item?"),
        required=False,
        empty_label=str(_("The whole meeting")),
        error_messages={"invalid_choice": _("Choose an item of this meeting")},
    )
    part = forms.ChoiceField(
        label=_("Invited"),
        choices=Guest.Part.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether they present or contribute")},
    )
    name = _text(_("Name"), 150, missing=_("Enter their name"))
    organisation = _text(_("Organisation (optional)"), 200)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send them the meeting's details here."),
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Use 254 characters or fewer"),
        },
    )
    submission_id = once_token()

    def __init__(self, *args: Any, meeting: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting)  # type: ignore[attr-defined]
