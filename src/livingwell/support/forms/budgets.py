"""Forms for personal budgets, accommodation, and the period of the pathway's figures."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukDateField, GovukForm
from livingwell.support.models import (
    AccommodationMove,
    BudgetAllocation,
    Goal,
    PlannedSupport,
)


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
