"""What the collaborative's forms share: text and email fields, choosing members."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.models import Membership
from livingwell.core.forms import (
    QuickSelect,
    options_html,
)


def _text(label: Any, max_length: int, *, missing: Any = "", rows: int = 0, help_text: Any = "") -> forms.CharField:
    """A text box (or area, given rows), required when ``missing`` says what to do; surrounding spaces are
    dropped, so spaces alone count as missing."""
    messages = {"max_length": _("Use %(limit)s characters or fewer") % {"limit": f"{max_length:,}"}}
    if missing:
        messages["required"] = missing
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(missing),
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        help_text=help_text,
        error_messages=messages,
    )


def _email(help_text: Any, missing: Any) -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": missing,
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Use 254 characters or fewer"),
        },
    )


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
