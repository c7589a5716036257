"""Forms for claims and rotas."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.collaborative.forms.common import MembershipsChoiceField, _text, among
from livingwell.collaborative.models import Membership
from livingwell.collaborative.payments import RECEIPT_LIMIT, receipt_type_of
from livingwell.core.forms import (
    GovukForm,
    once_token,
)


class ExpenseForm(GovukForm):
    what = _text(
        _("What was it for?"), 200, missing=_("Say what the expense was for"), help_text=_("For example, bus fare")
    )
    amount = forms.DecimalField(
        label=_("Amount in pounds"),
        min_value=Decimal("0.01"),
        max_value=Decimal("10000"),
        decimal_places=2,
        error_messages={
            "required": _("Enter the amount"),
            "invalid": _("Enter an amount in pounds, like 4.50"),
            "min_value": _("The amount must be more than 0"),
            "max_value": _("The amount must be £10,000 or less"),
            "max_decimal_places": _("Enter an amount in pounds and pence, like 4.50"),
        },
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_("A photo or PDF of the receipt, up to 5 MB"),
        error_messages={"required": _("Choose the receipt"), "empty": _("The receipt file is empty")},
    )
    submission_id = once_token()

    def clean_receipt(self) -> Any:
        receipt = self.cleaned_data["receipt"]
        if receipt.size > RECEIPT_LIMIT:
            raise forms.ValidationError(_("The receipt must be 5 MB or smaller"))
        head = receipt.read(16)
        receipt.seek(0)
        if receipt_type_of(head) is None:
            raise forms.ValidationError(_("The receipt must be a PDF, JPG, PNG, HEIC or WEBP"))
        return receipt


class ApproveForm(GovukForm):
    over_limit_agreed = forms.BooleanField(
        label=_("This takes them over their yearly limit, and they have agreed"), required=False
    )


class RotaForm(GovukForm):
    name = _text(
        _("Name of the rota"),
        150,
        missing=_("Enter a name for the rota"),
        help_text=_("For example: Hub representative at the Collaborative"),
    )
    duty = _text(_("What does the person on the rota do?"), 1000, rows=3, missing=_("Say what they do"))
    people = MembershipsChoiceField(
        queryset=None,
        label=_("Who takes turns? (in this order)"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least two people"),
            "invalid_choice": _("Choose members of this group"),
        },
    )

    def __init__(self, *args: Any, memberships: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = among(memberships)  # type: ignore[attr-defined]


class RotaSwapForm(forms.Form):
    """Which turn, and who takes it instead (one of the rota's places, checked by the view)."""

    turn = forms.IntegerField(min_value=1)
    membership = forms.IntegerField(min_value=1)
