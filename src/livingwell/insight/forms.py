"""The figures' forms: the period a dashboard shows (a first and a last month, chosen from the months there are
figures for), the public page's quarter, and the quarterly report's steps."""

import datetime
import uuid
from decimal import Decimal

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.models import Decision
from livingwell.core.forms import GovukForm, once_token
from livingwell.core.months import month_of, months_between, months_earlier
from livingwell.directory.models import Organization
from livingwell.insight.counting import month_parse
from livingwell.insight.models import Alliance, AlliancePartner, QuarterlyReport
from livingwell.insight.quarters import Quarter, quarter_parse
from livingwell.insight.tables import month_label

DEFAULT_MONTHS = 12


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve whole months, before this one. This month has only begun: with it in the period, its
    few introductions would be hidden, and with them the period's totals and every share."""
    end = months_earlier(today or timezone.localdate(), 1)
    return months_earlier(end, DEFAULT_MONTHS - 1), end


class PeriodForm(forms.Form):
    start = forms.ChoiceField(label=_("From"))
    end = forms.ChoiceField(label=_("To"))

    def __init__(self, *args: object, first_month: datetime.date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        start, end = default_period()
        this_month = month_of(timezone.localdate())  # may be chosen, though not by default
        choices = [
            (month.strftime("%Y-%m"), month_label(month))
            for month in months_between(min(first_month, start), this_month)
        ]
        for name in ("start", "end"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
            field.choices = choices
        self.initial = {"start": start.strftime("%Y-%m"), "end": end.strftime("%Y-%m")}

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if "start" in cleaned and "end" in cleaned and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The last month must not be before the first"))
        return cleaned

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The chosen period, or the default one when nothing valid was chosen."""
        if self.is_bound and self.is_valid():
            return month_parse(self.cleaned_data["start"]), month_parse(self.cleaned_data["end"])
        return default_period()


class QuarterForm(forms.Form):
    """A quarter that has ended, chosen from those there are figures for; the latest when none is chosen
    or the one asked for is not there."""

    quarter = forms.ChoiceField(label=_("Quarter"))

    def __init__(self, *args: object, quarters: list[Quarter], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.quarters = quarters
        field = self.fields["quarter"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [(quarter.slug, quarter.label) for quarter in quarters]
        field.error_messages["invalid_choice"] = field.error_messages["required"] = _("Choose a quarter from the list")
        if quarters:
            self.initial = {"quarter": quarters[0].slug}

    def chosen(self) -> Quarter | None:
        if self.is_bound and self.is_valid():
            return quarter_parse(self.cleaned_data["quarter"])
        return self.quarters[0] if self.quarters else None


class ReportIntroductionForm(forms.ModelForm):
    class Meta:
        model = QuarterlyReport
        fields = ["introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 12})}


class DecisionField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Decision) -> str:  # type: ignore[override]
        return _("%(body)s, %(day)s: %(what)s") % {
            "body": obj.body.name,
            "day": date_format(timezone.localtime(obj.meeting.starts_at), "j F Y"),
            "what": obj.what[:200],
        }


class ReportApproveForm(forms.Form):
    decision = DecisionField(
        label=_("The Collaborative's decision approving it"),
        queryset=Decision.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Choose the decision that approved the report"),
            "invalid_choice": _("Choose a decision the Collaborative took at a recent meeting"),
        },
    )

    def __init__(self, *args: object, decisions: QuerySet[Decision], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["decision"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = decisions


class AllianceForm(forms.ModelForm):
    class Meta:
        model = Alliance
        fields = ["name", "outcomes", "baseline_cost_per_person"]
        widgets = {"outcomes": forms.Textarea(attrs={"rows": 4})}


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        error_messages={
            "required": _("Choose an organisation from the directory"),
            "invalid_choice": _("Choose an organisation from the directory that is not a partner already"),
        },
    )

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = Organization.objects.exclude(alliance_partners__alliance=alliance).order_by("name")


def _month_choices() -> list[tuple[str, str]]:
    this_month = month_of(timezone.localdate())
    months = months_between(months_earlier(this_month, 10 * 12), months_earlier(this_month, -12))
    return [(month.strftime("%Y-%m"), month_label(month)) for month in reversed(months)]


class FinanceForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=AlliancePartner.objects.none(),
        error_messages={"required": _("Choose a partner"), "invalid_choice": _("Choose a partner of this alliance")},
    )
    first_month = forms.ChoiceField(label=_("From"), error_messages={"invalid_choice": _("Choose a month")})
    last_month = forms.ChoiceField(label=_("To"), error_messages={"invalid_choice": _("Choose a month")})
    budget = forms.DecimalField(
        label=_("Budget (£)"),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": _("Enter the budget, in pounds"),
            "invalid": _("Enter the budget in pounds, such as 12500.00"),
        },
    )
    spent = forms.DecimalField(
        label=_("Spent (£)"),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": _("Enter what was spent, in pounds"),
            "invalid": _("Enter what was spent in pounds, such as 9800.50"),
        },
    )
    submission_id = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: object, alliance: Alliance, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        partner = self.fields["partner"]
        assert isinstance(partner, forms.ModelChoiceField)  # noqa: S101 - declared above
        partner.queryset = alliance.partners.select_related("organisation")
        for name in ("first_month", "last_month"):
            month = self.fields[name]
            assert isinstance(month, forms.ChoiceField)  # noqa: S101 - declared above
            month.choices = _month_choices()
        if not self.is_bound:
            last_month = months_earlier(timezone.localdate(), 1).strftime("%Y-%m")
            self.initial.update(submission_id=uuid.uuid4(), first_month=last_month, last_month=last_month)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first_month"), cleaned.get("last_month")
        if isinstance(first, str) and isinstance(last, str) and last < first:
            self.add_error("last_month", _("The last month must not be before the first"))
        return cleaned


class ReportCommentForm(GovukForm):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("It goes on the agenda of the Collaborative's next meeting."),
        error_messages={
            "required": _("Write your comment"),
            "max_length": _("Use 3,000 characters or fewer"),
        },
    )
    submission_id = once_token()
