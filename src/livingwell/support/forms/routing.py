"""The form that routes an introduction from the duty queue."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm
from livingwell.directory.models import Service
from livingwell.frontdoor.models import Introduction
from livingwell.support.models import (
    GuideProfile,
)


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
