"""Forms for onward introductions."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm, once_token
from livingwell.directory.models import Service
from livingwell.support.models import (
    OnwardIntroduction,
)


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
