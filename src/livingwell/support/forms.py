import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.accounts.models import User
from livingwell.core.forms import GovukDateField, GovukForm, GovukModelForm, WhenForm, once_token
from livingwell.core.outcomes import Big3Outcome
from livingwell.directory.models import Service
from livingwell.frontdoor.models import Introduction
from livingwell.support.models import (
    AccommodationMove,
    BudgetAllocation,
    Connection,
    ContactLogEntry,
    Goal,
    GuideProfile,
    Instrument,
    InstrumentItem,
    Measurement,
    OnwardIntroduction,
    PlannedSupport,
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


CHANGE_LABELS = {
    "hold": _("Put on hold"),
    "resume": _("Take off hold"),
    "close": _("Close: support has ended (the person gets a summary and a way back)"),
    "reopen": _("Reopen"),
}


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


# The plan ---------------------------------------------------------------------------------------------

PLAN_TEXT = 5000


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


# Onward introductions ---------------------------------------------------------------------------------


class ServiceChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.organization.name})"


class OnwardForm(GovukForm):
    submission_id = once_token()
    service = ServiceChoiceField(
        label=_("Which service?"),
        queryset=Service.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Search for the service, then select it"),
            "invalid_choice": _("Select a service from the list"),
        },
    )
    shared = forms.MultipleChoiceField(
        label=_("What may the service see, besides the name they like?"),
        choices=OnwardIntroduction.Shared.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only what the person has agreed to share with this organisation."),
    )
    message = forms.CharField(
        label=_("A message for the service (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The service reads this. Keep it to what they need."),
    )
    agreed = forms.BooleanField(
        label=_("They agreed to this introduction, and to share what is ticked"),
        error_messages={"required": _("Confirm that they agreed")},
    )

    def __init__(self, *args: Any, services: QuerySet[Service], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services.select_related("organization")  # type: ignore[attr-defined]


class OnwardMoveForm(GovukForm):
    status = forms.ChoiceField(
        label=_("What has happened?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what has happened"), "invalid_choice": _("Select what has happened")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        help_text=_("Needed when declining: say why, so the person and their guide can find something else."),
    )

    def __init__(self, *args: Any, moves: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(OnwardIntroduction.Status.choices)
        self.fields["status"].choices = [(move, labels[move]) for move in moves]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("status") == OnwardIntroduction.Status.DECLINED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why it was declined"))
        return cleaned


# Outcome measures -------------------------------------------------------------------------------------


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


# Personal budgets and accommodation -------------------------------------------------------------------


def _money(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0.01"),
        max_value=Decimal("1000000"),
        decimal_places=2,
        max_digits=10,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": _("Enter an amount in pounds, like 250 or 99.50"),
            "invalid": _("Enter an amount in pounds, like 250 or 99.50"),
            "min_value": _("Enter an amount more than £0"),
            "max_value": _("Enter an amount of £1,000,000 or less"),
            "max_decimal_places": _("Enter pounds and pence, like 99.50"),
            "max_digits": _("Enter an amount of £1,000,000 or less"),
        },
    )


def _required_date(label: Any) -> GovukDateField:
    return GovukDateField(label=label, error_messages={"required": _("Enter the date")})


class AllocationChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        period = f"{obj.starts_on.day} {obj.starts_on:%b %Y} to {obj.ends_on.day} {obj.ends_on:%b %Y}"
        return f"{obj.get_source_display()}, {period}, £{obj.amount:,.2f}"


class PlannedChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.what} (£{obj.planned_cost:,.2f})"


class GoalChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.what)


class AllocationForm(GovukForm):
    source = forms.ChoiceField(
        label=_("Where does the money come from?"),
        choices=BudgetAllocation.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select where the money comes from")},
    )
    starts_on = _required_date(_("From"))
    ends_on = _required_date(_("To"))
    amount = _money(_("Amount (£)"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The end must be on or after the start"))
        return cleaned


class PlannedSupportForm(GovukForm):
    allocation = AllocationChoiceField(
        label=_("From which budget?"),
        queryset=BudgetAllocation.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the budget"), "invalid_choice": _("Select the budget")},
    )
    what = forms.CharField(
        label=_("What the money is for"), max_length=200, error_messages={"required": _("Enter what it is for")}
    )
    goal = GoalChoiceField(
        label=_("Which goal does it serve? (optional)"), queryset=Goal.objects.none(), required=False
    )
    planned_cost = _money(_("Planned cost (£)"))

    def __init__(
        self, *args: Any, allocations: QuerySet[BudgetAllocation], goals: QuerySet[Goal], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["allocation"].queryset = allocations  # type: ignore[attr-defined]
        self.fields["goal"].queryset = goals  # type: ignore[attr-defined]


class SpendForm(GovukForm):
    allocation = AllocationChoiceField(
        label=_("From which budget?"),
        queryset=BudgetAllocation.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the budget"), "invalid_choice": _("Select the budget")},
    )
    planned_support = PlannedChoiceField(
        label=_("For which planned support? (optional)"), queryset=PlannedSupport.objects.none(), required=False
    )
    spent_on = _required_date(_("Date"))
    what = forms.CharField(
        label=_("What it paid for"), max_length=200, error_messages={"required": _("Enter what it paid for")}
    )
    amount = _money(_("Amount (£)"))
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        allocations: QuerySet[BudgetAllocation],
        planned: QuerySet[PlannedSupport],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["allocation"].queryset = allocations  # type: ignore[attr-defined]
        self.fields["planned_support"].queryset = planned  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        planned, allocation = cleaned.get("planned_support"), cleaned.get("allocation")
        if planned is not None and allocation is not None and planned.allocation_id != allocation.pk:
            self.add_error("planned_support", _("That planned support is in another budget"))
        return cleaned


class AccommodationForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Where do they live now?"),
        choices=AccommodationMove.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select where they live")},
    )
    moved_on = _required_date(_("Since when"))
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=300)

    def clean_moved_on(self) -> datetime.date:
        moved_on = self.cleaned_data["moved_on"]
        if moved_on > timezone.localdate():
            raise ValidationError(_("The date must be today or earlier"))
        return moved_on


class PeriodForm(GovukForm):
    starts_on = _required_date(_("From"))
    ends_on = _required_date(_("To"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The end must be on or after the start"))
        return cleaned


# Routing an introduction from the duty queue (support/routing.py)


class GuideChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        languages = _(" Speaks %(languages)s.") % {"languages": obj.languages} if obj.languages else ""
        return f"{obj.name}: {obj.about}{languages}"


class RouteForm(GovukForm):
    route = forms.ChoiceField(
        label=_("Where does this introduction go?"),
        choices=Introduction.Route.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select where this introduction goes")},
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For information, the services to send them. For community support, the one service."),
    )
    guide = GuideChoiceField(
        label=_("Personal guide"),
        queryset=GuideProfile.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("For Hub support. The person may choose from the guides' profiles."),
    )
    guide_chosen = forms.BooleanField(label=_("They chose this guide themselves"), required=False)
    reason = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for secondary care and for closing."),
    )

    def __init__(self, *args: Any, services: QuerySet[Service], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = services  # type: ignore[attr-defined]
        self.fields["guide"].queryset = GuideProfile.objects.choosable()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        route = cleaned.get("route")
        chosen = list(cleaned.get("services") or [])
        if route == Introduction.Route.INFORMATION and not chosen:
            self.add_error("services", _("Select at least one service to send them"))
        if route == Introduction.Route.COMMUNITY and len(chosen) != 1:
            self.add_error("services", _("Select the one service to introduce them to"))
        if route == Introduction.Route.HUB and not cleaned.get("guide"):
            self.add_error("guide", _("Select their personal guide"))
        needs_reason = {Introduction.Route.SECONDARY_CARE, Introduction.Route.CLOSED}
        if route in needs_reason and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Enter why"))
        return cleaned
