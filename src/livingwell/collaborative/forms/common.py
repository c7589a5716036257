"""What the collaborative's forms share: text and email fields, choosing members."""

from typing import Any

from django import forms

from livingwell.collaborative.models import Membership
from livingwell.core.forms import QuickSelect, email_field, options_html, text_field

# Every app's text and email fields are core's; the collaborative's forms know them by these names.
_text = text_field
_email = email_field


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
