"""Forms for a meeting on its day: attendance, decisions, actions, the chair, and minutes."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.forms.common import Members, MembershipChoiceField, _text
from livingwell.collaborative.models import Action, Decision
from livingwell.core.forms import (
    GovukDateField,
    GovukForm,
    once_token,
)


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


class MarkThereForm(GovukForm):
    membership = MembershipChoiceField(
        label=_("Someone else who is here"),
        error_messages={"required": _("Choose who is here"), "invalid_choice": _("Choose who is here")},
    )

    def __init__(self, *args: Any, members: Members, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].among(members)  # type: ignore[attr-defined]


class ShortNoticeForm(forms.Form):
    """Publishing an agenda with less notice than the body's rules ask: the secretary says they know."""

    short_notice = forms.BooleanField(required=False)


class AttendanceMarkForm(forms.Form):
    """One member marked there or not there (the view checks they are a member of the body)."""

    membership = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    present = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Action.Status.choices)
    # The meeting page to go back to (the action may have been carried forward from an earlier one).
    meeting = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)


class GuestThereForm(forms.Form):
    there = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])
