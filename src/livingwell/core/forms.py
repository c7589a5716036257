"""GOV.UK Design System forms with Django's own form rendering.

Every form mixes in ``GovukForm``: ``{{ form }}`` then renders GOV.UK labels, hints, error messages
and inputs, and ``core/includes/error_summary.html`` renders the error summary. The base template
prefixes the page title with "Error: " whenever the context's ``form`` has errors.
"""

from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import Input

WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
    Input: "govuk-input",
}


class GovukFormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def _widget_class(widget: forms.Widget) -> str:
    for widget_type, css_class in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css_class
    return ""


class GovukForm(forms.Form):
    """A form whose fields render as GOV.UK Design System components."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            classes = [_widget_class(widget), widget.attrs.get("class", "")]
            widget.attrs["class"] = " ".join(c for c in classes if c)
            described_by = []
            if field.help_text:
                described_by.append(f"{self._field_id(name)}-hint")
            if described_by:
                widget.attrs["aria-describedby"] = " ".join(described_by)

    def _field_id(self, name: str) -> str:
        """The id Django's BoundField gives the field, worked out without making (and caching) the
        BoundField, so a form may still change its fields' labels after this __init__."""
        html_name = self.add_prefix(name)
        if self.auto_id and "%s" in str(self.auto_id):
            return str(self.auto_id) % html_name
        return html_name if self.auto_id else ""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            css_class = _widget_class(widget)
            if css_class in {"govuk-input", "govuk-textarea", "govuk-select"}:
                widget.attrs["class"] += f" {css_class}--error"
            error_id = f"{self._field_id(name)}-error"
            widget.attrs["aria-describedby"] = " ".join(
                part for part in (widget.attrs.get("aria-describedby", ""), error_id) if part
            )


class GovukModelForm(GovukForm, forms.ModelForm):  # type: ignore[misc]
    """A model form rendered as GOV.UK components."""
