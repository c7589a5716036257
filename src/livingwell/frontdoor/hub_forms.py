"""The Hub's forms for an introduction: a contact attempt, the first conversation, and where it goes."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm, WhenForm
from livingwell.directory.models import Service
from livingwell.frontdoor.models import ContactAttempt, Introduction
from livingwell.support.models import GuideProfile


class IntroductionWhenForm(WhenForm):
    """A date and time on an introduction: never before it arrived."""

    def __init__(self, *args: Any, introduction: Introduction, **kwargs: Any) -> None:
        self.introduction = introduction
        super().__init__(
            *args,
            not_before=introduction.created_at,
            not_before_message=_("The date and time must be after the introduction arrived"),
            **kwargs,
        )


class ContactAttemptForm(IntroductionWhenForm):
    outcome = forms.ChoiceField(
        label=_("What happened?"),
        choices=ContactAttempt.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what happened")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        help_text=_("The person can read this note when they ask to see their record."),
    )
    field_order = ["outcome", "on", "at", "note"]

    def clean_outcome(self) -> str:
        outcome = self.cleaned_data["outcome"]
        if outcome == ContactAttempt.Outcome.LEFT_MESSAGE and self.introduction.may_leave_message is False:
            raise ValidationError(_("They asked us not to leave a message"))
        return outcome


class FirstConversationForm(IntroductionWhenForm):
    what_matters = forms.CharField(
        label=_("What matters to them"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter what matters to them")},
    )
    strengths = forms.CharField(
        label=_("Their strengths, interests and connections"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter their strengths, interests and connections")},
    )
    next_step = forms.CharField(
        label=_("The next step you agreed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the next step you agreed")},
    )
    field_order = ["on", "at", "what_matters", "strengths", "next_step"]


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
