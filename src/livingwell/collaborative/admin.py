"""Administrators set up bodies here: their purpose, terms of reference, code of conduct, constituencies,
quorum rules and payment rates are data. Members and their records are kept out of the admin: the chair and secretary
reach them through the audited pages."""

from django import forms
from django.contrib import admin

from livingwell.collaborative.models import Body, Constituency, ConstituencyKind, PaymentRate, QuorumRule


class ConstituencyInline(admin.TabularInline[Constituency, Body]):
    model = Constituency
    extra = 1
    fields = ["name", "kind", "organisation", "sector"]
    autocomplete_fields = ["organisation"]


class QuorumRuleForm(forms.ModelForm[QuorumRule]):
    also_counts = forms.MultipleChoiceField(
        label=QuorumRule._meta.get_field("also_counts").verbose_name,
        help_text=QuorumRule._meta.get_field("also_counts").help_text,
        choices=ConstituencyKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = QuorumRule
        fields = ["kind", "minimum", "also_counts"]


class QuorumRuleInline(admin.TabularInline[QuorumRule, Body]):
    model = QuorumRule
    form = QuorumRuleForm
    extra = 1


class PaymentRateInline(admin.TabularInline[PaymentRate, Body]):
    model = PaymentRate
    extra = 1


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin[Body]):
    list_display = ["name", "kind", "open_membership", "rotates_chair", "notice_days"]
    list_filter = ["kind", "open_membership"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ConstituencyInline, QuorumRuleInline, PaymentRateInline]
