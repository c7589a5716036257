"""The lexicon in the admin, for the clinical lead: every change audited, and a page to try the net."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.safety.categories import RiskCategory
from livingwell.safety.models import LexiconEntry, ReleaseSignOff
from livingwell.safety.net import risk_in


def _described(entry: LexiconEntry) -> str:
    state = "in use" if entry.active else "not in use"
    return f"{entry.category}, {state}: {entry.pattern!r}"


class TryForm(forms.Form):
    text = forms.CharField(
        label=_("Some words, as a person might write them"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


@admin.register(LexiconEntry)
class LexiconEntryAdmin(admin.ModelAdmin):
    list_display = ["pattern", "category", "active", "note", "changed_at"]
    list_filter = ["category", "active"]
    search_fields = ["pattern", "note"]
    readonly_fields = ["changed_at"]
    change_list_template = "admin/safety/lexiconentry/change_list.html"

    def save_model(self, request: HttpRequest, obj: LexiconEntry, form: forms.ModelForm, change: bool) -> None:
        before = LexiconEntry.objects.filter(pk=obj.pk).first() if change else None
        obj.changed_at = timezone.now()
        super().save_model(request, obj, form, change)
        detail = f"lexicon entry {'from ' + _described(before) + ' to ' if before else 'added: '}{_described(obj)}"
        audit_event_record(
            actor=request.user,
            action=AuditEvent.Action.CHANGE if change else AuditEvent.Action.CREATE,
            record=obj,
            person_id=None,
            detail=detail,
        )

    def delete_model(self, request: HttpRequest, obj: LexiconEntry) -> None:
        audit_event_record(
            actor=request.user,
            action=AuditEvent.Action.DELETE,
            record=obj,
            person_id=None,
            detail=f"lexicon entry removed: {_described(obj)}",
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[LexiconEntry]) -> None:
        for entry in queryset:
            self.delete_model(request, entry)

    def get_urls(self) -> list[URLPattern]:
        try_url = path("try/", self.admin_site.admin_view(self.try_view), name="safety_lexiconentry_try")
        return [try_url, *super().get_urls()]

    def try_view(self, request: HttpRequest) -> HttpResponse:
        """What the net finds in some words, with the lexicon as it is now. Nothing typed here is kept."""
        form = TryForm(request.POST or None)
        risk = risk_in([form.cleaned_data["text"]]) if request.method == "POST" and form.is_valid() else None
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": _("Try the safety net"),
            "opts": self.model._meta,
            "form": form,
            "risk": risk,
            "categories": [RiskCategory(category).label for category in risk.categories] if risk else [],
        }
        return TemplateResponse(request, "admin/safety/lexiconentry/try.html", context)


@admin.register(ReleaseSignOff)
class ReleaseSignOffAdmin(admin.ModelAdmin):
    """Read only: a sign-off is recorded by ``manage.py safety_signoff`` and never changed."""

    list_display = ["release", "officer", "signed_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ReleaseSignOff | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ReleaseSignOff | None = None) -> bool:
        return False
