"""The figures' forms: the period a dashboard shows (a first and a last month, chosen from the months there are
figures for), the public page's quarter, and the quarterly report's steps."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.models import Decision
from livingwell.insight.counting import month_of, month_parse, months_between, months_earlier
from livingwell.insight.models import QuarterlyReport
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


class ReportStartForm(forms.Form):
    quarter = forms.ChoiceField(label=_("Quarter"))

    def __init__(self, *args: object, quarters: list[Quarter], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["quarter"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [(quarter.slug, quarter.label) for quarter in quarters]
        field.error_messages["invalid_choice"] = field.error_messages["required"] = _("Choose a quarter from the list")


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

    def __init__(self, *args: object, decisions: list[Decision], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["decision"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = (
            Decision.objects.filter(pk__in=[decision.pk for decision in decisions])
            .select_related("meeting", "body")
            .order_by("-meeting__starts_at", "-pk")
        )
